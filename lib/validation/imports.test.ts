import { describe, expect, it } from 'vitest';
import { checkDisruptionRow, checkThreatRow, duplicateKeyErrors, type DisruptionColumnKey, type ThreatColumnKey } from './imports';

const TODAY = '2026-11-25';

const threatRow = (values: Partial<Record<ThreatColumnKey, string>>, row = 3) => ({
  row,
  values: {
    urn: 'WYP-OCG-9001',
    name: 'Operation Larch',
    type: 'OCG',
    tier: '2',
    status: 'ACTIVE',
    archivedReason: '',
    mappedOn: '14/03/2026',
    organisationCode: 'WYP',
    lroEmail: 'Lee.Brearley@quadrant.test',
    deputyEmail: '',
    areas: 'Drugs; COUNTY_LINES;drugs',
    ...values,
  },
});

const disruptionRow = (values: Partial<Record<DisruptionColumnKey, string>>, row = 2) => ({
  row,
  values: {
    reference: 'APM-D-1',
    urn: 'WYP-OCG-0112',
    disruptedOn: '2026-10-01',
    strand: 'Pursue',
    category: 'moderate',
    role: 'LEAD',
    leadAgencyCode: 'WYP',
    description: 'Warrant executed',
    apmisReference: 'apm-2026-0001',
    ...values,
  },
});

describe('checkThreatRow', () => {
  it('turns a good row into a typed record: codes or labels, dates either way, areas de-duplicated and sorted, e-mail lower case', () => {
    expect(checkThreatRow(threatRow({}), TODAY)).toEqual({
      ok: true,
      record: {
        row: 3,
        urn: 'WYP-OCG-9001',
        name: 'Operation Larch',
        type: 'OCG',
        tier: 2,
        status: 'ACTIVE',
        archivedReason: null,
        mappedOn: '2026-03-14',
        organisationCode: 'WYP',
        lroEmail: 'lee.brearley@quadrant.test',
        deputyEmail: null,
        areas: ['COUNTY_LINES', 'DRUGS'],
      },
    });
    const labelled = checkThreatRow(threatRow({ type: 'priority individual', status: 'Archived', archivedReason: 'Dismantled', tier: 'Tier 5', mappedOn: '2026-03-14' }), TODAY);
    expect(labelled.ok && [labelled.record.type, labelled.record.status, labelled.record.archivedReason, labelled.record.tier]).toEqual(['PRIORITY_INDIVIDUAL', 'ARCHIVED', 'Dismantled', 5]);
  });

  it.each<[string, Partial<Record<ThreatColumnKey, string>>, string, string]>([
    ['no URN', { urn: '' }, 'URN', 'Enter the URN'],
    ['a URN with spaces', { urn: 'WYP OCG 1' }, 'URN', 'URN must only include letters, numbers, hyphens and slashes'],
    ['no name', { name: ' ' }, 'Name', 'Enter the threat name'],
    ['an unknown type', { type: 'Gang' }, 'Type', 'Type must be one of OCG (Organised crime group), PRIORITY_INDIVIDUAL (Priority individual), VULNERABILITY (Vulnerability)'],
    ['tier 6', { tier: '6' }, 'Tier', 'Tier must be a whole number from 1 to 5'],
    ['tier 2.5', { tier: '2.5' }, 'Tier', 'Tier must be a whole number from 1 to 5'],
    ['an unknown status', { status: 'Closed' }, 'Status', 'Status must be one of MAPPED (Mapped), ACTIVE (Active), ARCHIVED (Archived)'],
    ['archived without a reason', { status: 'ARCHIVED' }, 'Archived reason', 'Enter the reason for archiving the threat'],
    ['a reason when not archived', { archivedReason: 'Old' }, 'Archived reason', 'Leave the archived reason blank unless the status is Archived'],
    ['an impossible date', { mappedOn: '31/02/2026' }, 'Mapped on', 'Mapped on date must be a real date, written as dd/mm/yyyy or yyyy-mm-dd'],
    ['an American date', { mappedOn: '03/14/2026' }, 'Mapped on', 'Mapped on date must be a real date, written as dd/mm/yyyy or yyyy-mm-dd'],
    ['a date in the future', { mappedOn: '26/11/2026' }, 'Mapped on', 'Mapped on date must be today or in the past'],
    ['no organisation', { organisationCode: '' }, 'Organisation code', 'Enter the organisation code'],
    ['a bad e-mail', { lroEmail: 'lee.brearley' }, 'LRO email', 'LRO email must be an e-mail address, like name@force.police.uk'],
    ['the same LRO and deputy', { deputyEmail: 'lee.brearley@QUADRANT.test' }, 'Deputy email', 'The deputy must be a different person from the LRO'],
    ['no areas', { areas: ' ; ' }, 'Threat areas', 'Enter at least one threat area'],
  ])('refuses %s, naming the column', (_name, values, column, message) => {
    expect(checkThreatRow(threatRow(values, 7), TODAY)).toEqual({ ok: false, errors: [{ row: 7, column, message }] });
  });

  it('names an unknown threat area', () => {
    const result = checkThreatRow(threatRow({ areas: 'Drugs;Burglary' }), TODAY);
    expect(!result.ok && result.errors.map((e) => [e.column, e.message.slice(0, 30)])).toEqual([['Threat areas', '"Burglary" is not a threat are']]);
  });

  it('lists every problem of a row, and the extra cells of an unquoted comma', () => {
    const result = checkThreatRow({ ...threatRow({ urn: '', type: 'x', tier: '' }, 9), extraCells: 1 }, TODAY);
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(['Threat areas', 'URN', 'Type', 'Tier']);
    expect(!result.ok && result.errors.every((e) => e.row === 9)).toBe(true);
  });

  it('accepts today as the mapped date', () => {
    expect(checkThreatRow(threatRow({ mappedOn: '25/11/2026' }), TODAY).ok).toBe(true);
  });
});

describe('checkDisruptionRow', () => {
  it('turns a good row into a typed record, the APMIS reference upper-cased', () => {
    expect(checkDisruptionRow(disruptionRow({}), TODAY)).toEqual({
      ok: true,
      record: {
        row: 2,
        reference: 'APM-D-1',
        urn: 'WYP-OCG-0112',
        disruptedOn: '2026-10-01',
        strand: 'PURSUE',
        category: 'MODERATE',
        role: 'LEAD',
        leadAgencyCode: 'WYP',
        description: 'Warrant executed',
        apmisReference: 'APM-2026-0001',
      },
    });
  });

  it('reads blank optional columns as null (leave as stored)', () => {
    const result = checkDisruptionRow(disruptionRow({ leadAgencyCode: ' ', apmisReference: '', role: 'supporting', category: 'NEGATIVE', disruptedOn: '1/10/2026' }), TODAY);
    expect(result.ok && [result.record.leadAgencyCode, result.record.apmisReference, result.record.role, result.record.category, result.record.disruptedOn]).toEqual([
      null,
      null,
      'SUPPORTING',
      'NEGATIVE',
      '2026-10-01',
    ]);
  });

  it.each<[string, Partial<Record<DisruptionColumnKey, string>>, string, string]>([
    ['no reference', { reference: '' }, 'Reference', 'Enter the reference'],
    ['no URN', { urn: '' }, 'URN', 'Enter the URN'],
    ['no date', { disruptedOn: '' }, 'Date', 'Enter the date'],
    ['a date in the future', { disruptedOn: '2027-01-01' }, 'Date', 'Date must be today or in the past'],
    ['an unknown strand', { strand: 'Pursuit' }, 'Strand', 'Strand must be one of PURSUE (Pursue), PREVENT (Prevent), PROTECT (Protect), PREPARE (Prepare)'],
    ['an unknown category', { category: 'Huge' }, 'Category', 'Category must be one of MAJOR (Major), MODERATE (Moderate), MINOR (Minor), NONE (None), NEGATIVE (Negative)'],
    ['an unknown role', { role: 'led' }, 'Role', 'Role must be one of LEAD (Lead), SUPPORTING (Supporting)'],
    ['no description', { description: '' }, 'Description', 'Enter a description of the disruption'],
    ['a bad APMIS reference', { apmisReference: 'not valid!' }, 'APMIS reference', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
  ])('refuses %s, naming the column', (_name, values, column, message) => {
    expect(checkDisruptionRow(disruptionRow(values, 12), TODAY)).toEqual({ ok: false, errors: [{ row: 12, column, message }] });
  });
});

describe('duplicateKeyErrors', () => {
  it('reports every repeat of a key on its own row, naming the first', () => {
    const records = [
      { row: 2, key: 'A' },
      { row: 3, key: 'B' },
      { row: 5, key: 'A' },
      { row: 8, key: 'A' },
    ];
    expect(duplicateKeyErrors(records, (r) => r.key, 'Reference', 'Reference')).toEqual([
      { row: 5, column: 'Reference', message: 'Reference A is also on row 2: each reference may appear only once in a file' },
      { row: 8, column: 'Reference', message: 'Reference A is also on row 2: each reference may appear only once in a file' },
    ]);
  });
});
