import { APMIS_REFERENCE_MAX, APMIS_REFERENCE_PATTERN, DESCRIPTION_MAX, DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS, DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS, type DisruptionCategory, type DisruptionRole } from './disruptions';
import type { ColumnSpec, CsvRow } from '@/lib/domain/imports/read-csv';
import type { ImportKind, RowError } from '@/lib/domain/imports/types';
import { describeChoices, parseChoice, parseDateKey } from '@/lib/domain/imports/values';
import {
  STRANDS,
  STRAND_LABELS,
  THREAT_AREAS,
  THREAT_AREA_LABELS,
  THREAT_STATUSES,
  THREAT_STATUS_LABELS,
  THREAT_TYPES,
  THREAT_TYPE_LABELS,
  type Strand,
  type ThreatArea,
  type ThreatStatus,
  type ThreatType,
} from '@/lib/domain/vocabulary';

// Imports of APMIS extracts (issue 6, "Imports"; docs/imports.md): the columns of each kind of
// file and the checks of one row that need nothing but the row (and today's date). Each row
// becomes either a typed record or its errors, one per cell, in GOV.UK words. What needs the
// database (does the organisation exist, is it in the importer's scope) is lib/services/imports.ts.

export type ImportColumn<K extends string = string> = ColumnSpec<K> & {
  /** What the column holds, for docs/imports.md and the page's column list. */
  description: string;
};

export const URN_MAX = 40;
export const THREAT_NAME_MAX = 120;
export const ARCHIVED_REASON_MAX = 500;
export const DISRUPTION_REFERENCE_MAX = 60;
/** Letters and numbers, with hyphens or slashes between them: "WYP-OCG-0112", "APM/26/0042". */
export const REFERENCE_PATTERN = /^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const THREAT_COLUMNS = [
  { key: 'urn', header: 'URN', required: true, description: 'The master-list reference (unique). A threat with this URN is updated; otherwise one is created.' },
  { key: 'name', header: 'Name', required: true, description: `The threat's name, up to ${THREAT_NAME_MAX} characters.` },
  { key: 'type', header: 'Type', required: true, description: `One of ${describeChoices(THREAT_TYPES, THREAT_TYPE_LABELS)}.` },
  { key: 'tier', header: 'Tier', required: true, description: 'A whole number from 1 to 5.' },
  { key: 'status', header: 'Status', required: true, description: `One of ${describeChoices(THREAT_STATUSES, THREAT_STATUS_LABELS)}.` },
  { key: 'archivedReason', header: 'Archived reason', required: false, description: `Required when the status is Archived, blank otherwise; up to ${ARCHIVED_REASON_MAX} characters.` },
  { key: 'mappedOn', header: 'Mapped on', required: true, description: 'The date the threat was mapped: dd/mm/yyyy or yyyy-mm-dd, not in the future.' },
  { key: 'organisationCode', header: 'Organisation code', required: true, description: "The code of the organisation that owns the threat: yours or one below it." },
  { key: 'lroEmail', header: 'LRO email', required: false, description: "The e-mail address of the lead responsible officer: an active user with the LRO role in the threat's force or ROCU. Blank leaves the threat's LRO as it is." },
  { key: 'deputyEmail', header: 'Deputy email', required: false, description: 'The e-mail address of the deputy, on the same terms as the LRO. Blank leaves the deputy as it is.' },
  { key: 'areas', header: 'Threat areas', required: true, description: `One or more, separated by semicolons, from ${describeChoices(THREAT_AREAS, THREAT_AREA_LABELS)}.` },
] as const satisfies readonly ImportColumn[];

export const DISRUPTION_COLUMNS = [
  { key: 'reference', header: 'Reference', required: true, description: 'The disruption\'s own reference (unique): a disruption with this reference is updated; otherwise one is created.' },
  { key: 'urn', header: 'URN', required: true, description: 'The URN of the threat disrupted: a threat of your organisation or one below it.' },
  { key: 'disruptedOn', header: 'Date', required: true, description: 'The date of the disruption: dd/mm/yyyy or yyyy-mm-dd, not in the future.' },
  { key: 'strand', header: 'Strand', required: true, description: `One of ${describeChoices(STRANDS, STRAND_LABELS)}.` },
  { key: 'category', header: 'Category', required: true, description: `One of ${describeChoices(DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS)}.` },
  { key: 'role', header: 'Role', required: true, description: `Whether the disruption was led or supported: ${describeChoices(DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS)}.` },
  { key: 'leadAgencyCode', header: 'Lead agency code', required: false, description: 'The code of the force, ROCU or partner agency that led it. Blank leaves a stored lead agency as it is.' },
  { key: 'description', header: 'Description', required: true, description: `What was done, up to ${DESCRIPTION_MAX} characters.` },
  { key: 'apmisReference', header: 'APMIS reference', required: false, description: `The APMIS reference, once recorded there: letters, numbers, hyphens and slashes, up to ${APMIS_REFERENCE_MAX} characters. Blank leaves a stored reference as it is.` },
] as const satisfies readonly ImportColumn[];

/**
 * Columns a file may carry that the import does not read: the ones Quadrant's APMIS-ready
 * disruptions export (docs/exports.md) adds for the reader. They are ignored if present, so an
 * export re-imports unchanged; any other column is still refused.
 */
export const IGNORED_DISRUPTION_COLUMNS = [
  { header: 'Threat name', description: "The threat's name (the URN says which threat)." },
  { header: 'Lead agency', description: "The lead agency's name (the lead agency code says which)." },
  { header: 'Organisation', description: 'The organisation that owns the threat (it follows from the URN).' },
  { header: 'Recorded on APMIS', description: 'yes or no (it follows from the APMIS reference).' },
] as const satisfies readonly { header: string; description: string }[];

export const IGNORED_IMPORT_COLUMNS: Record<ImportKind, readonly { header: string; description: string }[]> = { threats: [], disruptions: IGNORED_DISRUPTION_COLUMNS };

export type ThreatColumnKey = (typeof THREAT_COLUMNS)[number]['key'];
export type DisruptionColumnKey = (typeof DISRUPTION_COLUMNS)[number]['key'];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = { threats: THREAT_COLUMNS, disruptions: DISRUPTION_COLUMNS };

/** A master-list row as checked: every value in the form the database stores it. */
export type ThreatImportRecord = {
  row: number;
  urn: string;
  name: string;
  type: ThreatType;
  tier: number;
  status: ThreatStatus;
  archivedReason: string | null;
  /** yyyy-mm-dd */
  mappedOn: string;
  organisationCode: string;
  /** Lower case; null when blank (leave as it is). */
  lroEmail: string | null;
  deputyEmail: string | null;
  /** Sorted, without repeats. */
  areas: ThreatArea[];
};

export type DisruptionImportRecord = {
  row: number;
  reference: string;
  urn: string;
  /** yyyy-mm-dd */
  disruptedOn: string;
  strand: Strand;
  category: DisruptionCategory;
  role: DisruptionRole;
  /** Null when blank (leave as it is). */
  leadAgencyCode: string | null;
  description: string;
  /** Upper case; null when blank (leave as it is). */
  apmisReference: string | null;
};

export type RowCheck<R> = { ok: true; record: R } | { ok: false; errors: RowError[] };

type Columns<K extends string> = Record<K, string>;

/** Collects one row's errors, naming each column as the file's header does. */
function collector<K extends string>(row: number, headers: Columns<K>) {
  const errors: RowError[] = [];
  return {
    errors,
    add(key: K, message: string) {
      errors.push({ row, column: headers[key], message });
    },
  };
}

const headersOf = <K extends string>(columns: readonly { key: K; header: string }[]) => Object.fromEntries(columns.map((c) => [c.key, c.header])) as Columns<K>;
const THREAT_HEADERS = headersOf(THREAT_COLUMNS);
const DISRUPTION_HEADERS = headersOf(DISRUPTION_COLUMNS);

function extraCellsError(row: CsvRow, column: string): RowError[] {
  return row.extraCells
    ? [{ row: row.row, column, message: `The row has ${row.extraCells} more ${row.extraCells === 1 ? 'cell' : 'cells'} than the header: put quotes around any value that contains a comma` }]
    : [];
}

function checkReference(value: string, label: string, max: number, add: (message: string) => void): string {
  if (!value) add(`Enter the ${label === 'URN' ? label : label.toLowerCase()}`);
  else if (value.length > max) add(`${label} must be ${max} characters or fewer`);
  else if (!REFERENCE_PATTERN.test(value)) add(`${label} must only include letters, numbers, hyphens and slashes`);
  return value;
}

function checkDate(value: string, label: string, today: string, add: (message: string) => void): string {
  if (!value) {
    add(`Enter the ${label.toLowerCase()}`);
    return '';
  }
  const key = parseDateKey(value);
  if (!key) add(`${label} must be a real date, written as dd/mm/yyyy or yyyy-mm-dd`);
  else if (key > today) add(`${label} must be today or in the past`);
  return key ?? '';
}

function checkEmail(value: string, label: string, add: (message: string) => void): string | null {
  if (!value) return null;
  if (!EMAIL_PATTERN.test(value)) add(`${label} must be an e-mail address, like name@force.police.uk`);
  return value.toLowerCase();
}

/** One master-list row: `today` is London's date key (yyyy-mm-dd). */
export function checkThreatRow(csvRow: CsvRow<ThreatColumnKey>, today: string): RowCheck<ThreatImportRecord> {
  const v = Object.fromEntries(Object.entries(csvRow.values).map(([k, value]) => [k, String(value).trim()])) as Columns<ThreatColumnKey>;
  const { errors, add } = collector(csvRow.row, THREAT_HEADERS);
  errors.push(...extraCellsError(csvRow, THREAT_HEADERS.areas));

  const urn = checkReference(v.urn, 'URN', URN_MAX, (m) => add('urn', m));
  if (!v.name) add('name', 'Enter the threat name');
  else if (v.name.length > THREAT_NAME_MAX) add('name', `Name must be ${THREAT_NAME_MAX} characters or fewer`);

  const type = parseChoice(v.type, THREAT_TYPES, THREAT_TYPE_LABELS);
  if (!v.type) add('type', 'Enter the threat type');
  else if (!type) add('type', `Type must be one of ${describeChoices(THREAT_TYPES, THREAT_TYPE_LABELS)}`);

  const tierText = v.tier.replace(/^tier\s*/i, '');
  const tier = /^[1-5]$/.test(tierText) ? Number(tierText) : null;
  if (!v.tier) add('tier', 'Enter the tier');
  else if (tier === null) add('tier', 'Tier must be a whole number from 1 to 5');

  const status = parseChoice(v.status, THREAT_STATUSES, THREAT_STATUS_LABELS);
  if (!v.status) add('status', 'Enter the status');
  else if (!status) add('status', `Status must be one of ${describeChoices(THREAT_STATUSES, THREAT_STATUS_LABELS)}`);

  if (status === 'ARCHIVED' && !v.archivedReason) add('archivedReason', 'Enter the reason for archiving the threat');
  else if (status && status !== 'ARCHIVED' && v.archivedReason) add('archivedReason', 'Leave the archived reason blank unless the status is Archived');
  else if (v.archivedReason.length > ARCHIVED_REASON_MAX) add('archivedReason', `Archived reason must be ${ARCHIVED_REASON_MAX} characters or fewer`);

  const mappedOn = checkDate(v.mappedOn, 'Mapped on date', today, (m) => add('mappedOn', m));
  if (!v.organisationCode) add('organisationCode', 'Enter the organisation code');

  const lroEmail = checkEmail(v.lroEmail, 'LRO email', (m) => add('lroEmail', m));
  const deputyEmail = checkEmail(v.deputyEmail, 'Deputy email', (m) => add('deputyEmail', m));
  if (lroEmail && deputyEmail && lroEmail === deputyEmail) add('deputyEmail', 'The deputy must be a different person from the LRO');

  const areas = new Set<ThreatArea>();
  const areaNames = v.areas.split(';').map((a) => a.trim()).filter(Boolean);
  if (areaNames.length === 0) add('areas', 'Enter at least one threat area');
  for (const name of areaNames) {
    const area = parseChoice(name, THREAT_AREAS, THREAT_AREA_LABELS);
    if (area) areas.add(area);
    else add('areas', `"${name}" is not a threat area. Threat areas are ${describeChoices(THREAT_AREAS, THREAT_AREA_LABELS)}, separated by semicolons`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      row: csvRow.row,
      urn,
      name: v.name,
      type: type!,
      tier: tier!,
      status: status!,
      archivedReason: status === 'ARCHIVED' ? v.archivedReason : null,
      mappedOn,
      organisationCode: v.organisationCode,
      lroEmail,
      deputyEmail,
      areas: [...areas].sort(),
    },
  };
}

/** One disruption row: `today` is London's date key (yyyy-mm-dd). */
export function checkDisruptionRow(csvRow: CsvRow<DisruptionColumnKey>, today: string): RowCheck<DisruptionImportRecord> {
  const v = Object.fromEntries(Object.entries(csvRow.values).map(([k, value]) => [k, String(value).trim()])) as Columns<DisruptionColumnKey>;
  const { errors, add } = collector(csvRow.row, DISRUPTION_HEADERS);
  errors.push(...extraCellsError(csvRow, DISRUPTION_HEADERS.apmisReference));

  const reference = checkReference(v.reference, 'Reference', DISRUPTION_REFERENCE_MAX, (m) => add('reference', m));
  const urn = checkReference(v.urn, 'URN', URN_MAX, (m) => add('urn', m));
  const disruptedOn = checkDate(v.disruptedOn, 'Date', today, (m) => add('disruptedOn', m));

  const strand = parseChoice(v.strand, STRANDS, STRAND_LABELS);
  if (!v.strand) add('strand', 'Enter the strand');
  else if (!strand) add('strand', `Strand must be one of ${describeChoices(STRANDS, STRAND_LABELS)}`);
  const category = parseChoice(v.category, DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS);
  if (!v.category) add('category', 'Enter the category');
  else if (!category) add('category', `Category must be one of ${describeChoices(DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS)}`);
  const role = parseChoice(v.role, DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS);
  if (!v.role) add('role', 'Enter whether the disruption was led or supported');
  else if (!role) add('role', `Role must be one of ${describeChoices(DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS)}`);

  if (!v.description) add('description', 'Enter a description of the disruption');
  else if (v.description.length > DESCRIPTION_MAX) add('description', `Description must be ${DESCRIPTION_MAX} characters or fewer`);

  if (v.apmisReference.length > APMIS_REFERENCE_MAX) add('apmisReference', `APMIS reference must be ${APMIS_REFERENCE_MAX} characters or fewer`);
  else if (v.apmisReference && !APMIS_REFERENCE_PATTERN.test(v.apmisReference)) add('apmisReference', 'APMIS reference must only include letters, numbers, hyphens and slashes');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      row: csvRow.row,
      reference,
      urn,
      disruptedOn,
      strand: strand!,
      category: category!,
      role: role!,
      leadAgencyCode: v.leadAgencyCode || null,
      description: v.description,
      apmisReference: v.apmisReference ? v.apmisReference.toUpperCase() : null,
    },
  };
}

/**
 * A key (URN, reference) that appears on more than one row is an error on each later row: an
 * upsert by key cannot say which of them should win.
 */
export function duplicateKeyErrors<R extends { row: number }>(records: readonly R[], keyOf: (record: R) => string, column: string, label: string): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const record of records) {
    const key = keyOf(record);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, record.row);
    else errors.push({ row: record.row, column, message: `${label} ${key} is also on row ${seen}: each ${label === 'URN' ? label : label.toLowerCase()} may appear only once in a file` });
  }
  return errors;
}
