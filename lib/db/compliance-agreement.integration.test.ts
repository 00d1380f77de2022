// "One truth" (issue 4): the compliance SQL (compliance-sql.ts), which lists and counts flags at
// scale, must raise exactly the flags the pure rules (lib/domain/compliance/rules.ts) raise for
// the same records. fast-check generates small random data sets with dates clustered around
// `now` and around small thresholds, `now` itself drawn around the UK clock changes and London
// midnight; each data set goes into the real database under its own organisations, and both
// engines judge it.
//
// COMPLIANCE_AGREEMENT_RUNS=500 npx vitest run --project integration lib/db/compliance-agreement.integration.test.ts
// runs it harder; add DATABASE_URL=postgresql://... for PostgreSQL. A failure prints the shrunk
// data set and the flags only one side raised (COMPLIANCE_AGREEMENT_SHRINK=0 skips shrinking;
// COMPLIANCE_AGREEMENT_SEED=<seed> replays a run; COMPLIANCE_AGREEMENT_STATS=1 prints how often
// each flag was raised, to check the generators still reach every rule).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prisma, type Prisma } from '@/lib/db/client';
import { officerComplianceSelect, orderComplianceSelect, threatComplianceSelect } from '@/lib/db/compliance';
import { countFlags, listFlagRows, threatFlagSummaries, type FlagRow } from '@/lib/db/compliance-sql';
import { getEffectiveThresholds } from '@/lib/db/settings';
import { flagKey, type ComplianceFlag } from '@/lib/domain/compliance/flags';
import { complianceFlags, orderFlags, threatFlags } from '@/lib/domain/compliance/rules';
import { addCalendarDays, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import { SETTING_KEYS, type ComplianceThresholds, type ThresholdOverrides } from '@/lib/domain/settings';
import { ACTION_STATUSES, ORDER_KINDS, STRANDS, THREAT_STATUSES } from '@/lib/domain/vocabulary';

const RUNS = Number(process.env.COMPLIANCE_AGREEMENT_RUNS ?? 100);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// --- Generators ------------------------------------------------------------------------------------

/**
 * A date relative to `now`: `offset` London days from today, at a time that hits the edges the
 * rules care about (London midnight and either side of it, UTC midnight for calendar dates, the
 * same time as `now`).
 */
type DateSpec = { offset: number; at: 'utcMidnight' | 'dayStart' | 'justBeforeDayStart' | 'justAfterDayStart' | 'likeNow' | 'hour'; hour: number };

const dateSpec: fc.Arbitrary<DateSpec> = fc.record({
  // Mostly days around today and the small thresholds; sometimes one or two months back (MoRiLE).
  offset: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -7, max: 2 }) },
    { weight: 2, arbitrary: fc.integer({ min: -14, max: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: -66, max: -26 }) },
  ),
  at: fc.constantFrom('utcMidnight', 'utcMidnight', 'dayStart', 'dayStart', 'justBeforeDayStart', 'justAfterDayStart', 'likeNow', 'likeNow', 'hour'),
  hour: fc.integer({ min: 0, max: 23 }),
});

/** Training is current "at now": completed on or before it, expiring after it, to the millisecond. */
const aroundNow: fc.Arbitrary<DateSpec> = fc.oneof(
  dateSpec,
  fc.record({ offset: fc.constantFrom(-1, 0, 0, 1), at: fc.constant('likeNow' as const), hour: fc.integer({ min: 0, max: 2 }) }),
);

function materialise(spec: DateSpec, now: Date): Date {
  const key = addCalendarDays(londonDateKey(now), spec.offset);
  const start = londonDayStart(key).getTime();
  switch (spec.at) {
    case 'utcMidnight':
      return new Date(`${key}T00:00:00.000Z`);
    case 'dayStart':
      return new Date(start);
    case 'justBeforeDayStart':
      return new Date(start - 1);
    case 'justAfterDayStart':
      return new Date(start + 1);
    case 'likeNow':
      // `now` shifted by whole days, give or take a millisecond (training current "at now").
      return new Date(now.getTime() + spec.offset * DAY + ((spec.hour % 3) - 1));
    case 'hour':
      return new Date(start + spec.hour * HOUR + 17 * MINUTE);
  }
}

const clockChanges = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'];
const nowArb: fc.Arbitrary<Date> = fc.oneof(
  // On a clock-change night, 00:00-03:00 UTC, or up to ten days after one (dates cross it).
  fc
    .record({ day: fc.constantFrom(...clockChanges), after: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 })), minutes: fc.integer({ min: 0, max: 180 }), ms: fc.constantFrom(0, 1, -1) })
    .map(({ day, after, minutes, ms }) => new Date(Date.parse(`${day}T00:00:00Z`) + after * DAY + minutes * MINUTE + ms)),
  // Around London midnight (23:00 UTC in summer, 00:00 UTC in winter) on any day.
  fc
    .record({ day: fc.integer({ min: 0, max: 730 }), minutes: fc.integer({ min: -90, max: 90 }) })
    .map(({ day, minutes }) => new Date(Date.UTC(2025, 0, 1) + day * DAY + 23 * HOUR + minutes * MINUTE)),
  // Any instant.
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms)),
);

// fc.integer leans towards its bounds: keep 0 (allowed, if odd) rare.
const smallDays = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.constant(0) });
const cadence = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(0) });
const thresholdArb: Record<(typeof SETTING_KEYS)[number], fc.Arbitrary<number>> = {
  noLroDays: smallDays,
  noPlanDays: smallDays,
  reviewCadenceTier1Days: cadence,
  reviewCadenceTier2Days: cadence,
  reviewCadenceTier3Days: cadence,
  reviewCadenceTier4Days: cadence,
  reviewCadenceTier5Days: cadence,
  actionStaleDays: smallDays,
  pursueOnlyPercent: fc.constantFrom(0, 25, 33, 50, 60, 67, 70, 75, 100),
  partnerEngagementDays: smallDays,
  apmisRecordingDays: smallDays,
  possibleUnmetDemandDays: smallDays,
  lroCaseloadWarning: fc.integer({ min: 1, max: 3 }),
  lroCaseloadAlert: fc.integer({ min: 1, max: 4 }),
  morileOverdueMonths: fc.integer({ min: 0, max: 2 }),
  morileUnmoderatedDays: smallDays,
  orderCheckDays: smallDays,
  orderExpiryWarningDays: smallDays,
  nationalPursuePercent: fc.constant(54),
};
const fullOverrides = fc.record(thresholdArb) as fc.Arbitrary<ThresholdOverrides>;
const partialOverrides = fc.record(thresholdArb, { requiredKeys: [] }) as fc.Arbitrary<ThresholdOverrides>;

const actionArb = fc.record({
  strand: fc.constantFrom(...STRANDS),
  status: fc.constantFrom(...ACTION_STATUSES),
  owner: fc.constantFrom('none', 'user', 'organisation', 'both'),
  due: fc.option(dateSpec, { freq: 4 }),
  lastUpdated: dateSpec,
  completed: fc.option(dateSpec),
});

const planArb = fc.record({
  activated: fc.option(dateSpec, { freq: 5 }),
  nextReviewDue: fc.option(dateSpec, { freq: 4 }),
  materiallyChanged: fc.option(dateSpec),
  reviews: fc.array(dateSpec, { maxLength: 2 }),
  engagements: fc.array(dateSpec, { maxLength: 2 }),
  actions: fc.array(actionArb, { maxLength: 5 }),
});

const threatArb = fc.record({
  /** An index into the data set's organisations, or -1: outside the subtree (counts for officers only). */
  organisation: fc.oneof({ weight: 6, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.constant(-1) }),
  status: fc.constantFrom(...THREAT_STATUSES, 'ACTIVE'),
  tier: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 6) }),
  mapped: dateSpec,
  lro: fc.option(fc.nat(3), { freq: 3 }),
  closedPlans: fc.array(planArb, { maxLength: 1 }),
  livePlan: fc.option(fc.record({ status: fc.constantFrom('DRAFT', 'ACTIVE', 'ACTIVE'), plan: planArb }), { freq: 5 }),
  disruptions: fc.array(fc.record({ on: dateSpec, apmis: fc.constantFrom(null, '', '  ', '\t\n', '\u00a0', 'APMIS/2026/1') }), { maxLength: 2 }),
  unmet: fc.array(fc.record({ raised: dateSpec, resolved: fc.option(dateSpec) }), { maxLength: 2 }),
  // Assessments from a small pool of dates, so that ties in assessedOn happen.
  assessments: fc.array(fc.record({ on: fc.constantFrom(0, 1, 2, 3), moderated: fc.option(dateSpec) }), { maxLength: 3 }),
  assessmentDays: fc.tuple(dateSpec, dateSpec, dateSpec, dateSpec),
});

const dataSetArb = fc.record({
  now: nowArb,
  /** Parent index of each organisation after the first (the root of the data set). */
  parents: fc.array(fc.nat(), { maxLength: 3 }),
  rootOverrides: fc.oneof({ weight: 4, arbitrary: fullOverrides }, { weight: 1, arbitrary: partialOverrides }),
  overrides: fc.array(fc.option(partialOverrides), { minLength: 3, maxLength: 3 }),
  officers: fc.array(
    fc.record({
      organisation: fc.nat(3),
      training: fc.array(fc.record({ kind: fc.constantFrom('LRO_COURSE', 'LRO_COURSE', 'OTHER'), completed: aroundNow, expires: fc.option(aroundNow) }), { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  threats: fc.array(threatArb, { maxLength: 6 }),
  orders: fc.array(
    fc.record({
      organisation: fc.oneof({ weight: 6, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.constant(-1) }),
      threat: fc.option(fc.nat(5)),
      kind: fc.constantFrom(...ORDER_KINDS),
      starts: dateSpec,
      expires: fc.option(dateSpec, { freq: 3 }),
      lastCheck: fc.option(dateSpec),
    }),
    { maxLength: 3 },
  ),
});
type DataSet = typeof dataSetArb extends fc.Arbitrary<infer T> ? T : never;

// --- Inserting a data set -------------------------------------------------------------------------

type Inserted = { rootPath: string; organisationIds: string[]; threatIds: string[] };

async function insert(data: DataSet): Promise<Inserted> {
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  let n = 0;
  const id = (kind: string) => `${kind}${run}x${n++}`;
  const at = (spec: DateSpec) => materialise(spec, data.now);
  const opt = (spec: DateSpec | null) => (spec ? at(spec) : null);

  // Organisations: a root and up to three below it (a tree), plus one outside the subtree.
  const organisations: { id: string; code: string; name: string; kind: 'REGION' | 'FORCE' | 'LPA'; parentId: string | null; path: string }[] = [];
  const rootId = id('org');
  organisations.push({ id: rootId, code: rootId, name: 'Root', kind: 'REGION', parentId: null, path: `/${rootId}/` });
  data.parents.forEach((parent) => {
    const parentOrg = organisations[parent % organisations.length]!;
    const orgId = id('org');
    organisations.push({ id: orgId, code: orgId, name: 'Child', kind: 'FORCE', parentId: parentOrg.id, path: `${parentOrg.path}${orgId}/` });
  });
  const outsideId = id('org');
  const outside = { id: outsideId, code: outsideId, name: 'Outside', kind: 'FORCE' as const, parentId: null, path: `/${outsideId}/` };
  const orgAt = (index: number) => (index < 0 ? outside : organisations[index % organisations.length]!);
  await prisma.organisation.createMany({ data: [...organisations, outside] });

  const settings = [
    { organisationId: rootId, ...data.rootOverrides },
    ...organisations.slice(1).flatMap((org, i) => (data.overrides[i] ? [{ organisationId: org.id, ...data.overrides[i] }] : [])),
  ];
  await prisma.complianceSettings.createMany({ data: settings });

  const reviewerId = id('usr');
  const officers = data.officers.map((officer) => ({ id: id('usr'), organisationId: orgAt(officer.organisation).id, training: officer.training }));
  await prisma.user.createMany({
    data: [{ id: reviewerId, organisationId: outsideId }, ...officers].map((user) => ({ id: user.id, email: `${user.id}@test.invalid`, name: `Officer ${user.id}`, organisationId: user.organisationId })),
  });
  await prisma.trainingRecord.createMany({
    data: officers.flatMap((officer) => officer.training.map((t) => ({ userId: officer.id, kind: t.kind, completedOn: at(t.completed), expiresOn: opt(t.expires) }))),
  });

  const threats: Prisma.SocThreatCreateManyInput[] = [];
  const plans: Prisma.FourPPlanCreateManyInput[] = [];
  const reviews: Prisma.PlanReviewCreateManyInput[] = [];
  const engagements: Prisma.PartnerEngagementCreateManyInput[] = [];
  const actions: Prisma.ActionCreateManyInput[] = [];
  const disruptions: Prisma.DisruptionCreateManyInput[] = [];
  const unmet: Prisma.UnmetDemandCreateManyInput[] = [];
  const assessments: Prisma.MorileAssessmentCreateManyInput[] = [];
  const threatIds: string[] = [];
  for (const threat of data.threats) {
    const threatId = id('thr');
    threatIds.push(threatId);
    const lro = threat.lro !== null && officers.length ? officers[threat.lro % officers.length]!.id : null;
    threats.push({ id: threatId, urn: threatId, name: `Threat ${threatId}`, type: 'OCG', tier: threat.tier, status: threat.status, mappedOn: at(threat.mapped), organisationId: orgAt(threat.organisation).id, leadResponsibleOfficerId: lro });
    const allPlans = [...threat.closedPlans.map((plan) => ({ status: 'CLOSED' as const, plan })), ...(threat.livePlan ? [threat.livePlan] : [])];
    for (const { status, plan } of allPlans) {
      const planId = id('pln');
      plans.push({
        id: planId,
        threatId,
        liveThreatId: status === 'CLOSED' ? null : threatId,
        status,
        activatedAt: opt(plan.activated),
        nextReviewDue: opt(plan.nextReviewDue),
        materiallyChangedAt: opt(plan.materiallyChanged),
      });
      for (const reviewed of plan.reviews) {
        reviews.push({ planId, reviewerId, reviewedAt: at(reviewed), outcome: 'SATISFACTORY', comments: 'Fine', nextReviewDue: at(reviewed), planVersion: 1, snapshot: '{}' });
      }
      for (const engaged of plan.engagements) engagements.push({ planId, partnerOrganisationId: outsideId, engagedOn: at(engaged), kind: 'MEETING', summary: 'Met' });
      for (const action of plan.actions) {
        actions.push({
          id: id('act'),
          planId,
          strand: action.strand,
          status: action.status,
          description: 'Action',
          ownerUserId: action.owner === 'user' || action.owner === 'both' ? reviewerId : null,
          ownerOrganisationId: action.owner === 'organisation' || action.owner === 'both' ? outsideId : null,
          dueOn: opt(action.due),
          lastUpdatedAt: at(action.lastUpdated),
          completedAt: opt(action.completed),
        });
      }
    }
    for (const disruption of threat.disruptions) {
      const disruptionId = id('dsr');
      disruptions.push({ id: disruptionId, reference: disruptionId, threatId, disruptedOn: at(disruption.on), strand: 'PURSUE', category: 'MINOR', role: 'LEAD', description: 'Arrest', apmisReference: disruption.apmis });
    }
    for (const u of threat.unmet) unmet.push({ threatId, shortfall: 'CAPACITY', capabilityNeeded: 'SURVEILLANCE', description: 'Short', raisedOn: at(u.raised), resolvedOn: opt(u.resolved) });
    for (const a of threat.assessments) {
      const assessedOn = at(threat.assessmentDays[a.on]!);
      assessments.push({ id: id('mor'), threatId, assessedOn, harm: 1, likelihood: 1, riskScore: 1, confidence: 'LOW', priority: 'LOW', tier: 3, moderatedAt: opt(a.moderated), nextReassessmentDue: assessedOn });
    }
  }
  await prisma.socThreat.createMany({ data: threats });
  await prisma.fourPPlan.createMany({ data: plans });
  await prisma.planReview.createMany({ data: reviews });
  await prisma.partnerEngagement.createMany({ data: engagements });
  await prisma.action.createMany({ data: actions });
  await prisma.disruption.createMany({ data: disruptions });
  await prisma.unmetDemand.createMany({ data: unmet });
  await prisma.morileAssessment.createMany({ data: assessments });
  await prisma.ancillaryOrder.createMany({
    data: data.orders.map((order) => ({
      id: id('ord'),
      kind: order.kind,
      subjectName: 'Subject',
      threatId: order.threat !== null && threatIds.length ? threatIds[order.threat % threatIds.length]! : null,
      organisationId: orgAt(order.organisation).id,
      madeOn: at(order.starts),
      startsOn: at(order.starts),
      expiresOn: opt(order.expires),
      lastComplianceCheckOn: opt(order.lastCheck),
    })),
  });
  return { rootPath: `/${rootId}/`, organisationIds: [...organisations.map((o) => o.id), outsideId], threatIds };
}

// --- The rules' view of the same records -----------------------------------------------------------

async function thresholdsByOrganisation(organisationIds: string[]): Promise<(organisationId: string) => ComplianceThresholds> {
  const organisations = await prisma.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, path: true } });
  const map = new Map(await Promise.all(organisations.map(async (o) => [o.id, await getEffectiveThresholds(o.path)] as const)));
  return (organisationId) => map.get(organisationId)!;
}

async function rulesFlags(inserted: Inserted, now: Date): Promise<ComplianceFlag[]> {
  const under = { organisation: { path: { startsWith: inserted.rootPath } } };
  const [threats, officers, orders] = await Promise.all([
    prisma.socThreat.findMany({ where: under, select: threatComplianceSelect }),
    prisma.user.findMany({ where: under, select: officerComplianceSelect }),
    prisma.ancillaryOrder.findMany({ where: under, select: orderComplianceSelect }),
  ]);
  return complianceFlags({ threats, officers, orders }, await thresholdsByOrganisation(inserted.organisationIds), now);
}

/** The rules' flags of some threats and the orders on them (the threatIds universe). */
async function rulesFlagsOfThreats(inserted: Inserted, threatIds: string[], now: Date): Promise<ComplianceFlag[]> {
  const thresholds = await thresholdsByOrganisation(inserted.organisationIds);
  const threats = await prisma.socThreat.findMany({ where: { id: { in: threatIds } }, select: threatComplianceSelect });
  const orders = await prisma.ancillaryOrder.findMany({ where: { threatId: { in: threatIds } }, select: orderComplianceSelect });
  return [...threats.flatMap((t) => threatFlags(t, thresholds(t.organisationId), now)), ...orders.flatMap((o) => orderFlags(o, thresholds(o.organisationId), now))];
}

// --- Comparing ------------------------------------------------------------------------------------

const keyOf = (flag: Pick<FlagRow, 'code' | 'severity' | 'subject' | 'threatId' | 'organisationId'>) =>
  `${flagKey(flag)} threat=${flag.threatId ?? '-'} org=${flag.organisationId}`;

function expectSameFlags(label: string, fromRules: readonly (ComplianceFlag | FlagRow)[], fromSql: readonly FlagRow[]) {
  const rules = fromRules.map(keyOf).sort();
  const sqlKeys = fromSql.map(keyOf).sort();
  const onlyRules = [...rules];
  const onlySql: string[] = [];
  for (const key of sqlKeys) {
    const i = onlyRules.indexOf(key);
    if (i >= 0) onlyRules.splice(i, 1);
    else onlySql.push(key);
  }
  if (onlyRules.length || onlySql.length) {
    const messages = fromRules.filter((f): f is ComplianceFlag => 'message' in f && onlyRules.includes(keyOf(f))).map((f) => `  ${f.message}`);
    throw new Error(
      [`${label}: the rules and the SQL disagree`, 'Only in the rules:', ...onlyRules.map((k) => `  ${k}`), ...messages, 'Only in the SQL:', ...onlySql.map((k) => `  ${k}`)].join('\n'),
    );
  }
}

function countsOf(flags: readonly ComplianceFlag[]) {
  const counts = new Map<string, number>();
  for (const flag of flags) counts.set(`${flag.code}:${flag.severity}`, (counts.get(`${flag.code}:${flag.severity}`) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
}

const seen = new Map<string, number>();
describe('compliance SQL agrees with the rules', () => {
  it(
    `raises the same flags for random data sets (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(dataSetArb, async (data) => {
          const { now } = data;
          const inserted = await insert(data);
          const expected = await rulesFlags(inserted, now);
          for (const f of expected) seen.set(`${f.code}:${f.severity}`, (seen.get(`${f.code}:${f.severity}`) ?? 0) + 1);

          // An organisation universe: every flag, officers included.
          expectSameFlags(`organisation universe at ${now.toISOString()}`, expected, await listFlagRows({ organisationPath: inserted.rootPath }, now));
          const counts = Object.fromEntries((await countFlags({ organisationPath: inserted.rootPath }, now)).map((c) => [`${c.code}:${c.severity}`, c.count]).sort());
          expect(counts).toEqual(countsOf(expected));

          // A threat universe: those threats' flags and their orders' (wherever the order sits).
          const someThreats = inserted.threatIds.filter((_, i) => i % 2 === 0);
          if (someThreats.length) {
            expectSameFlags(`threat universe at ${now.toISOString()}`, await rulesFlagsOfThreats(inserted, someThreats, now), await listFlagRows({ threatIds: someThreats }, now));
          }

          // Register summaries: the flags of some threats within the organisation universe.
          const summaries = await threatFlagSummaries({ organisationPath: inserted.rootPath }, now, someThreats);
          const summaryKeys = [...summaries].flatMap(([threatId, flags]) => flags.map((f) => `${threatId}:${f.code}:${f.severity}`)).sort();
          const expectedKeys = expected.filter((f) => f.threatId && someThreats.includes(f.threatId)).map((f) => `${f.threatId}:${f.code}:${f.severity}`).sort();
          expect(summaryKeys).toEqual(expectedKeys);
        }),
        {
          numRuns: RUNS,
          endOnFailure: process.env.COMPLIANCE_AGREEMENT_SHRINK === '0',
          seed: process.env.COMPLIANCE_AGREEMENT_SEED ? Number(process.env.COMPLIANCE_AGREEMENT_SEED) : undefined,
        },
      );
    },
    180_000,
  );
  it.runIf(process.env.COMPLIANCE_AGREEMENT_STATS)('stats', () => console.log(Object.fromEntries([...seen].sort())));
});
