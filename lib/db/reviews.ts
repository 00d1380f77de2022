import 'server-only';
import { prisma, sql, type Prisma, type Tx } from './client';
import { loadPlanResource } from './plan-resources';
import { threatScopeSql, threatScopeWhere } from './scope';
import { getEffectiveThresholds } from './settings';
import { can, type Actor } from '@/lib/auth/policy';
import { addCalendarDays, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import {
  diffPlanSnapshots,
  parsePlanSnapshot,
  REVIEW_DUE_WITHIN_DAYS,
  reviewQueueState,
  snapshotOwnerIds,
  type PlanChange,
  type PlanSnapshot,
  type SnapshotNames,
} from '@/lib/domain/review-diff';
import { reviewCadenceDays } from '@/lib/domain/settings';
import { LIVE_THREAT_STATUSES, STRANDS, type ActionStatus, type PlanStatus, type ReviewOutcome, type Strand, type ThreatStatus } from '@/lib/domain/vocabulary';

// Plan reviews (issue 4, "Reviews"): the manager's review queue, the reviews of a plan, and the
// snapshot a review keeps. The queue is sorted and paged in the database by the plan's
// `nextReviewDue`, which activation sets to its first review date and each review to the next.

export type ReviewQueueRow = {
  planId: string;
  threatId: string;
  urn: string;
  threatName: string;
  tier: number;
  organisationName: string;
  leadResponsibleOfficerName: string | null;
  lastReviewedAt: Date | null;
  lastOutcome: ReviewOutcome | null;
  dueOn: Date | null;
  state: 'OVERDUE' | 'DUE' | 'NEVER_REVIEWED' | 'UPCOMING';
};

export type ReviewSummary = {
  id: string;
  planId: string;
  threatId: string;
  urn: string;
  threatName: string;
  reviewedAt: Date;
  reviewerName: string;
  outcome: ReviewOutcome;
  comments: string;
  nextReviewDue: Date;
};

export const REVIEW_QUEUE_PAGE_SIZE = 25;

const notHeldBy = (userId: string): Prisma.SocThreatWhereInput => ({
  // Spelt out with IS NULL: NOT (x = id) is not true when x is null.
  AND: [
    { OR: [{ leadResponsibleOfficerId: null }, { leadResponsibleOfficerId: { not: userId } }] },
    { OR: [{ deputyId: null }, { deputyId: { not: userId } }] },
  ],
});

/**
 * The plans a user may review: ACTIVE plans of live threats within their plan:review scope, less
 * those of threats they hold as LRO or deputy (somebody else reviews those). Null: none at all.
 */
function reviewablePlansWhere(user: Actor, { excludeHeld = true } = {}): Prisma.FourPPlanWhereInput | null {
  const scope = threatScopeWhere(user, 'plan:review');
  if (!scope) return null;
  return {
    status: 'ACTIVE',
    threat: { AND: [scope, { status: { in: [...LIVE_THREAT_STATUSES] } }, ...(excludeHeld ? [notHeldBy(user.id)] : [])] },
  };
}

/** London's day boundaries for the queue's states at `now` (see reviewQueueState). */
function queueBoundaries(now: Date) {
  const today = londonDateKey(now);
  return { todayStart: londonDayStart(today), dueWindowEnd: londonDayStart(addCalendarDays(today, REVIEW_DUE_WITHIN_DAYS + 1)) };
}

const reviewed: Prisma.FourPPlanWhereInput = { reviews: { some: {} } };
const neverReviewed: Prisma.FourPPlanWhereInput = { reviews: { none: {} } };

/** Plans the queue shows by default: never reviewed, overdue, or due within 14 days. */
function dueOrOverdueWhere(now: Date): Prisma.FourPPlanWhereInput {
  const { dueWindowEnd } = queueBoundaries(now);
  return { OR: [neverReviewed, { nextReviewDue: null }, { nextReviewDue: { lt: dueWindowEnd } }] };
}

/**
 * The user's review queue at `now`, oldest due date first (a plan without one first of all), a
 * page at a time. By default the plans never reviewed, overdue or due within 14 days; with
 * `includeUpcoming`, every plan they may review, the later ones after.
 */
export async function listReviewQueue(
  user: Actor,
  now: Date,
  opts: { page: number; pageSize?: number; includeUpcoming?: boolean },
): Promise<{ rows: ReviewQueueRow[]; total: number; page: number; pageCount: number }> {
  const pageSize = opts.pageSize ?? REVIEW_QUEUE_PAGE_SIZE;
  const base = reviewablePlansWhere(user);
  if (!base) return { rows: [], total: 0, page: 1, pageCount: 0 };
  const where: Prisma.FourPPlanWhereInput = opts.includeUpcoming ? base : { AND: [base, dueOrOverdueWhere(now)] };
  const total = await prisma.fourPPlan.count({ where });
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), Math.max(1, pageCount));
  const rows = await prisma.fourPPlan.findMany({
    where,
    orderBy: [{ nextReviewDue: { sort: 'asc', nulls: 'first' } }, { activatedAt: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      nextReviewDue: true,
      threat: {
        select: { id: true, urn: true, name: true, tier: true, organisation: { select: { name: true } }, leadResponsibleOfficer: { select: { name: true } } },
      },
      reviews: { orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }], take: 1, select: { reviewedAt: true, outcome: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((row): ReviewQueueRow => {
      const last = row.reviews[0] ?? null;
      return {
        planId: row.id,
        threatId: row.threat.id,
        urn: row.threat.urn,
        threatName: row.threat.name,
        tier: row.threat.tier,
        organisationName: row.threat.organisation.name,
        leadResponsibleOfficerName: row.threat.leadResponsibleOfficer?.name ?? null,
        lastReviewedAt: last?.reviewedAt ?? null,
        lastOutcome: (last?.outcome as ReviewOutcome | undefined) ?? null,
        dueOn: row.nextReviewDue,
        state: reviewQueueState(last !== null, row.nextReviewDue, now),
      };
    }),
  };
}

/**
 * How many plans of the user's queue are overdue, due within 14 days, and never reviewed (the
 * states of reviewQueueState, each plan counted once), and how many are not yet due (upcoming).
 */
export async function countReviewQueue(user: Actor, now: Date): Promise<{ overdue: number; due: number; neverReviewed: number; upcoming: number }> {
  const base = reviewablePlansWhere(user);
  if (!base) return { overdue: 0, due: 0, neverReviewed: 0, upcoming: 0 };
  const { todayStart, dueWindowEnd } = queueBoundaries(now);
  const count = (where: Prisma.FourPPlanWhereInput) => prisma.fourPPlan.count({ where: { AND: [base, where] } });
  const [overdue, due, never, upcoming] = await Promise.all([
    count({ AND: [reviewed, { nextReviewDue: { lt: todayStart } }] }),
    count({ AND: [reviewed, { OR: [{ nextReviewDue: null }, { nextReviewDue: { gte: todayStart, lt: dueWindowEnd } }] }] }),
    count(neverReviewed),
    count({ AND: [reviewed, { nextReviewDue: { gte: dueWindowEnd } }] }),
  ]);
  return { overdue, due, neverReviewed: never, upcoming };
}

const summarySelect = {
  id: true,
  planId: true,
  reviewedAt: true,
  outcome: true,
  comments: true,
  nextReviewDue: true,
  reviewer: { select: { name: true } },
  plan: { select: { threat: { select: { id: true, urn: true, name: true } } } },
} as const;

type SummaryRow = {
  id: string;
  planId: string;
  reviewedAt: Date;
  outcome: string;
  comments: string;
  nextReviewDue: Date;
  reviewer: { name: string };
  plan: { threat: { id: string; urn: string; name: string } };
};

function toSummary(row: SummaryRow): ReviewSummary {
  return {
    id: row.id,
    planId: row.planId,
    threatId: row.plan.threat.id,
    urn: row.plan.threat.urn,
    threatName: row.plan.threat.name,
    reviewedAt: row.reviewedAt,
    reviewerName: row.reviewer.name,
    outcome: row.outcome as ReviewOutcome,
    comments: row.comments,
    nextReviewDue: row.nextReviewDue,
  };
}

const newestFirst = [{ reviewedAt: 'desc' }, { id: 'desc' }] as const;

/**
 * The latest review of each live plan (DRAFT or ACTIVE) of the live threats the user holds as LRO
 * or deputy, newest first: what the LRO's work list shows them of their managers' reviews.
 */
export async function listLatestReviewsOfHeldPlans(user: Actor): Promise<ReviewSummary[]> {
  const plans = await prisma.fourPPlan.findMany({
    where: {
      liveThreatId: { not: null },
      reviews: { some: {} },
      threat: { status: { in: [...LIVE_THREAT_STATUSES] }, OR: [{ leadResponsibleOfficerId: user.id }, { deputyId: user.id }] },
    },
    select: { reviews: { orderBy: [...newestFirst], take: 1, select: summarySelect } },
  });
  return plans
    .flatMap((plan) => plan.reviews)
    .map(toSummary)
    .sort((a, b) => b.reviewedAt.getTime() - a.reviewedAt.getTime() || b.id.localeCompare(a.id));
}

/**
 * Plans in the user's plan:review scope (held ones included: a manager should know) whose latest
 * review ESCALATED them, the most recent first. "Latest" needs a correlated NOT EXISTS, which a
 * Prisma filter cannot say, so the ids come from SQL (scoped by threatScopeSql, the twin of the
 * scope the rest of this module uses) and the rows from Prisma.
 */
export async function listEscalations(user: Actor, opts: { take: number }): Promise<ReviewSummary[]> {
  const scope = threatScopeSql(user, 'plan:review');
  if (!scope || opts.take <= 0) return [];
  const ids = await prisma.$queryRaw<{ id: string }[]>(sql`
    SELECT r."id" AS "id" FROM "PlanReview" r
    JOIN "FourPPlan" p ON p."id" = r."planId"
    JOIN "SocThreat" t ON t."id" = p."threatId"
    WHERE r."outcome" = 'ESCALATED' AND p."status" = 'ACTIVE' AND t."status" IN ('MAPPED', 'ACTIVE')
      AND t."id" IN (${scope})
      AND NOT EXISTS (
        SELECT 1 FROM "PlanReview" later WHERE later."planId" = r."planId"
          AND (later."reviewedAt" > r."reviewedAt" OR (later."reviewedAt" = r."reviewedAt" AND later."id" > r."id"))
      )
    ORDER BY r."reviewedAt" DESC, r."id" DESC
    LIMIT ${opts.take}`);
  if (ids.length === 0) return [];
  const rows = await prisma.planReview.findMany({ where: { id: { in: ids.map((row) => row.id) } }, orderBy: [...newestFirst], select: summarySelect });
  return rows.map(toSummary);
}

/** Every review of a plan, newest first. The caller has checked access to the plan. */
export async function listPlanReviews(planId: string): Promise<ReviewSummary[]> {
  const rows = await prisma.planReview.findMany({ where: { planId }, orderBy: [...newestFirst], select: summarySelect });
  return rows.map(toSummary);
}

// ---------------------------------------------------------------------------------------------
// Snapshots and what changed
// ---------------------------------------------------------------------------------------------

/**
 * The plan as it stands, in the snapshot shape a review stores (the seed's): objectives in strand
 * order, then actions in the order they were added.
 */
export async function snapshotPlan(db: Pick<Tx, 'objective' | 'action'>, plan: { id: string; version: number }, now: Date): Promise<PlanSnapshot> {
  const [objectives, actions] = await Promise.all([
    db.objective.findMany({
      where: { planId: plan.id },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, strand: true, title: true, successMeasure: true },
    }),
    db.action.findMany({
      where: { planId: plan.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        strand: true,
        objectiveId: true,
        description: true,
        ownerUserId: true,
        ownerOrganisationId: true,
        ownerContactName: true,
        dueOn: true,
        status: true,
      },
    }),
  ]);
  const strandOrder = (s: string) => STRANDS.indexOf(s as Strand);
  return {
    planId: plan.id,
    version: plan.version,
    takenAt: now.toISOString(),
    objectives: [...objectives]
      .sort((a, b) => strandOrder(a.strand) - strandOrder(b.strand))
      .map((o) => ({ id: o.id, strand: o.strand as Strand, title: o.title, successMeasure: o.successMeasure })),
    actions: actions.map((a) => ({
      id: a.id,
      strand: a.strand as Strand,
      objectiveId: a.objectiveId,
      description: a.description,
      ownerUserId: a.ownerUserId,
      ownerOrganisationId: a.ownerOrganisationId,
      ownerContactName: a.ownerContactName,
      dueOn: a.dueOn ? a.dueOn.toISOString() : null,
      status: a.status as ActionStatus,
    })),
  };
}

async function ownerNames(...snapshots: PlanSnapshot[]): Promise<SnapshotNames> {
  const { userIds, organisationIds } = snapshotOwnerIds(...snapshots);
  const [users, organisations] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    organisationIds.length ? prisma.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, name: true } }) : [],
  ]);
  return { users: Object.fromEntries(users.map((u) => [u.id, u.name])), organisations: Object.fromEntries(organisations.map((o) => [o.id, o.name])) };
}

export type ChangesSinceReview =
  | { kind: 'NEVER_REVIEWED' }
  /** The last review's snapshot could not be read: the page says so rather than guess. */
  | { kind: 'UNREADABLE'; lastReviewedAt: Date }
  | { kind: 'CHANGES'; lastReviewedAt: Date; changes: PlanChange[] };

/** What changed in the plan since its latest review, compared with that review's snapshot. */
export async function getChangesSinceLastReview(plan: { id: string; version: number }, now: Date): Promise<ChangesSinceReview> {
  const last = await prisma.planReview.findFirst({ where: { planId: plan.id }, orderBy: [...newestFirst], select: { reviewedAt: true, snapshot: true } });
  if (!last) return { kind: 'NEVER_REVIEWED' };
  const before = parsePlanSnapshot(last.snapshot);
  if (!before) return { kind: 'UNREADABLE', lastReviewedAt: last.reviewedAt };
  const current = await snapshotPlan(prisma, plan, now);
  return { kind: 'CHANGES', lastReviewedAt: last.reviewedAt, changes: diffPlanSnapshots(before, current, await ownerNames(before, current)) };
}

// ---------------------------------------------------------------------------------------------
// The plan under review
// ---------------------------------------------------------------------------------------------

/** Whether the user holds the threat as LRO or deputy (they may not review its plan). */
const holds = (user: Pick<Actor, 'id'>, threat: { leadResponsibleOfficerId: string | null; deputyId: string | null }) =>
  threat.leadResponsibleOfficerId === user.id || threat.deputyId === user.id;

/**
 * A plan for the review page, within the user's scope, with its threat, the review cadence for
 * the threat's tier, and its policy resource (the page asks plan:review of it). Null when out of
 * scope.
 */
export async function getReviewSubject(user: Actor, planId: string) {
  const loaded = await loadPlanResource(prisma, user, planId);
  if (!loaded) return null;
  const row = await prisma.fourPPlan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      status: true,
      version: true,
      activatedAt: true,
      materiallyChangedAt: true,
      nextReviewDue: true,
      threat: {
        select: {
          id: true,
          urn: true,
          name: true,
          tier: true,
          status: true,
          leadResponsibleOfficerId: true,
          deputyId: true,
          organisationId: true,
          leadResponsibleOfficer: { select: { name: true } },
          organisation: { select: { name: true, path: true } },
        },
      },
    },
  });
  const thresholds = await getEffectiveThresholds(row.threat.organisation.path);
  return {
    resource: loaded.resource,
    isHolder: holds(user, row.threat),
    cadenceDays: reviewCadenceDays(thresholds, row.threat.tier),
    plan: {
      id: row.id,
      status: row.status as PlanStatus,
      version: row.version,
      activatedAt: row.activatedAt,
      materiallyChangedAt: row.materiallyChangedAt,
      nextReviewDue: row.nextReviewDue,
    },
    threat: {
      id: row.threat.id,
      urn: row.threat.urn,
      name: row.threat.name,
      tier: row.threat.tier,
      status: row.threat.status as ThreatStatus,
      organisationId: row.threat.organisationId,
      organisationName: row.threat.organisation.name,
      leadResponsibleOfficerName: row.threat.leadResponsibleOfficer?.name ?? null,
    },
  };
}

export type ReviewSubject = NonNullable<Awaited<ReturnType<typeof getReviewSubject>>>;

/**
 * The reviews section of a plan page: the plan's reviews (newest first) and whether the user may
 * review it now (plan:review on the threat, the plan ACTIVE, and not held by them). The caller has
 * checked that the user may read the plan.
 */
export async function getPlanReviewsPanel(user: Actor, planId: string): Promise<{ reviews: ReviewSummary[]; canReview: boolean }> {
  const [loaded, reviews] = await Promise.all([loadPlanResource(prisma, user, planId), listPlanReviews(planId)]);
  const canReview =
    loaded !== null &&
    loaded.record.status === 'ACTIVE' &&
    can(user, 'plan:review', loaded.resource) &&
    !holds(user, { leadResponsibleOfficerId: loaded.resource.leadResponsibleOfficerId, deputyId: loaded.resource.deputyId });
  return { reviews, canReview };
}

/** What a review write needs to know of the plan and its threat, read in the write's transaction. */
export async function getPlanReviewFacts(db: Pick<Tx, 'fourPPlan' | 'complianceSettings'>, planId: string) {
  const row = await db.fourPPlan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      status: true,
      version: true,
      materiallyChangedAt: true,
      nextReviewDue: true,
      threat: { select: { id: true, tier: true, status: true, leadResponsibleOfficerId: true, deputyId: true, organisation: { select: { path: true } } } },
    },
  });
  const thresholds = await getEffectiveThresholds(row.threat.organisation.path, db);
  return {
    status: row.status as PlanStatus,
    version: row.version,
    materiallyChangedAt: row.materiallyChangedAt,
    nextReviewDue: row.nextReviewDue,
    threatStatus: row.threat.status as ThreatStatus,
    cadenceDays: reviewCadenceDays(thresholds, row.threat.tier),
  };
}

/** Who last changed the plan materially and when (from the audit trail), for a refusal message. */
export async function lastPlanChange(db: Pick<Tx, 'auditEvent'>, threatId: string, since: Date) {
  const event = await db.auditEvent.findFirst({
    where: { threatId, at: { gt: since }, NOT: [{ action: { endsWith: '.view' } }, { action: 'plan.reviewed' }] },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, actor: { select: { name: true } } },
  });
  return event ? { by: event.actor?.name ?? null, at: event.at } : null;
}

/** The review cadence (days) for a threat: its organisation's threshold for the threat's tier. */
export async function reviewCadenceForThreat(db: Pick<Tx, 'socThreat' | 'complianceSettings'>, threatId: string): Promise<number> {
  const threat = await db.socThreat.findUniqueOrThrow({ where: { id: threatId }, select: { tier: true, organisation: { select: { path: true } } } });
  return reviewCadenceDays(await getEffectiveThresholds(threat.organisation.path, db), threat.tier);
}
