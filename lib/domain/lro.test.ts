import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './settings';
import {
  assignmentWarnings,
  caseloadLevel,
  caseloadSummary,
  isCourseCurrent,
  isLroTrained,
  lroTrainingStatus,
  trainingSummary,
  type AssignmentCandidate,
  type LroCourse,
} from './lro';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

// Seeded courses are stored as UTC midnights (prisma/seed.ts clock.day); a course expiring on
// 17 May 2028 stops counting at that instant.
const expiring = { completedOn: day('2025-05-18'), expiresOn: day('2028-05-17') } satisfies LroCourse;

describe('isCourseCurrent / isLroTrained: completed on or before now, and not yet expired', () => {
  it.each([
    ['the day before expiry', day('2028-05-16'), true],
    ['a millisecond before expiry', at('2028-05-16T23:59:59.999Z'), true],
    ['the instant of expiry', day('2028-05-17'), false],
    ['later on the day of expiry', at('2028-05-17T12:00:00.000Z'), false],
    ['the day after expiry', day('2028-05-18'), false],
    ['the day it was completed', day('2025-05-18'), true],
    ['the day before it was completed', day('2025-05-17'), false],
  ])('%s -> trained: %s', (_when, now, trained) => {
    expect(isCourseCurrent(expiring, now)).toBe(trained);
    expect(isLroTrained([expiring], now)).toBe(trained);
  });

  it('a course with no expiry counts for ever once completed', () => {
    const forever = { completedOn: day('2020-01-01'), expiresOn: null };
    expect(isLroTrained([forever], day('2099-01-01'))).toBe(true);
    expect(isLroTrained([forever], day('2019-12-31'))).toBe(false);
  });

  it('no courses: not trained', () => {
    expect(isLroTrained([], day('2026-11-25'))).toBe(false);
  });

  it('one current course among expired ones is enough', () => {
    const old = { completedOn: day('2018-01-01'), expiresOn: day('2021-01-01') };
    expect(isLroTrained([old, expiring], day('2026-11-25'))).toBe(true);
    expect(isLroTrained([old], day('2026-11-25'))).toBe(false);
  });

  it('across the clock change (expiry at the start of British Summer Time, 29 March 2026)', () => {
    const course = { completedOn: day('2023-03-29'), expiresOn: at('2026-03-29T00:00:00.000Z') };
    expect(isLroTrained([course], at('2026-03-28T23:59:59.000Z'))).toBe(true);
    // 01:30 London time (BST began at 01:00 GMT) is after the expiry instant.
    expect(isLroTrained([course], at('2026-03-29T00:30:00.000Z'))).toBe(false);
  });
});

describe('lroTrainingStatus', () => {
  const now = day('2026-11-25');
  it.each<[string, LroCourse[], ReturnType<typeof lroTrainingStatus>]>([
    ['no courses', [], { status: 'NONE' }],
    ['a course booked for next month', [{ completedOn: day('2026-12-20'), expiresOn: null }], { status: 'NONE' }],
    ['a current course with an expiry', [expiring], { status: 'TRAINED', expiresOn: day('2028-05-17') }],
    ['a current course with no expiry wins over one that expires', [expiring, { completedOn: day('2024-01-01'), expiresOn: null }], { status: 'TRAINED', expiresOn: null }],
    [
      'two current courses: the later expiry',
      [expiring, { completedOn: day('2026-01-01'), expiresOn: day('2029-01-01') }],
      { status: 'TRAINED', expiresOn: day('2029-01-01') },
    ],
    [
      'only expired courses: the latest expiry',
      [{ completedOn: day('2018-01-01'), expiresOn: day('2021-01-01') }, { completedOn: day('2021-06-01'), expiresOn: day('2024-06-01') }],
      { status: 'EXPIRED', expiredOn: day('2024-06-01') },
    ],
    ['expiring today (the instant of expiry)', [{ completedOn: day('2023-11-25'), expiresOn: now }], { status: 'EXPIRED', expiredOn: now }],
  ])('%s', (_case, courses, expected) => {
    expect(lroTrainingStatus(courses, now)).toEqual(expected);
  });
});

describe('caseloadLevel: active threats held as LRO against the thresholds', () => {
  it.each([
    [0, 'none'],
    [3, 'none'],
    [4, 'warning'],
    [5, 'warning'],
    [6, 'alert'],
    [9, 'alert'],
  ] as const)('%i with the defaults (4 and 6) -> %s', (count, level) => {
    expect(caseloadLevel(count, DEFAULT_THRESHOLDS)).toBe(level);
  });

  it.each([
    [1, 'none'],
    [2, 'warning'],
    [3, 'alert'],
  ] as const)('%i with an organisation setting of 2 and 3 -> %s', (count, level) => {
    expect(caseloadLevel(count, { lroCaseloadWarning: 2, lroCaseloadAlert: 3 })).toBe(level);
  });
});

describe('assignmentWarnings', () => {
  const now = day('2026-11-25');
  const candidate = (overrides: Partial<AssignmentCandidate>): AssignmentCandidate => ({
    id: 'u1',
    name: 'Lee Brearley',
    role: 'LRO',
    training: lroTrainingStatus([expiring], now),
    activeThreatsAsLro: 0,
    ...overrides,
  });
  const reasons = (c: AssignmentCandidate) => assignmentWarnings(c, DEFAULT_THRESHOLDS).map((w) => w.reason);

  it.each([
    [3, []],
    [4, ['CASELOAD_WARNING']],
    [5, ['CASELOAD_WARNING']],
    [6, ['CASELOAD_ALERT']],
  ] as const)('a trained officer holding %i active threats -> %j', (count, expected) => {
    expect(reasons(candidate({ activeThreatsAsLro: count }))).toEqual(expected);
  });

  it('names the officer, the role and the reason', () => {
    const [untrained] = assignmentWarnings(candidate({ training: { status: 'NONE' } }), DEFAULT_THRESHOLDS);
    expect(untrained).toEqual({ officerId: 'u1', officerName: 'Lee Brearley', role: 'LRO', reason: 'NO_TRAINING', message: 'Lee Brearley (new LRO) has no completed LRO training.' });

    const [expired] = assignmentWarnings(candidate({ role: 'DEPUTY', training: { status: 'EXPIRED', expiredOn: day('2024-06-01') } }), DEFAULT_THRESHOLDS);
    expect(expired!.message).toBe('Lee Brearley (new deputy) has no current LRO training: their LRO course expired on 1 June 2024.');

    const [alert] = assignmentWarnings(candidate({ activeThreatsAsLro: 6 }), DEFAULT_THRESHOLDS);
    expect(alert!.message).toBe('Lee Brearley (new LRO) already holds 6 active threats as LRO, at or above the alert level of 6.');

    const [warning] = assignmentWarnings(candidate({ activeThreatsAsLro: 4 }), DEFAULT_THRESHOLDS);
    expect(warning!.message).toBe('Lee Brearley (new LRO) already holds 4 active threats as LRO, at or above the warning level of 4.');
  });

  it('gives both reasons when both apply', () => {
    expect(reasons(candidate({ training: { status: 'NONE' }, activeThreatsAsLro: 5 }))).toEqual(['NO_TRAINING', 'CASELOAD_WARNING']);
  });

  it('uses the thresholds it is given', () => {
    expect(assignmentWarnings(candidate({ activeThreatsAsLro: 2 }), { lroCaseloadWarning: 2, lroCaseloadAlert: 3 }).map((w) => w.reason)).toEqual(['CASELOAD_WARNING']);
  });
});

describe('summaries for lists', () => {
  it.each([
    [{ status: 'TRAINED', expiresOn: day('2028-05-17') } as const, 'Trained until 17 May 2028'],
    [{ status: 'TRAINED', expiresOn: null } as const, 'Trained'],
    [{ status: 'EXPIRED', expiredOn: day('2024-06-01') } as const, 'Training expired 1 June 2024'],
    [{ status: 'NONE' } as const, 'Not trained'],
  ])('%j -> %s', (training, text) => {
    expect(trainingSummary(training)).toBe(text);
  });

  it.each([
    [1, 'none', '1 active threat'],
    [4, 'warning', '4 active threats (warning)'],
    [6, 'alert', '6 active threats (alert)'],
  ] as const)('%i, %s -> %s', (count, level, text) => {
    expect(caseloadSummary(count, level)).toBe(text);
  });
});
