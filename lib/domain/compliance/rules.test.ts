/**
 * The compliance rules at their boundaries: the day before, the day of and the day after each
 * threshold, late in a London evening in summer (already tomorrow in London, still today in UTC),
 * and across both clock changes of 2026 (29 March and 25 October, 01:00 UTC). Tests run with
 * TZ=Europe/London; the instants are written in UTC so that rules counting UTC days would fail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type ComplianceThresholds } from '@/lib/domain/settings';
import { STRANDS, STRAND_LABELS, type ActionStatus, type Strand, type ThreatStatus } from '@/lib/domain/vocabulary';
import { FLAG_CODES, compareFlags, type ComplianceFlag, type FlagCode, type FlagSeverity } from './flags';
import type { ActionComplianceRecord, OfficerComplianceRecord, OrderComplianceRecord, PlanComplianceRecord, ThreatComplianceRecord } from './records';
import { complianceFlags, isLiveThreat, isOpenAction, livePlanOf, officerFlags, orderFlags, threatFlags } from './rules';

// --- Builders -------------------------------------------------------------------------------------

/** A stored calendar date (due, mapping, engagement dates): UTC midnight of the day. */
const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);
/** Midday in London (BST) on Monday 15 June 2026: every builder's defaults are healthy now. */
const NOW = at('2026-06-15T11:00:00Z');
const noon = (key: string) => at(`${key}T11:00:00Z`); // 12:00 BST
const T = DEFAULT_THRESHOLDS;
const thresholds = (over: Partial<ComplianceThresholds>): ComplianceThresholds => ({ ...DEFAULT_THRESHOLDS, ...over });

function action(over: Partial<ActionComplianceRecord> = {}): ActionComplianceRecord {
  return {
    id: 'action-1',
    description: 'Cuckooing visits',
    strand: 'PREVENT',
    status: 'IN_PROGRESS',
    ownerUserId: 'user-lro',
    ownerOrganisationId: null,
    dueOn: day('2026-09-30'),
    lastUpdatedAt: at('2026-06-10T09:00:00Z'),
    completedAt: null,
    ...over,
  };
}

/** One open action in each strand: a balanced plan. */
const balancedActions = (): ActionComplianceRecord[] =>
  STRANDS.map((strand) => action({ id: `action-${strand.toLowerCase()}`, description: `${STRAND_LABELS[strand]} work`, strand }));

/** Open actions by strand, e.g. { PURSUE: 8, PREVENT: 1 }. */
const actionsBy = (spec: Partial<Record<Strand, number>>, status: ActionStatus = 'IN_PROGRESS'): ActionComplianceRecord[] =>
  Object.entries(spec).flatMap(([strand, n]) =>
    Array.from({ length: n }, (_, i) => action({ id: `action-${strand}-${status}-${i}`, strand: strand as Strand, status })),
  );

function plan(over: Partial<PlanComplianceRecord> = {}): PlanComplianceRecord {
  return {
    id: 'plan-1',
    status: 'ACTIVE',
    activatedAt: at('2026-01-20T10:00:00Z'),
    // Reviewed on 20 May; tier 3 reviews every 56 days.
    nextReviewDue: day('2026-07-15'),
    materiallyChangedAt: null,
    reviews: [{ id: 'review-1', reviewedAt: at('2026-05-20T10:00:00Z') }],
    engagements: [{ engagedOn: day('2026-05-01') }],
    actions: balancedActions(),
    ...over,
  };
}

function threat(over: Partial<ThreatComplianceRecord> = {}): ThreatComplianceRecord {
  return {
    id: 'threat-1',
    urn: 'WYP-0001',
    name: 'Operation Larch',
    status: 'ACTIVE',
    tier: 3,
    mappedOn: day('2026-01-10'),
    organisationId: 'org-wyp',
    leadResponsibleOfficerId: 'user-lro',
    plans: [plan()],
    disruptions: [{ id: 'disruption-1', reference: 'DIS-0001', disruptedOn: day('2026-06-01'), apmisReference: 'APMIS-1234' }],
    unmetDemand: [],
    assessments: [{ id: 'assessment-1', assessedOn: day('2026-05-01'), moderatedAt: at('2026-05-05T10:00:00Z') }],
    ...over,
  };
}

/** A healthy threat whose active plan has `over`. */
const withPlan = (over: Partial<PlanComplianceRecord>, threatOver: Partial<ThreatComplianceRecord> = {}) => threat({ ...threatOver, plans: [plan(over)] });
/** A healthy threat whose active plan has the one action (whose flags are all that is read). */
const withAction = (over: Partial<ActionComplianceRecord>, threatOver: Partial<ThreatComplianceRecord> = {}) => withPlan({ actions: [action(over)] }, threatOver);

function officer(over: Partial<OfficerComplianceRecord> = {}): OfficerComplianceRecord {
  return {
    id: 'user-lro',
    name: 'Sam Okafor',
    organisationId: 'org-wyp',
    threatsLed: [{ id: 'threat-1', status: 'ACTIVE' }],
    trainingRecords: [{ kind: 'LRO_COURSE', completedOn: day('2025-05-18'), expiresOn: day('2028-05-17') }],
    ...over,
  };
}
const leading = (n: number, status: ThreatStatus = 'ACTIVE') => Array.from({ length: n }, (_, i) => ({ id: `threat-${status}-${i}`, status }));

function order(over: Partial<OrderComplianceRecord> = {}): OrderComplianceRecord {
  return {
    id: 'order-1',
    kind: 'SCPO',
    subjectName: 'Jordan Pike',
    threatId: 'threat-1',
    organisationId: 'org-wyp',
    startsOn: day('2026-01-01'),
    expiresOn: day('2027-06-30'),
    lastComplianceCheckOn: day('2026-06-01'),
    ...over,
  };
}

// --- Reading the result ---------------------------------------------------------------------------

type Expected = FlagSeverity | 'none';

/** The one flag of `code` among `flags`, or null. */
function one(code: FlagCode, flags: readonly ComplianceFlag[]): ComplianceFlag | null {
  const found = flags.filter((flag) => flag.code === code);
  expect(found.length, `${code} raised ${found.length} times`).toBeLessThanOrEqual(1);
  return found[0] ?? null;
}
const flagOf = (code: FlagCode, record: ThreatComplianceRecord, now: Date = NOW, settings: ComplianceThresholds = T) =>
  one(code, threatFlags(record, settings, now));
const severity = (code: FlagCode, record: ThreatComplianceRecord, now: Date = NOW, settings: ComplianceThresholds = T): Expected =>
  flagOf(code, record, now, settings)?.severity ?? 'none';
const officerSeverity = (code: FlagCode, record: OfficerComplianceRecord, now: Date = NOW, settings: ComplianceThresholds = T): Expected =>
  one(code, officerFlags(record, settings, now))?.severity ?? 'none';
const orderSeverity = (record: OrderComplianceRecord, now: Date = NOW, settings: ComplianceThresholds = T): Expected =>
  one('ORDER_NOT_MONITORED', orderFlags(record, settings, now))?.severity ?? 'none';
const codes = (flags: readonly ComplianceFlag[]) => flags.map((flag) => flag.code);

// --- The healthy case -----------------------------------------------------------------------------

describe('the builders', () => {
  it('make a healthy threat, officer and order: no flags', () => {
    expect(threatFlags(threat(), T, NOW)).toEqual([]);
    expect(officerFlags(officer(), T, NOW)).toEqual([]);
    expect(orderFlags(order(), T, NOW)).toEqual([]);
  });

  it('helpers: open actions, live threats and the live plan', () => {
    expect((['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE', 'CANCELLED'] as const).filter((status) => isOpenAction({ status }))).toEqual([
      'NOT_STARTED',
      'IN_PROGRESS',
      'BLOCKED',
    ]);
    expect((['MAPPED', 'ACTIVE', 'ARCHIVED'] as const).filter(isLiveThreat)).toEqual(['MAPPED', 'ACTIVE']);
    expect(livePlanOf([{ status: 'CLOSED' }, { status: 'DRAFT' }])).toEqual({ status: 'DRAFT' });
    expect(livePlanOf([{ status: 'CLOSED' }])).toBeNull();
  });
});

// --- Threat flags ---------------------------------------------------------------------------------

describe('THREAT_NO_LRO: a live threat with no LRO 14 days after mapping (alert)', () => {
  const noLro = (over: Partial<ThreatComplianceRecord> = {}) => threat({ leadResponsibleOfficerId: null, mappedOn: day('2026-06-01'), ...over });

  it.each<[string, Date, Expected]>([
    ['13 days after mapping', noon('2026-06-14'), 'none'],
    ['13 days, at 23:59 BST', at('2026-06-14T22:59:00Z'), 'none'],
    ['14 days, at 00:30 BST (still 14 June in UTC)', at('2026-06-14T23:30:00Z'), 'alert'],
    ['14 days', noon('2026-06-15'), 'alert'],
    ['15 days', noon('2026-06-16'), 'alert'],
  ])('%s -> %s', (_when, now, expected) => {
    expect(severity('THREAT_NO_LRO', noLro(), now)).toBe(expected);
  });

  it.each<[string, string, Date, Expected]>([
    // Mapped 20 March (GMT); 14 London days on is 3 April (BST), 13 days 23½ hours of real time.
    ['spring: the day before', '2026-03-20', at('2026-04-02T22:30:00Z'), 'none'],
    ['spring: the day of, 30 minutes in', '2026-03-20', at('2026-04-02T23:30:00Z'), 'alert'],
    // Mapped 20 October (BST); 14 London days on is 3 November (GMT).
    ['autumn: the day before, 23:59 GMT', '2026-10-20', at('2026-11-02T23:59:00Z'), 'none'],
    ['autumn: the day of', '2026-10-20', at('2026-11-03T00:00:00Z'), 'alert'],
  ])('across the clock change, %s', (_when, mapped, now, expected) => {
    expect(severity('THREAT_NO_LRO', noLro({ mappedOn: day(mapped) }), now)).toBe(expected);
  });

  it.each<[string, Partial<ThreatComplianceRecord>, Expected]>([
    ['ACTIVE', {}, 'alert'],
    ['MAPPED', { status: 'MAPPED' }, 'alert'],
    ['ARCHIVED', { status: 'ARCHIVED' }, 'none'],
    ['an LRO appointed', { leadResponsibleOfficerId: 'user-lro' }, 'none'],
  ])('%s -> %s', (_name, over, expected) => {
    expect(severity('THREAT_NO_LRO', noLro(over))).toBe(expected);
  });

  it.each<[string, Expected]>([
    ['2026-06-09', 'none'],
    ['2026-06-08', 'alert'],
  ])('a custom threshold of 7 days: mapped %s -> %s', (mapped, expected) => {
    expect(severity('THREAT_NO_LRO', noLro({ mappedOn: day(mapped) }), NOW, thresholds({ noLroDays: 7 }))).toBe(expected);
    expect(severity('THREAT_NO_LRO', noLro({ mappedOn: day(mapped) }))).toBe('none');
  });

  it('says what to do, about the threat', () => {
    expect(flagOf('THREAT_NO_LRO', noLro())).toEqual({
      code: 'THREAT_NO_LRO',
      severity: 'alert',
      subject: { kind: 'THREAT', id: 'threat-1' },
      threatId: 'threat-1',
      organisationId: 'org-wyp',
      message: 'WYP-0001 has had no LRO for 14 days since it was mapped: appoint one.',
    });
  });
});

describe('THREAT_NO_PLAN: a live threat without an ACTIVE plan 28 days after mapping (alert)', () => {
  const noPlan = (over: Partial<ThreatComplianceRecord> = {}) => threat({ mappedOn: day('2026-05-18'), plans: [], ...over });

  it.each<[string, Date, Expected]>([
    ['27 days after mapping', noon('2026-06-14'), 'none'],
    ['27 days, at 23:30 BST', at('2026-06-14T22:30:00Z'), 'none'],
    ['28 days, at 00:30 BST', at('2026-06-14T23:30:00Z'), 'alert'],
    ['28 days', noon('2026-06-15'), 'alert'],
    ['29 days', noon('2026-06-16'), 'alert'],
  ])('%s -> %s', (_when, now, expected) => {
    expect(severity('THREAT_NO_PLAN', noPlan(), now)).toBe(expected);
  });

  it.each<[string, string, Date, Expected]>([
    // 28 days from 1 March (GMT) is 29 March, the day the clocks go forward.
    ['spring: 27 days', '2026-03-01', at('2026-03-28T23:59:00Z'), 'none'],
    ['spring: 28 days', '2026-03-01', at('2026-03-29T00:00:00Z'), 'alert'],
    // 28 days from 27 September (BST) is 25 October, the day the clocks go back.
    ['autumn: 27 days, 23:59 BST', '2026-09-27', at('2026-10-24T22:59:00Z'), 'none'],
    ['autumn: 28 days, 00:00 BST', '2026-09-27', at('2026-10-24T23:00:00Z'), 'alert'],
  ])('across the clock change, %s', (_when, mapped, now, expected) => {
    expect(severity('THREAT_NO_PLAN', noPlan({ mappedOn: day(mapped) }), now)).toBe(expected);
  });

  it.each<[string, Partial<ThreatComplianceRecord>, Expected, string | null]>([
    ['no plan', {}, 'alert', 'WYP-0001 was mapped 28 days ago and has no 4P plan: start one.'],
    ['a DRAFT plan', { plans: [plan({ status: 'DRAFT', activatedAt: null })] }, 'alert', 'WYP-0001 was mapped 28 days ago and its 4P plan is still a draft: activate it.'],
    ['only a CLOSED plan', { plans: [plan({ status: 'CLOSED' })] }, 'alert', 'WYP-0001 was mapped 28 days ago and has no 4P plan: start one.'],
    ['an ACTIVE plan', { plans: [plan()] }, 'none', null],
    ['a CLOSED and an ACTIVE plan', { plans: [plan({ id: 'old', status: 'CLOSED' }), plan()] }, 'none', null],
    ['MAPPED', { status: 'MAPPED' }, 'alert', 'WYP-0001 was mapped 28 days ago and has no 4P plan: start one.'],
    ['ARCHIVED', { status: 'ARCHIVED' }, 'none', null],
  ])('%s -> %s', (_name, over, expected, message) => {
    const flag = flagOf('THREAT_NO_PLAN', noPlan(over));
    expect(flag?.severity ?? 'none').toBe(expected);
    expect(flag?.message ?? null).toBe(message);
  });

  it('a custom threshold of 10 days', () => {
    const custom = thresholds({ noPlanDays: 10 });
    expect(severity('THREAT_NO_PLAN', noPlan({ mappedOn: day('2026-06-06') }), NOW, custom)).toBe('none');
    expect(severity('THREAT_NO_PLAN', noPlan({ mappedOn: day('2026-06-05') }), NOW, custom)).toBe('alert');
  });

  it('clears when the plan is activated', () => {
    const draft = noPlan({ plans: [plan({ status: 'DRAFT', activatedAt: null })] });
    expect(severity('THREAT_NO_PLAN', draft)).toBe('alert');
    expect(severity('THREAT_NO_PLAN', { ...draft, plans: [plan({ activatedAt: NOW, reviews: [], nextReviewDue: null })] })).toBe('none');
  });
});

// --- Reviews --------------------------------------------------------------------------------------

describe('PLAN_NEVER_REVIEWED: no review one cadence after activation (warning), two cadences (alert)', () => {
  // Tier 1: a 28-day cadence. Activated 1 May: first review due 29 May, the second on 26 June.
  const neverReviewed = (over: Partial<PlanComplianceRecord> = {}, threatOver: Partial<ThreatComplianceRecord> = {}) =>
    withPlan({ activatedAt: at('2026-05-01T09:00:00Z'), reviews: [], nextReviewDue: null, ...over }, { tier: 1, ...threatOver });

  it.each<[string, Date, Expected]>([
    ['the day before the first review is due', noon('2026-05-28'), 'none'],
    ['the day the first review is due', noon('2026-05-29'), 'none'],
    ['the day it is due, 23:59 BST', at('2026-05-29T22:59:00Z'), 'none'],
    ['the day after, 00:30 BST', at('2026-05-29T23:30:00Z'), 'warning'],
    ['the day after', noon('2026-05-30'), 'warning'],
    ['the day before the second review is due', noon('2026-06-25'), 'warning'],
    ['the day the second review is due', noon('2026-06-26'), 'warning'],
    ['the day after the second review was due', noon('2026-06-27'), 'alert'],
    ['later', noon('2026-07-27'), 'alert'],
  ])('tier 1, %s -> %s', (_when, now, expected) => {
    expect(severity('PLAN_NEVER_REVIEWED', neverReviewed(), now)).toBe(expected);
  });

  it.each<[string, Date, Expected]>([
    ['the day the first review is due', noon('2026-06-26'), 'none'],
    ['the day after', noon('2026-06-27'), 'warning'],
    ['the day the second review is due', noon('2026-08-21'), 'warning'],
    ['the day after that', noon('2026-08-22'), 'alert'],
  ])('tier 3 (56 days), %s -> %s', (_when, now, expected) => {
    expect(severity('PLAN_NEVER_REVIEWED', neverReviewed({}, { tier: 3 }), now)).toBe(expected);
  });

  it.each<[number, number, string, string]>([
    [1, 7, '2026-05-08', '2026-05-09'],
    [2, 14, '2026-05-15', '2026-05-16'],
    [3, 21, '2026-05-22', '2026-05-23'],
    [4, 35, '2026-06-05', '2026-06-06'],
    [5, 42, '2026-06-12', '2026-06-13'],
  ])('a custom cadence for each tier: tier %i every %i days is due %s and flagged %s', (tier, _cadence, due, after) => {
    const custom = thresholds({
      reviewCadenceTier1Days: 7,
      reviewCadenceTier2Days: 14,
      reviewCadenceTier3Days: 21,
      reviewCadenceTier4Days: 35,
      reviewCadenceTier5Days: 42,
    });
    const record = neverReviewed({}, { tier });
    expect(severity('PLAN_NEVER_REVIEWED', record, noon(due), custom)).toBe('none');
    expect(severity('PLAN_NEVER_REVIEWED', record, noon(after), custom)).toBe('warning');
  });

  it.each<[number, Expected]>([
    [1, 'warning'],
    [2, 'warning'],
    [3, 'none'],
    [4, 'none'],
    [5, 'none'],
  ])('the default cadence of tier %i (28 days for tiers 1-2, 56 for 3-5), 30 days after activation -> %s', (tier, expected) => {
    expect(severity('PLAN_NEVER_REVIEWED', neverReviewed({}, { tier }), noon('2026-05-31'))).toBe(expected);
  });

  it('activation late in a London evening in summer counts from the London day (2 May)', () => {
    const late = neverReviewed({ activatedAt: at('2026-05-01T23:30:00Z') });
    expect(severity('PLAN_NEVER_REVIEWED', late, noon('2026-05-30'))).toBe('none');
    expect(flagOf('PLAN_NEVER_REVIEWED', late, noon('2026-05-31'))?.message).toBe(
      'The plan has never been reviewed: its first review was due on 30 May 2026, 1 day ago.',
    );
  });

  it.each<[string, string, Date, Expected]>([
    // Activated 1 March: due 29 March, the day the clocks go forward.
    ['spring: 23:59 BST on the due date', '2026-03-01T12:00:00Z', at('2026-03-29T22:59:00Z'), 'none'],
    ['spring: 00:00 BST the next day', '2026-03-01T12:00:00Z', at('2026-03-29T23:00:00Z'), 'warning'],
    // Activated 27 September: due 25 October, the day the clocks go back.
    ['autumn: 23:59 GMT on the due date', '2026-09-27T11:00:00Z', at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: 00:00 GMT the next day', '2026-09-27T11:00:00Z', at('2026-10-26T00:00:00Z'), 'warning'],
  ])('across the clock change, %s -> %s', (_when, activated, now, expected) => {
    expect(severity('PLAN_NEVER_REVIEWED', neverReviewed({ activatedAt: at(activated) }), now)).toBe(expected);
  });

  it('says when the first review was due, on the plan', () => {
    expect(flagOf('PLAN_NEVER_REVIEWED', neverReviewed(), noon('2026-05-30'))).toMatchObject({
      severity: 'warning',
      subject: { kind: 'PLAN', id: 'plan-1' },
      threatId: 'threat-1',
      message: 'The plan has never been reviewed: its first review was due on 29 May 2026, 1 day ago.',
    });
    expect(flagOf('PLAN_NEVER_REVIEWED', neverReviewed(), noon('2026-06-27'))?.message).toBe(
      'The plan has never been reviewed: its first review was due on 29 May 2026, 29 days ago.',
    );
  });

  it.each<[string, ThreatComplianceRecord]>([
    ['a DRAFT plan', neverReviewed({ status: 'DRAFT', activatedAt: null })],
    ['a DRAFT plan with an activation date', neverReviewed({ status: 'DRAFT' })],
    ['an ACTIVE plan with no activation date', neverReviewed({ activatedAt: null })],
    ['an ARCHIVED threat', neverReviewed({}, { status: 'ARCHIVED' })],
    ['a CLOSED plan', neverReviewed({ status: 'CLOSED' })],
  ])('is not raised for %s', (_name, record) => {
    expect(severity('PLAN_NEVER_REVIEWED', record, noon('2026-07-27'))).toBe('none');
  });

  it('is raised for a MAPPED threat', () => {
    expect(severity('PLAN_NEVER_REVIEWED', neverReviewed({}, { status: 'MAPPED' }), noon('2026-07-27'))).toBe('alert');
  });

  it('clears when a review is recorded', () => {
    const now = noon('2026-07-27');
    const reviewed = neverReviewed({ reviews: [{ id: 'review-1', reviewedAt: now }], nextReviewDue: day('2026-08-24') });
    expect(codes(threatFlags(reviewed, T, now)).filter((code) => code.startsWith('PLAN_') && code.includes('REVIEW'))).toEqual([]);
  });
});

describe('PLAN_REVIEW_OVERDUE: the next review date has passed (warning), by more than a cadence (alert)', () => {
  // Tier 1: a 28-day cadence; the review recorded on 1 May set the next for 29 May.
  const due = (nextReviewDue: string, threatOver: Partial<ThreatComplianceRecord> = {}, over: Partial<PlanComplianceRecord> = {}) =>
    withPlan({ reviews: [{ id: 'review-1', reviewedAt: at('2026-05-01T10:00:00Z') }], nextReviewDue: day(nextReviewDue), ...over }, { tier: 1, ...threatOver });

  it.each<[string, Date, Expected]>([
    ['the day before the review date', noon('2026-05-28'), 'none'],
    ['the review date', noon('2026-05-29'), 'none'],
    ['the review date, 23:59 BST', at('2026-05-29T22:59:00Z'), 'none'],
    ['the day after, 00:00 BST (still 29 May in UTC)', at('2026-05-29T23:00:00Z'), 'warning'],
    ['the day after', noon('2026-05-30'), 'warning'],
    ['27 days overdue', noon('2026-06-25'), 'warning'],
    ['28 days overdue: a cadence, but not more', noon('2026-06-26'), 'warning'],
    ['29 days overdue', noon('2026-06-27'), 'alert'],
    ['30 days overdue', noon('2026-06-28'), 'alert'],
  ])('tier 1, %s -> %s', (_when, now, expected) => {
    expect(severity('PLAN_REVIEW_OVERDUE', due('2026-05-29'), now)).toBe(expected);
  });

  it.each<[string, Date, Expected]>([
    ['28 days overdue', noon('2026-06-26'), 'warning'],
    ['56 days overdue', noon('2026-07-24'), 'warning'],
    ['57 days overdue', noon('2026-07-25'), 'alert'],
  ])('tier 3 (56 days), %s -> %s', (_when, now, expected) => {
    expect(severity('PLAN_REVIEW_OVERDUE', due('2026-05-29', { tier: 3 }), now)).toBe(expected);
  });

  it('a custom tier 1 cadence of 7 days', () => {
    const custom = thresholds({ reviewCadenceTier1Days: 7 });
    expect(severity('PLAN_REVIEW_OVERDUE', due('2026-05-29'), noon('2026-06-05'), custom)).toBe('warning');
    expect(severity('PLAN_REVIEW_OVERDUE', due('2026-05-29'), noon('2026-06-06'), custom)).toBe('alert');
  });

  it.each<[string, string, Date, Expected]>([
    ['spring: due 28 March, 23:59 GMT', '2026-03-28', at('2026-03-28T23:59:00Z'), 'none'],
    ['spring: due 28 March, 00:00 GMT on the 29th', '2026-03-28', at('2026-03-29T00:00:00Z'), 'warning'],
    ['spring: due 29 March, 23:59 BST', '2026-03-29', at('2026-03-29T22:59:00Z'), 'none'],
    ['spring: due 29 March, 00:00 BST on the 30th', '2026-03-29', at('2026-03-29T23:00:00Z'), 'warning'],
    ['autumn: due 24 October, 23:59 BST', '2026-10-24', at('2026-10-24T22:59:00Z'), 'none'],
    ['autumn: due 24 October, 00:00 BST on the 25th', '2026-10-24', at('2026-10-24T23:00:00Z'), 'warning'],
    ['autumn: due 25 October, 23:59 GMT', '2026-10-25', at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: due 25 October, 00:00 GMT on the 26th', '2026-10-25', at('2026-10-26T00:00:00Z'), 'warning'],
  ])('across the clock change, %s -> %s', (_when, dueOn, now, expected) => {
    expect(severity('PLAN_REVIEW_OVERDUE', due(dueOn), now)).toBe(expected);
  });

  it('says how overdue, and when a second review date has passed', () => {
    expect(flagOf('PLAN_REVIEW_OVERDUE', due('2026-05-29'), noon('2026-05-30'))).toMatchObject({
      subject: { kind: 'PLAN', id: 'plan-1' },
      message: "The plan's review was due on 29 May 2026 and is 1 day overdue.",
    });
    expect(flagOf('PLAN_REVIEW_OVERDUE', due('2026-05-29'), noon('2026-06-26'))?.message).toBe("The plan's review was due on 29 May 2026 and is 28 days overdue.");
    expect(flagOf('PLAN_REVIEW_OVERDUE', due('2026-05-29'), noon('2026-06-27'))?.message).toBe(
      "The plan's review was due on 29 May 2026 and is 29 days overdue: a second review date has passed as well.",
    );
  });

  it.each<[string, ThreatComplianceRecord]>([
    ['no next review date', due('2026-05-29', {}, { nextReviewDue: null })],
    ['a DRAFT plan', due('2026-05-29', {}, { status: 'DRAFT' })],
    ['an ARCHIVED threat', due('2026-05-29', { status: 'ARCHIVED' })],
  ])('is not raised for %s', (_name, record) => {
    expect(severity('PLAN_REVIEW_OVERDUE', record, noon('2026-07-01'))).toBe('none');
  });

  it('never raises PLAN_NEVER_REVIEWED beside it', () => {
    expect(severity('PLAN_NEVER_REVIEWED', due('2026-05-29'), noon('2026-07-01'))).toBe('none');
  });

  it('clears when a review is recorded with a later review date', () => {
    const now = noon('2026-07-01');
    const reviewed = due('2026-05-29', {}, {
      reviews: [
        { id: 'review-1', reviewedAt: at('2026-05-01T10:00:00Z') },
        { id: 'review-2', reviewedAt: now },
      ],
      nextReviewDue: day('2026-07-29'),
    });
    expect(severity('PLAN_REVIEW_OVERDUE', due('2026-05-29'), now)).toBe('alert');
    expect(severity('PLAN_REVIEW_OVERDUE', reviewed, now)).toBe('none');
  });
});

describe('PLAN_CHANGED_SINCE_REVIEW: a material change after the last review (warning)', () => {
  const reviewedAt = at('2026-06-01T10:00:00Z');
  const changed = (materiallyChangedAt: Date | null, over: Partial<PlanComplianceRecord> = {}) =>
    withPlan({ reviews: [{ id: 'review-1', reviewedAt }], materiallyChangedAt, ...over });

  it.each<[string, Date | null, Expected]>([
    ['no change', null, 'none'],
    ['a change before the review', at('2026-06-01T09:59:59.999Z'), 'none'],
    ['a change at the instant of the review', reviewedAt, 'none'],
    ['a change a millisecond after', at('2026-06-01T10:00:00.001Z'), 'warning'],
    ['a change days later', at('2026-06-10T10:00:00Z'), 'warning'],
  ])('%s -> %s', (_name, when, expected) => {
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', changed(when))).toBe(expected);
  });

  it('compares with the latest review, in whatever order the reviews come', () => {
    const reviews = [
      { id: 'review-2', reviewedAt: at('2026-06-01T10:00:00Z') },
      { id: 'review-1', reviewedAt: at('2026-05-01T10:00:00Z') },
    ];
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', changed(at('2026-05-15T10:00:00Z'), { reviews }))).toBe('none');
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', changed(at('2026-05-15T10:00:00Z'), { reviews: [...reviews].reverse() }))).toBe('none');
  });

  it('is not raised for a plan never reviewed (PLAN_NEVER_REVIEWED covers it) or a DRAFT', () => {
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', changed(at('2026-06-10T10:00:00Z'), { reviews: [], activatedAt: at('2026-06-01T10:00:00Z') }))).toBe('none');
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', changed(at('2026-06-10T10:00:00Z'), { status: 'DRAFT' }))).toBe('none');
  });

  it('names the London day of the last review', () => {
    const late = at('2026-06-01T23:30:00Z'); // 00:30 BST on 2 June
    expect(flagOf('PLAN_CHANGED_SINCE_REVIEW', changed(at('2026-06-10T10:00:00Z'), { reviews: [{ id: 'r', reviewedAt: late }] }))).toMatchObject({
      severity: 'warning',
      subject: { kind: 'PLAN', id: 'plan-1' },
      message: 'The plan has changed since it was last reviewed on 2 June 2026.',
    });
  });

  it('clears when the plan is reviewed again', () => {
    const record = changed(at('2026-06-10T10:00:00Z'), {
      reviews: [
        { id: 'review-1', reviewedAt },
        { id: 'review-2', reviewedAt: NOW },
      ],
    });
    expect(severity('PLAN_CHANGED_SINCE_REVIEW', record)).toBe('none');
  });
});

// --- Actions --------------------------------------------------------------------------------------

describe('action flags read the open actions of the ACTIVE plan of a live threat', () => {
  const neglected = { dueOn: null, ownerUserId: null, lastUpdatedAt: at('2026-01-01T10:00:00Z') } as const;
  const ACTION_CODES: FlagCode[] = ['ACTION_STALE', 'ACTION_NO_OWNER', 'ACTION_NO_DUE_DATE'];
  const actionCodes = (record: ThreatComplianceRecord) => codes(threatFlags(record, T, NOW)).filter((code) => code.startsWith('ACTION_'));

  it.each<[string, ThreatComplianceRecord, FlagCode[]]>([
    ['IN_PROGRESS', withAction({ ...neglected, status: 'IN_PROGRESS' }), ACTION_CODES],
    ['NOT_STARTED', withAction({ ...neglected, status: 'NOT_STARTED' }), ACTION_CODES],
    ['BLOCKED', withAction({ ...neglected, status: 'BLOCKED' }), ACTION_CODES],
    ['COMPLETE', withAction({ ...neglected, status: 'COMPLETE', completedAt: at('2026-01-01T10:00:00Z') }), []],
    ['CANCELLED', withAction({ ...neglected, status: 'CANCELLED' }), []],
    ['on a MAPPED threat', withAction(neglected, { status: 'MAPPED' }), ACTION_CODES],
    ['on a DRAFT plan', threat({ plans: [plan({ status: 'DRAFT', actions: [action(neglected)] })] }), []],
    ['on a CLOSED plan', threat({ plans: [plan({ id: 'old', status: 'CLOSED', actions: [action(neglected)] }), plan()] }), []],
    ['on an ARCHIVED threat', withAction(neglected, { status: 'ARCHIVED' }), []],
  ])('an action %s -> %j', (_name, record, expected) => {
    expect([...actionCodes(record)].sort()).toEqual([...expected].sort());
  });

  it('raises each action flag once per action', () => {
    const record = withPlan({ actions: [...balancedActions(), action({ ...neglected, id: 'a' }), action({ ...neglected, id: 'b' })] });
    const flags = threatFlags(record, T, NOW).filter((flag) => flag.code === 'ACTION_STALE');
    expect(flags.map((flag) => flag.subject)).toEqual([
      { kind: 'ACTION', id: 'a' },
      { kind: 'ACTION', id: 'b' },
    ]);
  });
});

describe('ACTION_OVERDUE: an open action past its due date (warning)', () => {
  const dueOn = (key: string, over: Partial<ActionComplianceRecord> = {}) => withAction({ dueOn: day(key), ...over });

  it.each<[string, string, Date, Expected]>([
    ['due tomorrow', '2026-06-16', NOW, 'none'],
    ['due today', '2026-06-15', NOW, 'none'],
    ['due today, 23:59 BST', '2026-06-15', at('2026-06-15T22:59:00Z'), 'none'],
    ['due yesterday, 00:00 BST (still the due date in UTC)', '2026-06-15', at('2026-06-15T23:00:00Z'), 'warning'],
    ['due yesterday', '2026-06-14', NOW, 'warning'],
    ['due the day before yesterday', '2026-06-13', NOW, 'warning'],
    ['winter: due today, 23:59 GMT', '2026-01-15', at('2026-01-15T23:59:00Z'), 'none'],
    ['winter: due yesterday, 00:00 GMT', '2026-01-15', at('2026-01-16T00:00:00Z'), 'warning'],
    ['spring: due 28 March, 23:59 GMT', '2026-03-28', at('2026-03-28T23:59:00Z'), 'none'],
    ['spring: due 28 March, 00:30 GMT on the 29th', '2026-03-28', at('2026-03-29T00:30:00Z'), 'warning'],
    ['spring: due 29 March, 23:59 BST', '2026-03-29', at('2026-03-29T22:59:00Z'), 'none'],
    ['spring: due 29 March, 00:00 BST on the 30th', '2026-03-29', at('2026-03-29T23:00:00Z'), 'warning'],
    ['autumn: due 25 October, 23:59 GMT', '2026-10-25', at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: due 25 October, 00:00 GMT on the 26th', '2026-10-25', at('2026-10-26T00:00:00Z'), 'warning'],
    ['autumn: due 24 October, 00:30 BST on the 25th', '2026-10-24', at('2026-10-24T23:30:00Z'), 'warning'],
  ])('%s -> %s', (_name, key, now, expected) => {
    expect(severity('ACTION_OVERDUE', dueOn(key), now)).toBe(expected);
  });

  it('says how overdue, about the action', () => {
    expect(flagOf('ACTION_OVERDUE', dueOn('2026-06-14'))).toEqual({
      code: 'ACTION_OVERDUE',
      severity: 'warning',
      subject: { kind: 'ACTION', id: 'action-1' },
      threatId: 'threat-1',
      organisationId: 'org-wyp',
      message: "Action 'Cuckooing visits' was due on 14 June 2026 and is 1 day overdue.",
    });
    expect(flagOf('ACTION_OVERDUE', dueOn('2026-05-05'))?.message).toBe("Action 'Cuckooing visits' was due on 5 May 2026 and is 41 days overdue.");
  });

  it('clears when the action is completed or its due date moves', () => {
    expect(severity('ACTION_OVERDUE', dueOn('2026-06-01', { status: 'COMPLETE', completedAt: NOW }))).toBe('none');
    expect(severity('ACTION_OVERDUE', dueOn('2026-07-01'))).toBe('none');
  });
});

describe('ACTION_STALE: an open action with no update for 30 days (warning)', () => {
  const updated = (lastUpdatedAt: Date, over: Partial<ActionComplianceRecord> = {}) => withAction({ lastUpdatedAt, ...over });

  it.each<[string, Date, Date, Expected]>([
    ['29 days', noon('2026-05-17'), NOW, 'none'],
    ['30 days', noon('2026-05-16'), NOW, 'warning'],
    ['31 days', noon('2026-05-15'), NOW, 'warning'],
    ['updated at 23:30 BST, 30 days', at('2026-05-16T22:30:00Z'), NOW, 'warning'],
    ['updated at 00:30 BST (15 May in UTC), 30 days', at('2026-05-15T23:30:00Z'), NOW, 'warning'],
    ['updated at 00:30 BST (16 May in UTC), 29 days', at('2026-05-16T23:30:00Z'), NOW, 'none'],
    ['now 23:59 BST, 29 days', noon('2026-05-16'), at('2026-06-14T22:59:00Z'), 'none'],
    ['now 00:30 BST (14 June in UTC), 30 days', noon('2026-05-16'), at('2026-06-14T23:30:00Z'), 'warning'],
    // The spring change: 12:00 GMT on 28 March to 12:00 BST on 27 April is 30 London days,
    // though only 30 days less an hour of real time.
    ['spring: 29 days', at('2026-03-28T12:00:00Z'), at('2026-04-26T11:00:00Z'), 'none'],
    ['spring: 30 days, an hour short in real time', at('2026-03-28T12:00:00Z'), at('2026-04-27T11:00:00Z'), 'warning'],
    ['spring: 30 days, 2h15m short in real time', at('2026-03-28T00:30:00Z'), at('2026-04-26T23:15:00Z'), 'warning'],
    ['spring: 31 days', at('2026-03-28T12:00:00Z'), at('2026-04-28T11:00:00Z'), 'warning'],
    // The autumn change: 30 days and 15 minutes of real time, but 29 London days.
    ['autumn: 29 days, 30 days and 15 minutes in real time', at('2026-10-24T23:30:00Z'), at('2026-11-23T23:45:00Z'), 'none'],
    ['autumn: 29 days', at('2026-10-24T11:00:00Z'), at('2026-11-22T12:00:00Z'), 'none'],
    ['autumn: 30 days, an hour over in real time', at('2026-10-24T11:00:00Z'), at('2026-11-23T12:00:00Z'), 'warning'],
    ['autumn: 31 days', at('2026-10-24T11:00:00Z'), at('2026-11-24T12:00:00Z'), 'warning'],
  ])('%s -> %s', (_name, lastUpdatedAt, now, expected) => {
    expect(severity('ACTION_STALE', updated(lastUpdatedAt), now)).toBe(expected);
  });

  it.each<[number, Expected]>([
    [9, 'none'],
    [10, 'warning'],
    [11, 'warning'],
  ])('a custom threshold of 10 days: %i days -> %s', (days, expected) => {
    const lastUpdatedAt = noon(`2026-06-${String(15 - days).padStart(2, '0')}`);
    expect(severity('ACTION_STALE', updated(lastUpdatedAt), NOW, thresholds({ actionStaleDays: 10 }))).toBe(expected);
    expect(severity('ACTION_STALE', updated(lastUpdatedAt))).toBe('none');
  });

  it('says how long, naming the action', () => {
    expect(flagOf('ACTION_STALE', updated(noon('2026-05-05')))).toEqual({
      code: 'ACTION_STALE',
      severity: 'warning',
      subject: { kind: 'ACTION', id: 'action-1' },
      threatId: 'threat-1',
      organisationId: 'org-wyp',
      message: "Action 'Cuckooing visits' has had no update for 41 days.",
    });
  });

  it('quotes a long or multi-line description on one line, shortened', () => {
    const description = `Visit   every address\nlinked to the line ${'and record what is found '.repeat(4)}`;
    const message = flagOf('ACTION_STALE', updated(noon('2026-05-05'), { description }))!.message;
    expect(message).toBe(`Action 'Visit every address linked to the line and record what is found and record wh…' has had no update for 41 days.`);
  });

  it.each([
    [80, `'${'x'.repeat(80)}'`],
    [81, `'${'x'.repeat(77)}…'`],
  ])('a description of %i characters is quoted as %s', (length, quoted) => {
    expect(flagOf('ACTION_STALE', updated(noon('2026-05-05'), { description: 'x'.repeat(length) }))?.message).toBe(`Action ${quoted} has had no update for 41 days.`);
  });

  it('clears when an update is recorded', () => {
    const stale = updated(noon('2026-05-05'));
    expect(severity('ACTION_STALE', stale)).toBe('warning');
    expect(severity('ACTION_STALE', updated(NOW))).toBe('none');
  });
});

describe('ACTION_NO_OWNER: an open action with no officer and no partner agency to own it (warning)', () => {
  it.each<[string, Partial<ActionComplianceRecord>, Expected]>([
    ['an officer', { ownerUserId: 'user-1', ownerOrganisationId: null }, 'none'],
    ['a partner agency', { ownerUserId: null, ownerOrganisationId: 'org-council' }, 'none'],
    ['both', { ownerUserId: 'user-1', ownerOrganisationId: 'org-council' }, 'none'],
    ['nobody', { ownerUserId: null, ownerOrganisationId: null }, 'warning'],
    ['nobody, but complete', { ownerUserId: null, ownerOrganisationId: null, status: 'COMPLETE', completedAt: NOW }, 'none'],
  ])('owned by %s -> %s', (_name, over, expected) => {
    expect(severity('ACTION_NO_OWNER', withAction(over))).toBe(expected);
  });

  it('says so, about the action', () => {
    expect(flagOf('ACTION_NO_OWNER', withAction({ ownerUserId: null }))).toMatchObject({
      subject: { kind: 'ACTION', id: 'action-1' },
      message: "Action 'Cuckooing visits' has no owner.",
    });
  });
});

describe('ACTION_NO_DUE_DATE: an open action with no due date (warning)', () => {
  it.each<[string, Partial<ActionComplianceRecord>, Expected]>([
    ['a due date', {}, 'none'],
    ['no due date', { dueOn: null }, 'warning'],
    ['no due date, blocked', { dueOn: null, status: 'BLOCKED' }, 'warning'],
    ['no due date, cancelled', { dueOn: null, status: 'CANCELLED' }, 'none'],
  ])('%s -> %s', (_name, over, expected) => {
    expect(severity('ACTION_NO_DUE_DATE', withAction(over))).toBe(expected);
  });

  it('says so, and is never overdue as well', () => {
    const record = withAction({ dueOn: null });
    expect(flagOf('ACTION_NO_DUE_DATE', record)?.message).toBe("Action 'Cuckooing visits' has no due date.");
    expect(severity('ACTION_OVERDUE', record)).toBe('none');
  });
});

// --- Plan balance and partners --------------------------------------------------------------------

describe('PLAN_PURSUE_ONLY: no open Prevent or Protect, or over 70% Pursue (alert); no Prepare (warning)', () => {
  const balance = (actions: ActionComplianceRecord[], over: Partial<ThreatComplianceRecord> = {}) => withPlan({ actions }, over);
  const none = "The plan has no open Prevent or Protect action: every open action is Pursue or Prepare.";

  it.each<[string, ActionComplianceRecord[], Expected, string | null]>([
    ['Pursue alone', actionsBy({ PURSUE: 1 }), 'alert', none],
    ['Pursue and Prepare', actionsBy({ PURSUE: 2, PREPARE: 1 }), 'alert', none],
    ['Prepare alone', actionsBy({ PREPARE: 1 }), 'alert', none],
    ['80% Pursue', actionsBy({ PURSUE: 8, PREVENT: 1, PREPARE: 1 }), 'alert', "8 of the plan's 10 open actions are Pursue (80%), over the limit of 70%."],
    ['75% Pursue, no Prepare: the alert only', actionsBy({ PURSUE: 3, PROTECT: 1 }), 'alert', "3 of the plan's 4 open actions are Pursue (75%), over the limit of 70%."],
    ['exactly 70% Pursue', actionsBy({ PURSUE: 7, PREVENT: 2, PREPARE: 1 }), 'none', null],
    ['exactly 70% Pursue, no Prepare', actionsBy({ PURSUE: 7, PREVENT: 3 }), 'warning', 'The plan has no open Prepare action.'],
    ['Prevent and Protect, no Prepare', actionsBy({ PREVENT: 1, PROTECT: 1 }), 'warning', 'The plan has no open Prepare action.'],
    ['balanced', balancedActions(), 'none', null],
    ['no actions', [], 'none', null],
    ['no open actions', actionsBy({ PURSUE: 3 }, 'COMPLETE'), 'none', null],
    [
      'closed actions do not count',
      [...actionsBy({ PURSUE: 1, PREPARE: 1 }), ...actionsBy({ PREVENT: 2 }, 'COMPLETE'), ...actionsBy({ PROTECT: 2 }, 'CANCELLED')],
      'alert',
      none,
    ],
    ['a blocked Prevent action counts', [...actionsBy({ PURSUE: 1, PREPARE: 1 }), ...actionsBy({ PREVENT: 1 }, 'BLOCKED')], 'none', null],
  ])('%s -> %s', (_name, actions, expected, message) => {
    const flag = flagOf('PLAN_PURSUE_ONLY', balance(actions));
    expect(flag?.severity ?? 'none').toBe(expected);
    expect(flag?.message ?? null).toBe(message);
    if (flag) expect(flag.subject).toEqual({ kind: 'PLAN', id: 'plan-1' });
  });

  it.each<[string, Partial<Record<Strand, number>>, number, Expected]>([
    ['50% at a limit of 50', { PURSUE: 2, PREVENT: 1, PREPARE: 1 }, 50, 'none'],
    ['60% at a limit of 50', { PURSUE: 3, PREVENT: 1, PREPARE: 1 }, 50, 'alert'],
    ['80% at a limit of 90', { PURSUE: 8, PREVENT: 1, PREPARE: 1 }, 90, 'none'],
    // 11/20 is 55%, though 11 / 20 * 100 is 55.000000000000007 in floating point.
    ['exactly 55% at a limit of 55', { PURSUE: 11, PREVENT: 8, PREPARE: 1 }, 55, 'none'],
    ['exactly 28% at a limit of 28', { PURSUE: 7, PREVENT: 17, PREPARE: 1 }, 28, 'none'],
    ['just over 28% at a limit of 28', { PURSUE: 8, PREVENT: 16, PREPARE: 1 }, 28, 'alert'],
  ])('a custom limit: %s -> %s', (_name, spec, limit, expected) => {
    expect(severity('PLAN_PURSUE_ONLY', balance(actionsBy(spec)), NOW, thresholds({ pursueOnlyPercent: limit }))).toBe(expected);
  });

  it('names the custom limit', () => {
    expect(flagOf('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 3, PREVENT: 1, PREPARE: 1 })), NOW, thresholds({ pursueOnlyPercent: 50 }))?.message).toBe(
      "3 of the plan's 5 open actions are Pursue (60%), over the limit of 50%.",
    );
  });

  it('gives the exact share where rounding would hide it', () => {
    expect(flagOf('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 19, PREVENT: 7, PREPARE: 1 })), NOW)?.message).toBe(
      "19 of the plan's 27 open actions are Pursue (70.3%), over the limit of 70%.",
    );
  });

  it('reads only the ACTIVE plan of a live threat', () => {
    expect(severity('PLAN_PURSUE_ONLY', threat({ plans: [plan({ status: 'DRAFT', actions: actionsBy({ PURSUE: 1 }) })] }))).toBe('none');
    expect(severity('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 1 }), { status: 'ARCHIVED' }))).toBe('none');
    expect(severity('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 1 }), { status: 'MAPPED' }))).toBe('alert');
  });

  it('clears when a Prevent action is added', () => {
    expect(severity('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 1, PREPARE: 1 })))).toBe('alert');
    expect(severity('PLAN_PURSUE_ONLY', balance(actionsBy({ PURSUE: 1, PREPARE: 1, PREVENT: 1 })))).toBe('none');
  });
});

describe('PLAN_NO_PARTNER: no partner engagement recorded within 90 days (warning)', () => {
  const engaged = (...keys: string[]) => withPlan({ engagements: keys.map((key) => ({ engagedOn: day(key) })) });

  it.each<[string, string, Date, Expected]>([
    // 17 March (GMT) to 15 June (BST) is 90 London days.
    ['89 days', '2026-03-18', NOW, 'none'],
    ['90 days', '2026-03-17', NOW, 'warning'],
    ['91 days', '2026-03-16', NOW, 'warning'],
    ['89 days, at 23:59 BST', '2026-03-17', at('2026-06-14T22:59:00Z'), 'none'],
    ['90 days, at 00:30 BST', '2026-03-17', at('2026-06-14T23:30:00Z'), 'warning'],
    // 28 July (BST) to 26 October (GMT), across the autumn change.
    ['autumn: 89 days', '2026-07-28', at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: 90 days', '2026-07-28', at('2026-10-26T00:00:00Z'), 'warning'],
  ])('%s -> %s', (_name, key, now, expected) => {
    expect(severity('PLAN_NO_PARTNER', engaged(key), now)).toBe(expected);
  });

  it('reads the latest engagement', () => {
    expect(severity('PLAN_NO_PARTNER', engaged('2025-01-01', '2026-03-18', '2026-02-01'))).toBe('none');
  });

  it('a custom window of 30 days', () => {
    expect(severity('PLAN_NO_PARTNER', engaged('2026-05-17'), NOW, thresholds({ partnerEngagementDays: 30 }))).toBe('none');
    expect(severity('PLAN_NO_PARTNER', engaged('2026-05-16'), NOW, thresholds({ partnerEngagementDays: 30 }))).toBe('warning');
  });

  it('says when the last engagement was, or that there has been none', () => {
    expect(flagOf('PLAN_NO_PARTNER', engaged('2026-03-17'))).toMatchObject({
      subject: { kind: 'PLAN', id: 'plan-1' },
      message: 'No partner engagement has been recorded for 90 days: the last was on 17 March 2026.',
    });
    expect(flagOf('PLAN_NO_PARTNER', engaged())?.message).toBe('No partner engagement has been recorded on the plan.');
  });

  it('reads only the ACTIVE plan of a live threat', () => {
    expect(severity('PLAN_NO_PARTNER', threat({ plans: [plan({ status: 'DRAFT', engagements: [] })] }))).toBe('none');
    expect(severity('PLAN_NO_PARTNER', withPlan({ engagements: [] }, { status: 'ARCHIVED' }))).toBe('none');
  });

  it('clears when an engagement is recorded', () => {
    expect(severity('PLAN_NO_PARTNER', engaged('2026-01-01'))).toBe('warning');
    expect(severity('PLAN_NO_PARTNER', engaged('2026-01-01', '2026-06-15'))).toBe('none');
  });
});

// --- Disruptions, unmet demand, MoRiLE ------------------------------------------------------------

describe('DISRUPTION_NOT_ON_APMIS: a disruption without an APMIS reference after 7 days (warning)', () => {
  const disrupted = (disruptedOn: Date, apmisReference: string | null = null, over: Partial<ThreatComplianceRecord> = {}) =>
    threat({ disruptions: [{ id: 'disruption-9', reference: 'DIS-0009', disruptedOn, apmisReference }], ...over });

  it.each<[string, Date, Date, Expected]>([
    ['6 days', day('2026-06-09'), NOW, 'none'],
    ['7 days', day('2026-06-08'), NOW, 'warning'],
    ['8 days', day('2026-06-07'), NOW, 'warning'],
    ['7 days, now at 00:30 BST', day('2026-06-08'), at('2026-06-14T23:30:00Z'), 'warning'],
    ['6 days, now at 23:59 BST', day('2026-06-08'), at('2026-06-14T22:59:00Z'), 'none'],
    ['spring: 6 days (22 March GMT to 28 March)', day('2026-03-22'), at('2026-03-28T23:59:00Z'), 'none'],
    ['spring: 7 days (22 March to 29 March, the day of the change)', day('2026-03-22'), at('2026-03-29T00:00:00Z'), 'warning'],
    ['autumn: 6 days (19 October BST to 25 October, 23:59 GMT)', day('2026-10-19'), at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: 7 days', day('2026-10-19'), at('2026-10-26T00:00:00Z'), 'warning'],
  ])('%s -> %s', (_name, disruptedOn, now, expected) => {
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(disruptedOn), now)).toBe(expected);
  });

  it.each<[string, string | null, Expected]>([
    ['no reference', null, 'warning'],
    ['an empty reference', '', 'warning'],
    ['a blank reference', '   ', 'warning'],
    ['a reference', 'APMIS-0042', 'none'],
  ])('%s -> %s', (_name, reference, expected) => {
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-01'), reference))).toBe(expected);
  });

  it.each<[ThreatStatus]>([['MAPPED'], ['ACTIVE'], ['ARCHIVED']])('is raised whatever the status: %s', (status) => {
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-01'), null, { status }))).toBe('warning');
  });

  it('a custom threshold of 3 days', () => {
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-13')), NOW, thresholds({ apmisRecordingDays: 3 }))).toBe('none');
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-12')), NOW, thresholds({ apmisRecordingDays: 3 }))).toBe('warning');
  });

  it('says what to do, about the disruption', () => {
    expect(flagOf('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-08')))).toEqual({
      code: 'DISRUPTION_NOT_ON_APMIS',
      severity: 'warning',
      subject: { kind: 'DISRUPTION', id: 'disruption-9' },
      threatId: 'threat-1',
      organisationId: 'org-wyp',
      message: 'Disruption DIS-0009 of 8 June 2026 has no APMIS reference 7 days on: record it on APMIS.',
    });
  });

  it('clears when the APMIS reference is set', () => {
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-01'), null))).toBe('warning');
    expect(severity('DISRUPTION_NOT_ON_APMIS', disrupted(day('2026-06-01'), 'APMIS-0042'))).toBe('none');
  });
});

describe('POSSIBLE_UNMET_DEMAND: 90 days with no disruption, no completed action and no unmet demand recorded (warning)', () => {
  // Mapped 17 March: 90 London days before 15 June. Nothing has happened since.
  const quiet = (over: Partial<ThreatComplianceRecord> = {}) => threat({ mappedOn: day('2026-03-17'), disruptions: [], ...over });
  const disruptedOn = (key: string) => [{ id: 'd', reference: 'DIS-0002', disruptedOn: day(key), apmisReference: 'APMIS-1' }];
  const completedAt = (when: Date, status: ActionStatus = 'COMPLETE', planStatus: PlanComplianceRecord['status'] = 'ACTIVE') => [
    plan({ status: planStatus, actions: [...balancedActions(), action({ id: 'done', status, completedAt: when })] }),
  ];

  it.each<[string, Partial<ThreatComplianceRecord>, Expected]>([
    ['mapped 89 days ago', { mappedOn: day('2026-03-18') }, 'none'],
    ['mapped 90 days ago', {}, 'warning'],
    ['mapped 91 days ago', { mappedOn: day('2026-03-16') }, 'warning'],
    ['a disruption 89 days ago', { mappedOn: day('2025-01-01'), disruptions: disruptedOn('2026-03-18') }, 'none'],
    ['a disruption 90 days ago', { mappedOn: day('2025-01-01'), disruptions: disruptedOn('2026-03-17') }, 'warning'],
    ['an action completed 89 days ago', { plans: completedAt(at('2026-03-18T10:00:00Z')) }, 'none'],
    ['an action completed 90 days ago', { plans: completedAt(at('2026-03-17T10:00:00Z')) }, 'warning'],
    ['an action cancelled 10 days ago', { plans: completedAt(at('2026-06-05T10:00:00Z'), 'CANCELLED') }, 'warning'],
    ['an action completed 10 days ago on a closed plan', { plans: [...completedAt(at('2026-06-05T10:00:00Z'), 'COMPLETE', 'CLOSED'), plan({ id: 'plan-2' })] }, 'none'],
    ['unmet demand raised long ago, unresolved', { unmetDemand: [{ id: 'u', raisedOn: day('2025-01-01'), resolvedOn: null }] }, 'none'],
    ['unmet demand raised 89 days ago, resolved', { unmetDemand: [{ id: 'u', raisedOn: day('2026-03-18'), resolvedOn: day('2026-04-01') }] }, 'none'],
    ['unmet demand raised 90 days ago, resolved', { unmetDemand: [{ id: 'u', raisedOn: day('2026-03-17'), resolvedOn: day('2026-04-01') }] }, 'warning'],
    ['MAPPED', { status: 'MAPPED' }, 'warning'],
    ['ARCHIVED', { status: 'ARCHIVED' }, 'none'],
  ])('%s -> %s', (_name, over, expected) => {
    expect(severity('POSSIBLE_UNMET_DEMAND', quiet(over))).toBe(expected);
  });

  it.each<[string, Date, Expected]>([
    ['a completion at 00:30 BST on 17 May (16 May in UTC) is 29 days ago', at('2026-05-16T23:30:00Z'), 'none'],
    ['a completion at 23:30 BST on 16 May is 30 days ago', at('2026-05-16T22:30:00Z'), 'warning'],
  ])('a custom window of 30 days: %s -> %s', (_name, when, expected) => {
    const record = quiet({ mappedOn: day('2025-01-01'), plans: completedAt(when) });
    expect(severity('POSSIBLE_UNMET_DEMAND', record, NOW, thresholds({ possibleUnmetDemandDays: 30 }))).toBe(expected);
  });

  it.each<[string, string, Date, Expected]>([
    // Mapped 1 January (GMT); 90 London days on is 1 April (BST).
    ['spring: 89 days', '2026-01-01', at('2026-03-31T22:59:00Z'), 'none'],
    ['spring: 90 days', '2026-01-01', at('2026-03-31T23:00:00Z'), 'warning'],
    // Mapped 1 September (BST); 90 London days on is 30 November (GMT).
    ['autumn: 89 days', '2026-09-01', at('2026-11-29T23:59:00Z'), 'none'],
    ['autumn: 90 days', '2026-09-01', at('2026-11-30T00:00:00Z'), 'warning'],
  ])('across the clock change, %s -> %s', (_name, mapped, now, expected) => {
    // An up-to-date MoRiLE is irrelevant here; only this flag is read.
    expect(severity('POSSIBLE_UNMET_DEMAND', quiet({ mappedOn: day(mapped) }), now)).toBe(expected);
  });

  it('suggests recording the shortfall, about the threat', () => {
    expect(flagOf('POSSIBLE_UNMET_DEMAND', quiet())).toMatchObject({
      subject: { kind: 'THREAT', id: 'threat-1' },
      message:
        'WYP-0001 has had no disruption and no completed action for 90 days and no unmet demand is recorded: record the shortfall if capacity or capability is holding it back.',
    });
  });

  it('clears when unmet demand is recorded', () => {
    expect(severity('POSSIBLE_UNMET_DEMAND', quiet({ unmetDemand: [{ id: 'u', raisedOn: NOW, resolvedOn: null }] }))).toBe('none');
  });
});

describe('MORILE_OVERDUE: no MoRiLE assessment in 6 months (warning)', () => {
  const assessed = (...keys: (string | Date)[]) =>
    threat({ assessments: keys.map((key, i) => ({ id: `assessment-${i}`, assessedOn: typeof key === 'string' ? day(key) : key, moderatedAt: NOW })) });

  it.each<[string, string, Expected]>([
    ['assessed the day after the same day six months ago', '2025-12-16', 'none'],
    ['assessed on the same day six months ago', '2025-12-15', 'warning'],
    ['assessed the day before', '2025-12-14', 'warning'],
  ])('now 15 June 2026, %s (%s) -> %s', (_name, key, expected) => {
    expect(severity('MORILE_OVERDUE', assessed(key))).toBe(expected);
  });

  it.each<[string, string | Date, Date, Expected]>([
    // Six months before a day the target month lacks is that month's last day.
    ['28 Feb, on 27 Aug', '2026-02-28', noon('2026-08-27'), 'none'],
    ['28 Feb, on 28 Aug', '2026-02-28', noon('2026-08-28'), 'warning'],
    ['28 Feb, on 31 Aug', '2026-02-28', noon('2026-08-31'), 'warning'],
    ['31 Aug, on 28 Feb', '2025-08-31', noon('2026-02-28'), 'none'],
    ['31 Aug, on 1 Mar', '2025-08-31', noon('2026-03-01'), 'warning'],
    ['leap day, on 28 Aug', '2028-02-29', noon('2028-08-28'), 'none'],
    ['leap day, on 29 Aug', '2028-02-29', noon('2028-08-29'), 'warning'],
    ['31 Aug, on the leap day', '2027-08-31', noon('2028-02-29'), 'none'],
    ['31 Aug, on 1 Mar of a leap year', '2027-08-31', noon('2028-03-01'), 'warning'],
    // The London day of the instant, and of now.
    ['00:30 BST on 15 June (14 June in UTC), on 14 Dec', at('2026-06-14T23:30:00Z'), noon('2026-12-14'), 'none'],
    ['00:30 BST on 15 June, on 15 Dec', at('2026-06-14T23:30:00Z'), noon('2026-12-15'), 'warning'],
    ['15 Dec, on 14 June at 23:30 BST', '2025-12-15', at('2026-06-14T22:30:00Z'), 'none'],
    ['15 Dec, on 15 June at 00:30 BST (14 June in UTC)', '2025-12-15', at('2026-06-14T23:30:00Z'), 'warning'],
    // Across the clock changes.
    ['29 Sep (BST), on 29 Mar (the spring change)', '2025-09-29', at('2026-03-28T23:59:00Z'), 'none'],
    ['29 Sep (BST), on 29 Mar at 00:00 GMT', '2025-09-29', at('2026-03-29T00:00:00Z'), 'warning'],
    ['25 Apr (BST), on 24 Oct at 23:59 BST', '2026-04-25', at('2026-10-24T22:59:00Z'), 'none'],
    ['25 Apr (BST), on 25 Oct at 00:00 BST', '2026-04-25', at('2026-10-24T23:00:00Z'), 'warning'],
  ])('assessed %s -> %s', (_name, assessedOn, now, expected) => {
    expect(severity('MORILE_OVERDUE', assessed(assessedOn), now)).toBe(expected);
  });

  it('reads the latest assessment', () => {
    expect(severity('MORILE_OVERDUE', assessed('2026-01-10', '2025-06-01'))).toBe('none');
    expect(severity('MORILE_OVERDUE', assessed('2025-06-01', '2025-12-01'))).toBe('warning');
  });

  it('a threat never assessed counts from its mapping', () => {
    expect(severity('MORILE_OVERDUE', threat({ assessments: [], mappedOn: day('2025-12-16') }))).toBe('none');
    expect(flagOf('MORILE_OVERDUE', threat({ assessments: [], mappedOn: day('2025-12-15') }))).toMatchObject({
      severity: 'warning',
      subject: { kind: 'THREAT', id: 'threat-1' },
      message: 'WYP-0001 has never had a MoRiLE assessment since it was mapped on 15 December 2025: assess it.',
    });
  });

  it('says when it was last assessed', () => {
    expect(flagOf('MORILE_OVERDUE', assessed('2025-12-15'))?.message).toBe('WYP-0001 has had no MoRiLE assessment since 15 December 2025: reassess it.');
  });

  it('a custom interval of 3 months', () => {
    expect(severity('MORILE_OVERDUE', assessed('2026-03-16'), NOW, thresholds({ morileOverdueMonths: 3 }))).toBe('none');
    expect(severity('MORILE_OVERDUE', assessed('2026-03-15'), NOW, thresholds({ morileOverdueMonths: 3 }))).toBe('warning');
  });

  it('is not raised for an archived threat, and clears on reassessment', () => {
    expect(severity('MORILE_OVERDUE', { ...assessed('2025-01-01'), status: 'ARCHIVED' })).toBe('none');
    expect(severity('MORILE_OVERDUE', { ...assessed('2025-01-01'), status: 'MAPPED' })).toBe('warning');
    expect(severity('MORILE_OVERDUE', assessed('2025-01-01', '2026-06-15'))).toBe('none');
  });
});

describe('MORILE_UNMODERATED: the latest assessment unmoderated for 14 days (warning)', () => {
  type Assessment = ThreatComplianceRecord['assessments'][number];
  const assessment = (id: string, assessedOn: Date, moderatedAt: Date | null = null): Assessment => ({ id, assessedOn, moderatedAt });
  const waiting = (...assessments: Assessment[]) => threat({ assessments });

  it.each<[string, Date, Date, Expected]>([
    ['13 days', day('2026-06-02'), NOW, 'none'],
    ['14 days', day('2026-06-01'), NOW, 'warning'],
    ['15 days', day('2026-05-31'), NOW, 'warning'],
    ['13 days, now at 23:59 BST', day('2026-06-01'), at('2026-06-14T22:59:00Z'), 'none'],
    ['14 days, now at 00:30 BST', day('2026-06-01'), at('2026-06-14T23:30:00Z'), 'warning'],
    ['spring: 13 days (16 March GMT to 29 March BST)', day('2026-03-16'), at('2026-03-29T22:59:00Z'), 'none'],
    ['spring: 14 days', day('2026-03-16'), at('2026-03-29T23:00:00Z'), 'warning'],
    ['autumn: 13 days (12 October BST to 25 October GMT)', day('2026-10-12'), at('2026-10-25T23:59:00Z'), 'none'],
    ['autumn: 14 days', day('2026-10-12'), at('2026-10-26T00:00:00Z'), 'warning'],
  ])('%s -> %s', (_name, assessedOn, now, expected) => {
    expect(severity('MORILE_UNMODERATED', waiting(assessment('a', assessedOn)), now)).toBe(expected);
  });

  it.each<[string, Assessment[], string | null]>([
    ['moderated', [assessment('a', day('2026-06-01'), NOW)], null],
    ['an older one overtaken by a newer moderated one', [assessment('old', day('2026-01-01')), assessment('new', day('2026-05-01'), NOW)], null],
    ['an older one and a newer one, both unmoderated: the newer', [assessment('new', day('2026-05-01')), assessment('old', day('2026-01-01'))], 'new'],
    ['a newer one not yet 14 days old: nothing', [assessment('old', day('2026-01-01')), assessment('new', day('2026-06-10'))], null],
  ])('%s -> %s', (_name, assessments, subjectId) => {
    expect(flagOf('MORILE_UNMODERATED', waiting(...assessments))?.subject ?? null).toEqual(subjectId ? { kind: 'ASSESSMENT', id: subjectId } : null);
  });

  it('a custom threshold of 7 days', () => {
    expect(severity('MORILE_UNMODERATED', waiting(assessment('a', day('2026-06-09'))), NOW, thresholds({ morileUnmoderatedDays: 7 }))).toBe('none');
    expect(severity('MORILE_UNMODERATED', waiting(assessment('a', day('2026-06-08'))), NOW, thresholds({ morileUnmoderatedDays: 7 }))).toBe('warning');
  });

  it('says how long it has waited', () => {
    expect(flagOf('MORILE_UNMODERATED', waiting(assessment('a', day('2026-06-01'))))?.message).toBe(
      'The MoRiLE assessment of WYP-0001 dated 1 June 2026 has waited 14 days for moderation.',
    );
  });

  it('is not raised for an archived threat, and clears on moderation', () => {
    expect(severity('MORILE_UNMODERATED', { ...waiting(assessment('a', day('2026-06-01'))), status: 'ARCHIVED' })).toBe('none');
    expect(severity('MORILE_UNMODERATED', waiting(assessment('a', day('2026-06-01'), NOW)))).toBe('none');
  });
});

describe('ARCHIVED_WITH_OPEN_ACTIONS: an archived threat with open actions (warning)', () => {
  const archived = (...plans: PlanComplianceRecord[]) => threat({ status: 'ARCHIVED', plans });

  it.each<[string, ThreatComplianceRecord, string | null]>([
    ['no open actions', archived(plan({ status: 'CLOSED', actions: [...actionsBy({ PURSUE: 2 }, 'COMPLETE'), ...actionsBy({ PREVENT: 1 }, 'CANCELLED')] })), null],
    ['no plans', archived(), null],
    ['one open action', archived(plan({ status: 'CLOSED', actions: [...actionsBy({ PURSUE: 1 }, 'BLOCKED'), ...actionsBy({ PREVENT: 2 }, 'COMPLETE')] })), 'WYP-0001 is archived but has 1 open action: complete or cancel them.'],
    [
      'open actions on two plans',
      archived(plan({ id: 'old', status: 'CLOSED', actions: actionsBy({ PURSUE: 1 }, 'NOT_STARTED') }), plan({ actions: actionsBy({ PREVENT: 2 }) })),
      'WYP-0001 is archived but has 3 open actions: complete or cancel them.',
    ],
  ])('%s', (_name, record, message) => {
    const flag = flagOf('ARCHIVED_WITH_OPEN_ACTIONS', record);
    expect(flag?.message ?? null).toBe(message);
    if (flag) expect(flag).toMatchObject({ severity: 'warning', subject: { kind: 'THREAT', id: 'threat-1' } });
  });

  it.each<[ThreatStatus]>([['MAPPED'], ['ACTIVE']])('is not raised for a %s threat', (status) => {
    expect(severity('ARCHIVED_WITH_OPEN_ACTIONS', threat({ status }))).toBe('none');
  });

  it('replaces the live-threat flags: an archived threat raises only it and APMIS', () => {
    const neglected = threat({
      status: 'ARCHIVED',
      leadResponsibleOfficerId: null,
      mappedOn: day('2020-01-01'),
      assessments: [],
      disruptions: [{ id: 'd', reference: 'DIS-1', disruptedOn: day('2026-01-01'), apmisReference: null }],
      plans: [plan({ reviews: [], nextReviewDue: null, engagements: [], actions: [action({ dueOn: null, ownerUserId: null, strand: 'PURSUE', lastUpdatedAt: day('2025-01-01') })] })],
    });
    expect(codes(threatFlags(neglected, T, NOW))).toEqual(['DISRUPTION_NOT_ON_APMIS', 'ARCHIVED_WITH_OPEN_ACTIONS']);
  });
});

// --- Officers -------------------------------------------------------------------------------------

describe('LRO_UNTRAINED: an LRO of a live threat without a completed, current LRO course (alert)', () => {
  type Training = OfficerComplianceRecord['trainingRecords'][number];
  const course = (completedOn: string, expiresOn: string | null, kind: Training['kind'] = 'LRO_COURSE'): Training => ({
    kind,
    completedOn: day(completedOn),
    expiresOn: expiresOn ? day(expiresOn) : null,
  });

  it.each<[string, Training[], Expected]>([
    ['no training', [], 'alert'],
    ['a current course', [course('2025-05-18', '2028-05-17')], 'none'],
    ['a course with no expiry', [course('2020-01-01', null)], 'none'],
    ['an expired course', [course('2023-05-18', '2026-05-17')], 'alert'],
    ['a course that expired today', [course('2023-06-15', '2026-06-15')], 'alert'],
    ['a course that expires tomorrow', [course('2023-06-16', '2026-06-16')], 'none'],
    ['a course booked for next month', [course('2026-07-01', '2029-07-01')], 'alert'],
    ['a course completed today', [course('2026-06-15', '2029-06-15')], 'none'],
    ['an expired course and a current one', [course('2020-01-01', '2023-01-01'), course('2025-05-18', '2028-05-17')], 'none'],
    ['other training only', [course('2025-05-18', null, 'IMMERSIVE_LEARNING'), course('2025-05-18', null, 'SOC_TACTICAL_ADVISER_INPUT'), course('2025-05-18', null, 'OTHER')], 'alert'],
  ])('%s -> %s', (_name, trainingRecords, expected) => {
    expect(officerSeverity('LRO_UNTRAINED', officer({ trainingRecords }))).toBe(expected);
  });

  it.each<[string, { id: string; status: ThreatStatus }[], Expected]>([
    ['an ACTIVE threat', leading(1), 'alert'],
    ['a MAPPED threat', leading(1, 'MAPPED'), 'alert'],
    ['only ARCHIVED threats', leading(3, 'ARCHIVED'), 'none'],
    ['no threats', [], 'none'],
  ])('an untrained officer leading %s -> %s', (_name, threatsLed, expected) => {
    expect(officerSeverity('LRO_UNTRAINED', officer({ trainingRecords: [], threatsLed }))).toBe(expected);
  });

  it('says who, and how many live threats', () => {
    expect(officerFlags(officer({ trainingRecords: [] }), T, NOW)).toEqual([
      {
        code: 'LRO_UNTRAINED',
        severity: 'alert',
        subject: { kind: 'OFFICER', id: 'user-lro' },
        threatId: null,
        organisationId: 'org-wyp',
        message: 'Sam Okafor is the LRO of 1 live threat without a completed, current LRO course.',
      },
    ]);
    expect(one('LRO_UNTRAINED', officerFlags(officer({ trainingRecords: [], threatsLed: [...leading(2), ...leading(1, 'ARCHIVED')] }), T, NOW))?.message).toBe(
      'Sam Okafor is the LRO of 2 live threats without a completed, current LRO course.',
    );
  });

  it('clears when training is recorded', () => {
    const untrained = officer({ trainingRecords: [] });
    expect(officerSeverity('LRO_UNTRAINED', untrained)).toBe('alert');
    expect(officerSeverity('LRO_UNTRAINED', { ...untrained, trainingRecords: [course('2026-06-15', '2029-06-14')] })).toBe('none');
  });
});

describe('LRO_OVERLOADED: an LRO of 4 or more live threats (warning), 6 or more (alert)', () => {
  it.each<[number, number, Expected]>([
    [1, 0, 'none'],
    [3, 0, 'none'],
    [4, 0, 'warning'],
    [5, 0, 'warning'],
    [6, 0, 'alert'],
    [7, 0, 'alert'],
    [3, 5, 'none'],
    [5, 5, 'warning'],
  ])('%i live threats and %i archived -> %s', (live, archived, expected) => {
    expect(officerSeverity('LRO_OVERLOADED', officer({ threatsLed: [...leading(live), ...leading(archived, 'ARCHIVED')] }))).toBe(expected);
  });

  it('counts MAPPED threats as live', () => {
    expect(officerSeverity('LRO_OVERLOADED', officer({ threatsLed: [...leading(2), ...leading(2, 'MAPPED')] }))).toBe('warning');
  });

  it.each<[number, Expected]>([
    [1, 'none'],
    [2, 'warning'],
    [3, 'alert'],
  ])('custom levels of 2 and 3: %i live threats -> %s', (live, expected) => {
    expect(officerSeverity('LRO_OVERLOADED', officer({ threatsLed: leading(live) }), NOW, thresholds({ lroCaseloadWarning: 2, lroCaseloadAlert: 3 }))).toBe(expected);
  });

  it('says the level reached', () => {
    expect(one('LRO_OVERLOADED', officerFlags(officer({ threatsLed: leading(4) }), T, NOW))).toMatchObject({
      subject: { kind: 'OFFICER', id: 'user-lro' },
      threatId: null,
      message: 'Sam Okafor is the LRO of 4 live threats, at or over the warning level of 4.',
    });
    expect(one('LRO_OVERLOADED', officerFlags(officer({ threatsLed: leading(6) }), T, NOW))?.message).toBe(
      'Sam Okafor is the LRO of 6 live threats, at or over the alert level of 6.',
    );
  });

  it('lists an untrained, overloaded officer alerts first', () => {
    expect(
      officerFlags(officer({ trainingRecords: [], threatsLed: leading(4) }), T, NOW).map((flag) => [flag.code, flag.severity]),
    ).toEqual([
      ['LRO_UNTRAINED', 'alert'],
      ['LRO_OVERLOADED', 'warning'],
    ]);
  });
});

// --- Orders ---------------------------------------------------------------------------------------

describe('ORDER_NOT_MONITORED: no compliance check for 90 days (alert), or expiring within 90 days (warning)', () => {
  it.each<[string, Partial<OrderComplianceRecord>, Date, Expected]>([
    ['checked 89 days ago', { lastComplianceCheckOn: day('2026-03-18') }, NOW, 'none'],
    ['checked 90 days ago', { lastComplianceCheckOn: day('2026-03-17') }, NOW, 'alert'],
    ['checked 91 days ago', { lastComplianceCheckOn: day('2026-03-16') }, NOW, 'alert'],
    ['checked 89 days ago, now 23:59 BST', { lastComplianceCheckOn: day('2026-03-17') }, at('2026-06-14T22:59:00Z'), 'none'],
    ['checked 90 days ago, now 00:30 BST', { lastComplianceCheckOn: day('2026-03-17') }, at('2026-06-14T23:30:00Z'), 'alert'],
    ['never checked, started 89 days ago', { lastComplianceCheckOn: null, startsOn: day('2026-03-18') }, NOW, 'none'],
    ['never checked, started 90 days ago', { lastComplianceCheckOn: null, startsOn: day('2026-03-17') }, NOW, 'alert'],
    ['never checked, starting next month', { lastComplianceCheckOn: null, startsOn: day('2026-07-01') }, NOW, 'none'],
    ['expiring in 91 days', { expiresOn: day('2026-09-14') }, NOW, 'none'],
    ['expiring in 90 days', { expiresOn: day('2026-09-13') }, NOW, 'warning'],
    ['expiring in 89 days', { expiresOn: day('2026-09-12') }, NOW, 'warning'],
    ['expiring today: still in force', { expiresOn: day('2026-06-15') }, NOW, 'warning'],
    ['expiring today, at 23:59 BST', { expiresOn: day('2026-06-15') }, at('2026-06-15T22:59:00Z'), 'warning'],
    ['expired yesterday', { expiresOn: day('2026-06-14') }, NOW, 'none'],
    ['expired at midnight BST (still the expiry date in UTC)', { expiresOn: day('2026-06-15') }, at('2026-06-15T23:30:00Z'), 'none'],
    ['expired, never checked', { expiresOn: day('2026-06-14'), lastComplianceCheckOn: null, startsOn: day('2025-01-01') }, NOW, 'none'],
    ['expiring soon and unchecked: the alert', { expiresOn: day('2026-07-01'), lastComplianceCheckOn: day('2026-01-01') }, NOW, 'alert'],
    ['no expiry, checked recently', { expiresOn: null }, NOW, 'none'],
    // Across the clock changes: checked 29 December (GMT), 90 days on is 29 March.
    ['spring: checked 89 days ago', { lastComplianceCheckOn: day('2025-12-29') }, at('2026-03-28T23:59:00Z'), 'none'],
    ['spring: checked 90 days ago', { lastComplianceCheckOn: day('2025-12-29') }, at('2026-03-29T00:00:00Z'), 'alert'],
    // Checked 27 July (BST), 90 days on is 25 October.
    ['autumn: checked 89 days ago', { lastComplianceCheckOn: day('2026-07-27') }, at('2026-10-24T22:59:00Z'), 'none'],
    ['autumn: checked 90 days ago', { lastComplianceCheckOn: day('2026-07-27') }, at('2026-10-24T23:00:00Z'), 'alert'],
    ['autumn: expiring 25 October, the day of the change, at 23:59 GMT', { expiresOn: day('2026-10-25'), lastComplianceCheckOn: day('2026-10-01') }, at('2026-10-25T23:59:00Z'), 'warning'],
    ['autumn: expired 25 October, 00:00 GMT on the 26th', { expiresOn: day('2026-10-25'), lastComplianceCheckOn: day('2026-10-01') }, at('2026-10-26T00:00:00Z'), 'none'],
  ])('%s -> %s', (_name, over, now, expected) => {
    expect(orderSeverity(order({ expiresOn: day('2027-06-30'), ...over }), now)).toBe(expected);
  });

  it('custom thresholds: checks every 30 days, warns 14 days before expiry', () => {
    const custom = thresholds({ orderCheckDays: 30, orderExpiryWarningDays: 14 });
    expect(orderSeverity(order({ lastComplianceCheckOn: day('2026-05-17') }), NOW, custom)).toBe('none');
    expect(orderSeverity(order({ lastComplianceCheckOn: day('2026-05-16') }), NOW, custom)).toBe('alert');
    expect(orderSeverity(order({ expiresOn: day('2026-06-30') }), NOW, custom)).toBe('none');
    expect(orderSeverity(order({ expiresOn: day('2026-06-29') }), NOW, custom)).toBe('warning');
  });

  it('says what to do, about the order', () => {
    expect(orderFlags(order({ lastComplianceCheckOn: day('2026-03-17') }), T, NOW)).toEqual([
      {
        code: 'ORDER_NOT_MONITORED',
        severity: 'alert',
        subject: { kind: 'ORDER', id: 'order-1' },
        threatId: 'threat-1',
        organisationId: 'org-wyp',
        message: 'The serious crime prevention order on Jordan Pike has had no compliance check for 90 days: the last was on 17 March 2026.',
      },
    ]);
    expect(orderFlags(order({ lastComplianceCheckOn: null, startsOn: day('2026-03-01'), kind: 'STRO', threatId: null }), T, NOW)[0]).toMatchObject({
      threatId: null,
      message: 'The slavery and trafficking risk order on Jordan Pike has never had a compliance check in the 106 days since it started.',
    });
    expect(orderFlags(order({ expiresOn: day('2026-09-13'), kind: 'SOMETHING_ELSE' }), T, NOW)[0]?.message).toBe(
      'The ancillary order on Jordan Pike expires on 13 September 2026, in 90 days: decide whether to apply to extend it.',
    );
    expect(orderFlags(order({ expiresOn: day('2026-06-16') }), T, NOW)[0]?.message).toBe(
      'The serious crime prevention order on Jordan Pike expires on 16 June 2026, in 1 day: decide whether to apply to extend it.',
    );
    expect(orderFlags(order({ expiresOn: day('2026-06-15') }), T, NOW)[0]?.message).toBe(
      'The serious crime prevention order on Jordan Pike expires on 15 June 2026, today: decide whether to apply to extend it.',
    );
  });

  it('clears when a compliance check is recorded', () => {
    expect(orderSeverity(order({ lastComplianceCheckOn: day('2026-01-01') }))).toBe('alert');
    expect(orderSeverity(order({ lastComplianceCheckOn: day('2026-06-15') }))).toBe('none');
  });
});

// --- Everything together --------------------------------------------------------------------------

describe('threatFlags and complianceFlags', () => {
  it('a neglected data set raises every flag code', () => {
    const neglectedAction = action({ strand: 'PURSUE', dueOn: day('2026-05-01'), ownerUserId: null, lastUpdatedAt: day('2026-01-01') });
    const data = {
      threats: [
        // No LRO, no plan, nothing done, never assessed, a disruption not on APMIS.
        threat({
          id: 't1',
          leadResponsibleOfficerId: null,
          mappedOn: day('2025-06-01'),
          plans: [],
          assessments: [],
          disruptions: [{ id: 'd1', reference: 'DIS-1', disruptedOn: day('2025-06-02'), apmisReference: null }],
        }),
        // An active plan never reviewed, all Pursue, no partner; one action overdue and stale and
        // unowned, another without a due date.
        withPlan(
          {
            reviews: [],
            nextReviewDue: null,
            activatedAt: day('2026-01-01'),
            engagements: [],
            actions: [neglectedAction, action({ id: 'a2', strand: 'PURSUE', dueOn: null })],
          },
          { id: 't2' },
        ),
        // Review overdue, changed since, assessment unmoderated.
        withPlan(
          { nextReviewDue: day('2026-06-01'), materiallyChangedAt: at('2026-06-10T10:00:00Z') },
          { id: 't3', assessments: [{ id: 'm1', assessedOn: day('2026-05-01'), moderatedAt: null }] },
        ),
        threat({ id: 't4', status: 'ARCHIVED', plans: [plan({ status: 'CLOSED' })] }),
      ],
      officers: [officer({ trainingRecords: [], threatsLed: leading(6) })],
      orders: [order({ lastComplianceCheckOn: null, startsOn: day('2025-01-01') })],
    };
    const flags = complianceFlags(data, () => T, NOW);
    expect(new Set(codes(flags))).toEqual(new Set(FLAG_CODES));
    expect([...flags].sort(compareFlags)).toEqual(flags);
  });

  it('threatFlags lists alerts first, then in the order of the flag codes', () => {
    const record = threat({ leadResponsibleOfficerId: null, mappedOn: day('2026-01-01'), plans: [plan({ actions: [action({ strand: 'PURSUE', dueOn: null })] })] });
    expect(threatFlags(record, T, NOW).map((flag) => `${flag.severity} ${flag.code}`)).toEqual([
      'alert THREAT_NO_LRO',
      'alert PLAN_PURSUE_ONLY',
      'warning ACTION_NO_DUE_DATE',
    ]);
  });

  it("judges each record by its own organisation's thresholds", () => {
    const strict = thresholds({ actionStaleDays: 10, lroCaseloadWarning: 2, orderCheckDays: 30, noLroDays: 3 });
    const byOrganisation: Record<string, ComplianceThresholds> = { 'org-lenient': T, 'org-strict': strict };
    const asked: string[] = [];
    const thresholdsFor = (organisationId: string) => {
      asked.push(organisationId);
      return byOrganisation[organisationId]!;
    };
    const updatedFifteenDaysAgo = plan({ actions: [...balancedActions(), action({ lastUpdatedAt: noon('2026-05-31') })] });
    const data = {
      threats: [
        threat({ id: 'lenient-threat', organisationId: 'org-lenient', plans: [updatedFifteenDaysAgo] }),
        threat({ id: 'strict-threat', organisationId: 'org-strict', plans: [updatedFifteenDaysAgo] }),
        threat({ id: 'strict-new', organisationId: 'org-strict', leadResponsibleOfficerId: null, mappedOn: day('2026-06-11'), plans: [plan()] }),
      ],
      officers: [
        officer({ id: 'lenient-officer', organisationId: 'org-lenient', threatsLed: leading(2) }),
        officer({ id: 'strict-officer', organisationId: 'org-strict', threatsLed: leading(2) }),
      ],
      orders: [
        order({ id: 'lenient-order', organisationId: 'org-lenient', lastComplianceCheckOn: day('2026-05-01') }),
        order({ id: 'strict-order', organisationId: 'org-strict', lastComplianceCheckOn: day('2026-05-01') }),
      ],
    };
    const flags = complianceFlags(data, thresholdsFor, NOW);
    expect(flags.map((flag) => [flag.code, flag.severity, flag.subject.id, flag.organisationId])).toEqual([
      ['THREAT_NO_LRO', 'alert', 'strict-new', 'org-strict'],
      ['ORDER_NOT_MONITORED', 'alert', 'strict-order', 'org-strict'],
      ['ACTION_STALE', 'warning', 'action-1', 'org-strict'],
      ['LRO_OVERLOADED', 'warning', 'strict-officer', 'org-strict'],
    ]);
    expect(flags.find((flag) => flag.code === 'ACTION_STALE')?.threatId).toBe('strict-threat');
    expect(new Set(asked)).toEqual(new Set(['org-lenient', 'org-strict']));
  });

  it('of an empty data set is empty', () => {
    expect(complianceFlags({ threats: [], officers: [], orders: [] }, () => T, NOW)).toEqual([]);
  });
});

describe('the rules do not depend on the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'])('in %s', (zone) => {
    process.env.TZ = zone;
    // Late in a London evening in summer: already the next day.
    expect(severity('ACTION_OVERDUE', withAction({ dueOn: day('2026-06-15') }), at('2026-06-15T22:59:00Z'))).toBe('none');
    expect(severity('ACTION_OVERDUE', withAction({ dueOn: day('2026-06-15') }), at('2026-06-15T23:00:00Z'))).toBe('warning');
    expect(severity('THREAT_NO_LRO', threat({ leadResponsibleOfficerId: null, mappedOn: day('2026-06-01') }), at('2026-06-14T22:59:00Z'))).toBe('none');
    expect(severity('THREAT_NO_LRO', threat({ leadResponsibleOfficerId: null, mappedOn: day('2026-06-01') }), at('2026-06-14T23:30:00Z'))).toBe('alert');
    // Both clock changes.
    expect(severity('ACTION_STALE', withAction({ lastUpdatedAt: at('2026-03-28T12:00:00Z') }), at('2026-04-26T11:00:00Z'))).toBe('none');
    expect(severity('ACTION_STALE', withAction({ lastUpdatedAt: at('2026-03-28T12:00:00Z') }), at('2026-04-27T11:00:00Z'))).toBe('warning');
    expect(severity('ACTION_STALE', withAction({ lastUpdatedAt: at('2026-10-24T23:30:00Z') }), at('2026-11-23T23:45:00Z'))).toBe('none');
    // Months, and the words.
    expect(severity('MORILE_OVERDUE', threat({ assessments: [{ id: 'a', assessedOn: at('2026-06-14T23:30:00Z'), moderatedAt: NOW }] }), noon('2026-12-14'))).toBe('none');
    expect(severity('MORILE_OVERDUE', threat({ assessments: [{ id: 'a', assessedOn: at('2026-06-14T23:30:00Z'), moderatedAt: NOW }] }), noon('2026-12-15'))).toBe('warning');
    expect(flagOf('PLAN_NEVER_REVIEWED', withPlan({ activatedAt: at('2026-05-01T23:30:00Z'), reviews: [], nextReviewDue: null }, { tier: 1 }), noon('2026-05-31'))?.message).toBe(
      'The plan has never been reviewed: its first review was due on 30 May 2026, 1 day ago.',
    );
    expect(orderSeverity(order({ expiresOn: day('2026-06-15') }), at('2026-06-15T22:59:00Z'))).toBe('warning');
    expect(orderSeverity(order({ expiresOn: day('2026-06-15') }), at('2026-06-15T23:30:00Z'))).toBe('none');
  });
});
