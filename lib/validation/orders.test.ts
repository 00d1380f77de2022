import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrderSchema, editOrderSchema, MISSING_BREACH_NOTE, orderRegisterQuerySchema, recordComplianceCheckSchema } from './orders';

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const blank = { day: '', month: '', year: '' };

// Today is fixed: "not in the future" reads the clock.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-15T22:30:00Z')); // 23:30 BST on 15 June
});
afterEach(() => vi.useRealTimers());

const valid = {
  kind: 'SCPO',
  subjectName: '  Jordan Pike ',
  threatUrn: ' wyp-ocg-0112 ',
  organisationId: 'org-wyp',
  madeOn: parts('2026-01-10'),
  startsOn: parts('2026-02-01'),
  expiresOn: parts('2031-02-01'),
  conditions: '',
  managingTeam: '',
  managingOfficerId: '',
};

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('createOrderSchema', () => {
  it('accepts an order, trimming text, the URN in capitals, dates as ISO days', () => {
    expect(createOrderSchema.parse(valid)).toEqual({
      ...valid,
      subjectName: 'Jordan Pike',
      threatUrn: 'WYP-OCG-0112',
      madeOn: '2026-01-10',
      startsOn: '2026-02-01',
      expiresOn: '2031-02-01',
    });
  });

  it('no expiry, no threat, no officer: all optional', () => {
    expect(createOrderSchema.parse({ ...valid, expiresOn: blank, threatUrn: '', managingOfficerId: undefined })).toMatchObject({ expiresOn: null, threatUrn: '', managingOfficerId: '' });
  });

  it('says everything that is wrong at once', () => {
    expect(errorsOf(createOrderSchema.safeParse({ ...valid, kind: 'WARRANT', subjectName: '', organisationId: '', madeOn: blank, startsOn: parts('2026-02-30'), expiresOn: { day: '1', month: '', year: '' } }))).toEqual({
      kind: 'Select the kind of order',
      subjectName: 'Enter the name of the subject of the order',
      organisationId: 'Select the organisation responsible for the order',
      madeOn: 'Enter the date the order was made',
      startsOn: 'Start date must be a real date',
      'expiresOn.month': 'Expiry date must include a month and year',
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['made today (in London, late evening)', { madeOn: parts('2026-06-15'), startsOn: parts('2026-06-15') }, {}],
    ['made tomorrow', { madeOn: parts('2026-06-16'), startsOn: parts('2026-06-16') }, { madeOn: 'Date the order was made must be today or in the past' }],
    ['starts the day it is made', { startsOn: parts('2026-01-10') }, {}],
    ['starts before it is made', { startsOn: parts('2026-01-09') }, { startsOn: 'Start date must be the same as or after the date the order was made' }],
    ['starts in the future (on release)', { startsOn: parts('2027-03-01') }, {}],
    ['expires the day it starts', { expiresOn: parts('2026-02-01') }, { expiresOn: 'Expiry date must be after the start date' }],
    ['expires the day after it starts', { expiresOn: parts('2026-02-02') }, {}],
  ])('dates: %s', (_name, over, expected) => {
    expect(errorsOf(createOrderSchema.safeParse({ ...valid, ...over }))).toEqual(expected);
  });

  it('checks the dates against each other even when another field is wrong', () => {
    expect(errorsOf(createOrderSchema.safeParse({ ...valid, subjectName: '', expiresOn: parts('2026-01-01') }))).toEqual({
      subjectName: 'Enter the name of the subject of the order',
      expiresOn: 'Expiry date must be after the start date',
    });
  });

  it('is strict, and limits lengths', () => {
    expect(createOrderSchema.safeParse({ ...valid, breachCount: 3 }).success).toBe(false);
    expect(errorsOf(createOrderSchema.safeParse({ ...valid, subjectName: 'x'.repeat(121), conditions: 'x'.repeat(4001) }))).toEqual({
      subjectName: 'Subject must be 120 characters or fewer',
      conditions: 'Conditions must be 4000 characters or fewer',
    });
  });

  it('an edit needs the order and the version it was opened at', () => {
    expect(editOrderSchema.safeParse(valid).success).toBe(false);
    expect(editOrderSchema.parse({ ...valid, orderId: 'o1', version: '3' })).toMatchObject({ orderId: 'o1', version: 3 });
  });
});

describe('recordComplianceCheckSchema', () => {
  const check = { orderId: 'o1', checkedOn: parts('2026-06-15'), result: 'COMPLIANT', note: '' };

  it('accepts a check today, a note optional unless a breach', () => {
    expect(recordComplianceCheckSchema.parse(check)).toEqual({ ...check, checkedOn: '2026-06-15' });
    expect(recordComplianceCheckSchema.parse({ ...check, result: 'UNABLE_TO_CHECK', note: undefined })).toMatchObject({ note: '' });
    expect(recordComplianceCheckSchema.parse({ ...check, result: 'BREACH', note: ' Undeclared phone ' })).toMatchObject({ note: 'Undeclared phone' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['tomorrow', { checkedOn: parts('2026-06-16') }, { checkedOn: 'Date of the check must be today or in the past' }],
    ['no date', { checkedOn: blank }, { checkedOn: 'Enter the date of the check' }],
    ['no result', { result: undefined }, { result: 'Select the result of the check' }],
    ['a breach without a note', { result: 'BREACH', note: '  ' }, { note: MISSING_BREACH_NOTE }],
    ['a breach without a note, and no date', { result: 'BREACH', note: '', checkedOn: blank }, { note: MISSING_BREACH_NOTE, checkedOn: 'Enter the date of the check' }],
    ['a note too long', { note: 'x'.repeat(2001) }, { note: 'Note must be 2000 characters or fewer' }],
  ])('refuses %s', (_name, over, expected) => {
    expect(errorsOf(recordComplianceCheckSchema.safeParse({ ...check, ...over }))).toEqual(expected);
  });
});

describe('orderRegisterQuerySchema: what a URL asks for, nonsense dropped', () => {
  it('defaults: flagged first, page 1', () => {
    expect(orderRegisterQuerySchema.parse({})).toEqual({ notMonitored: false, expiringSoon: false, sort: 'flag', order: 'desc', page: 1 });
  });

  it('reads the filters and the sort, each column in its own default direction', () => {
    expect(orderRegisterQuerySchema.parse({ kind: 'STRO', organisation: 'org1', officer: 'none', notMonitored: 'true', expiringSoon: ['true', 'x'], sort: 'expiresOn', page: '3' })).toEqual({
      kind: 'STRO',
      organisation: 'org1',
      officer: 'none',
      notMonitored: true,
      expiringSoon: true,
      sort: 'expiresOn',
      order: 'asc',
      page: 3,
    });
    expect(orderRegisterQuerySchema.parse({ sort: 'breaches' }).order).toBe('desc');
  });

  it('drops what makes no sense', () => {
    expect(orderRegisterQuerySchema.parse({ kind: 'WARRANT', organisation: "x' OR 1=1", notMonitored: 'yes', sort: 'colour', order: 'up', page: '-2' })).toEqual({
      notMonitored: false,
      expiringSoon: false,
      sort: 'flag',
      order: 'desc',
      page: 1,
    });
  });
});
