import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import {
  countReviewQueue,
  getChangesSinceLastReview,
  getPlanReviewsPanel,
  listEscalations,
  listLatestReviewsOfHeldPlans,
  listPlanReviews,
  listReviewQueue,
  snapshotPlan,
} from './reviews';
import type { Actor } from '@/lib/auth/policy';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { dateKeyToDate } from '@/lib/domain/review-diff';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// The review queue and the review lists (lib/db/reviews.ts) against a real database. Each block
// makes its own region, so the scope holds only its own plans.

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
/** The date `n` days from today (London), as a date column stores it. */
const dueIn = (n: number) => dateKeyToDate(addCalendarDays(londonDateKey(now), n));

type Region = Awaited<ReturnType<typeof makeRegion>>;

async function makeActivePlan(
  threatId: string,
  opts: { nextReviewDue?: Date | null; status?: 'DRAFT' | 'ACTIVE' | 'CLOSED'; activatedAt?: Date; reviews?: { ago: number; outcome?: 'SATISFACTORY' | 'CHANGES_REQUIRED' | 'ESCALATED'; reviewerId: string; comments?: string; snapshot?: string }[] },
) {
  const status = opts.status ?? 'ACTIVE';
  const plan = await prisma.fourPPlan.create({
    data: {
      threatId,
      liveThreatId: status === 'CLOSED' ? null : threatId,
      status,
      activatedAt: status === 'DRAFT' ? null : (opts.activatedAt ?? daysAgo(60)),
      nextReviewDue: opts.nextReviewDue ?? null,
    },
    select: { id: true, version: true },
  });
  for (const review of opts.reviews ?? []) {
    await prisma.planReview.create({
      data: {
        planId: plan.id,
        reviewerId: review.reviewerId,
        reviewedAt: daysAgo(review.ago),
        outcome: review.outcome ?? 'SATISFACTORY',
        comments: review.comments ?? `Reviewed ${review.ago} days ago`,
        nextReviewDue: dueIn(28 - review.ago),
        planVersion: 1,
        snapshot: review.snapshot ?? '{}',
      },
    });
  }
  return plan;
}

describe('listReviewQueue and countReviewQueue', () => {
  let orgs: Region;
  let manager: Actor;
  let reviewer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    orgs = await makeRegion();
    manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    reviewer = (await makeUser(orgs.west, ['MANAGER'], { name: 'Another Manager' })).id;
    const lro = await makeUser(orgs.west, ['LRO'], { name: 'Detective Holder' });
    const reviewedOnce = [{ ago: 30, reviewerId: reviewer }];
    const plan = async (key: string, opts: Parameters<typeof makeActivePlan>[1], threat: Parameters<typeof makeThreat>[1] = {}) => {
      const t = await makeThreat(orgs.west, { name: `Queue ${key}`, leadResponsibleOfficerId: lro.id, ...threat });
      ids[key] = (await makeActivePlan(t.id, opts)).id;
    };
    await plan('neverOverdue', { nextReviewDue: dueIn(-10) });
    await plan('overdue', { nextReviewDue: dueIn(-5), reviews: reviewedOnce });
    await plan('dueToday', { nextReviewDue: dueIn(0), reviews: reviewedOnce }, { status: 'MAPPED' });
    await plan('dueIn14', { nextReviewDue: dueIn(14), reviews: reviewedOnce }, { tier: 1 });
    await plan('upcoming', { nextReviewDue: dueIn(15), reviews: reviewedOnce });
    await plan('neverLater', { nextReviewDue: dueIn(20) });
    await plan('noDate', { nextReviewDue: null, reviews: reviewedOnce });
    // Not in the queue: a draft, a closed plan, an archived threat's plan, a threat the manager holds.
    await plan('draft', { status: 'DRAFT', nextReviewDue: dueIn(-30) });
    await plan('closed', { status: 'CLOSED', nextReviewDue: dueIn(-30) });
    await plan('archived', { nextReviewDue: dueIn(-30) }, { status: 'ARCHIVED' });
    await plan('heldByManager', { nextReviewDue: dueIn(-30) }, { leadResponsibleOfficerId: manager.id });
    await plan('deputyManager', { nextReviewDue: dueIn(-29) }, { deputyId: manager.id });
    const south = await makeThreat(orgs.south, { name: 'Queue south' });
    ids.south = (await makeActivePlan(south.id, { nextReviewDue: dueIn(-40) })).id;
  });

  const keysOf = (rows: { planId: string }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.planId));

  it('lists never reviewed, overdue and due plans, oldest due first (no date first of all)', async () => {
    const list = await listReviewQueue(manager, now, { page: 1 });
    expect(keysOf(list.rows)).toEqual(['noDate', 'neverOverdue', 'overdue', 'dueToday', 'dueIn14', 'neverLater']);
    expect(list.rows.map((r) => r.state)).toEqual(['DUE', 'NEVER_REVIEWED', 'OVERDUE', 'DUE', 'DUE', 'NEVER_REVIEWED']);
    expect(list).toMatchObject({ total: 6, page: 1, pageCount: 1 });
  });

  it('shows every plan, upcoming ones in their place, when asked', async () => {
    const list = await listReviewQueue(manager, now, { page: 1, includeUpcoming: true });
    expect(keysOf(list.rows)).toEqual(['noDate', 'neverOverdue', 'overdue', 'dueToday', 'dueIn14', 'upcoming', 'neverLater']);
    expect(list.rows.find((r) => r.planId === ids.upcoming)?.state).toBe('UPCOMING');
  });

  it('describes each row: threat, tier, organisation, LRO, last review and due date', async () => {
    const { rows } = await listReviewQueue(manager, now, { page: 1 });
    const row = rows.find((r) => r.planId === ids.dueIn14)!;
    expect(row).toMatchObject({
      threatName: 'Queue dueIn14',
      tier: 1,
      organisationName: 'West force',
      leadResponsibleOfficerName: 'Detective Holder',
      lastOutcome: 'SATISFACTORY',
      dueOn: dueIn(14),
      state: 'DUE',
    });
    expect(row.lastReviewedAt).toEqual(daysAgo(30));
    expect(row.urn).toMatch(/^T-/);
    expect(rows.find((r) => r.planId === ids.neverOverdue)).toMatchObject({ lastReviewedAt: null, lastOutcome: null });
  });

  it('pages in the database', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listReviewQueue(manager, now, { page, pageSize: 2 })));
    expect(pages.map((p) => keysOf(p.rows))).toEqual([
      ['noDate', 'neverOverdue'],
      ['overdue', 'dueToday'],
      ['dueIn14', 'neverLater'],
    ]);
    expect(pages[0]).toMatchObject({ total: 6, pageCount: 3 });
    // A page past the end shows the last one.
    expect(await listReviewQueue(manager, now, { page: 99, pageSize: 2 })).toMatchObject({ page: 3, rows: pages[2]!.rows });
  });

  it('counts each state once', async () => {
    expect(await countReviewQueue(manager, now)).toEqual({ overdue: 1, due: 3, neverReviewed: 2, upcoming: 1 });
  });

  it('moves with the clock: fifteen days on, the upcoming plan is due and the due ones overdue', async () => {
    const later = new Date(now.getTime() + 15 * DAY);
    expect(await countReviewQueue(manager, later)).toEqual({ overdue: 3, due: 2, neverReviewed: 2, upcoming: 0 });
  });

  it('keeps to the user’s scope', async () => {
    const southManager = await asCurrentUser((await makeUser(orgs.south, ['MANAGER'])).id);
    expect(keysOf((await listReviewQueue(southManager, now, { page: 1 })).rows)).toEqual(['south']);

    const regionManager = await asCurrentUser((await makeUser(orgs.region, ['MANAGER'])).id);
    const regional = await listReviewQueue(regionManager, now, { page: 1 });
    // Both forces, and the threats the West manager holds (the regional manager does not).
    expect(keysOf(regional.rows)).toEqual(['noDate', 'south', 'heldByManager', 'deputyManager', 'neverOverdue', 'overdue', 'dueToday', 'dueIn14', 'neverLater']);
    expect(regional.total).toBe(9);

    for (const role of ['LRO', 'COORDINATOR', 'ADMIN', 'ACTION_OWNER'] as const) {
      const user = await asCurrentUser((await makeUser(orgs.west, [role])).id);
      expect(await listReviewQueue(user, now, { page: 1 })).toEqual({ rows: [], total: 0, page: 1, pageCount: 0 });
      expect(await countReviewQueue(user, now)).toEqual({ overdue: 0, due: 0, neverReviewed: 0, upcoming: 0 });
    }
  });
});

describe('listLatestReviewsOfHeldPlans', () => {
  it('gives the latest review of each live plan of the threats the user holds, newest first', async () => {
    const orgs = await makeRegion();
    const lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
    const other = await makeUser(orgs.west, ['LRO']);
    const reviewer = await makeUser(orgs.west, ['MANAGER'], { name: 'DCI Reviewer' });
    const held = await makeThreat(orgs.west, { name: 'Held', leadResponsibleOfficerId: lro.id });
    const deputised = await makeThreat(orgs.west, { name: 'Deputised', leadResponsibleOfficerId: other.id, deputyId: lro.id });
    const notMine = await makeThreat(orgs.west, { leadResponsibleOfficerId: other.id });
    const archived = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id, status: 'ARCHIVED' });
    const closedOnly = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });
    const unreviewed = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });

    await makeActivePlan(held.id, {
      reviews: [
        { ago: 40, reviewerId: reviewer.id },
        { ago: 3, reviewerId: reviewer.id, outcome: 'CHANGES_REQUIRED', comments: 'Add a Prevent action' },
      ],
    });
    await makeActivePlan(deputised.id, { reviews: [{ ago: 10, reviewerId: reviewer.id, outcome: 'ESCALATED' }] });
    for (const threat of [notMine, archived]) await makeActivePlan(threat.id, { reviews: [{ ago: 1, reviewerId: reviewer.id }] });
    await makeActivePlan(closedOnly.id, { status: 'CLOSED', reviews: [{ ago: 1, reviewerId: reviewer.id }] });
    await makeActivePlan(unreviewed.id, {});

    const reviews = await listLatestReviewsOfHeldPlans(lro);
    expect(reviews.map((r) => [r.threatName, r.outcome])).toEqual([
      ['Held', 'CHANGES_REQUIRED'],
      ['Deputised', 'ESCALATED'],
    ]);
    expect(reviews[0]).toMatchObject({ threatId: held.id, urn: held.urn, reviewerName: 'DCI Reviewer', comments: 'Add a Prevent action', nextReviewDue: dueIn(25) });
    expect(reviews[0]!.reviewedAt).toEqual(daysAgo(3));
  });
});

describe('listEscalations and listPlanReviews', () => {
  it('lists plans whose latest review escalated them, within scope, newest first', async () => {
    const orgs = await makeRegion();
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const reviewer = await makeUser(orgs.west, ['MANAGER']);
    const threat = (name: string, org = orgs.west) => makeThreat(org, { name });
    const escalatedOld = await threat('Escalated old');
    const escalatedNew = await threat('Escalated new');
    const resolved = await threat('Resolved');
    const elsewhere = await threat('Elsewhere', orgs.south);
    await makeActivePlan(escalatedOld.id, { reviews: [{ ago: 20, reviewerId: reviewer.id, outcome: 'ESCALATED' }] });
    await makeActivePlan(escalatedNew.id, { reviews: [{ ago: 50, reviewerId: reviewer.id }, { ago: 5, reviewerId: reviewer.id, outcome: 'ESCALATED' }] });
    await makeActivePlan(resolved.id, { reviews: [{ ago: 50, reviewerId: reviewer.id, outcome: 'ESCALATED' }, { ago: 5, reviewerId: reviewer.id }] });
    await makeActivePlan(elsewhere.id, { reviews: [{ ago: 5, reviewerId: reviewer.id, outcome: 'ESCALATED' }] });

    expect((await listEscalations(manager, { take: 10 })).map((r) => r.threatName)).toEqual(['Escalated new', 'Escalated old']);
    expect((await listEscalations(manager, { take: 1 })).map((r) => r.threatName)).toEqual(['Escalated new']);
    const lro = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
    expect(await listEscalations(lro, { take: 10 })).toEqual([]);

    const history = await listPlanReviews((await prisma.fourPPlan.findFirstOrThrow({ where: { threatId: resolved.id } })).id);
    expect(history.map((r) => r.outcome)).toEqual(['SATISFACTORY', 'ESCALATED']);
  });
});

describe('getChangesSinceLastReview and getPlanReviewsPanel', () => {
  it('compares the plan with its last review’s snapshot', async () => {
    const orgs = await makeRegion();
    const lro = await makeUser(orgs.west, ['LRO']);
    const reviewer = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });
    const plan = await makeActivePlan(threat.id, {});
    const action = await prisma.action.create({
      data: { planId: plan.id, strand: 'PREVENT', description: 'Cuckooing visits', ownerUserId: lro.id, lastUpdatedAt: now },
      select: { id: true },
    });
    expect(await getChangesSinceLastReview(plan, now)).toEqual({ kind: 'NEVER_REVIEWED' });

    const snapshot = await snapshotPlan(prisma, plan, daysAgo(1));
    await prisma.planReview.create({
      data: { planId: plan.id, reviewerId: reviewer.id, reviewedAt: daysAgo(1), outcome: 'SATISFACTORY', comments: 'Fine', nextReviewDue: dueIn(27), planVersion: 1, snapshot: JSON.stringify(snapshot) },
    });
    expect(await getChangesSinceLastReview(plan, now)).toEqual({ kind: 'CHANGES', lastReviewedAt: daysAgo(1), changes: [] });

    await prisma.action.update({ where: { id: action.id }, data: { status: 'IN_PROGRESS', ownerUserId: reviewer.id } });
    const changes = await getChangesSinceLastReview(plan, now);
    expect(changes.kind === 'CHANGES' && changes.changes.map((c) => c.sentence)).toEqual([
      "Action 'Cuckooing visits' moved from Not started to In progress",
      `Action 'Cuckooing visits' owner changed from ${lro.name} to ${reviewer.name}`,
    ]);

    // The reviewer may review it; the LRO may not (no plan:review), nor a manager holding it.
    expect(await getPlanReviewsPanel(reviewer, plan.id)).toMatchObject({ canReview: true, reviews: [{ outcome: 'SATISFACTORY' }] });
    expect(await getPlanReviewsPanel(await asCurrentUser(lro.id), plan.id)).toMatchObject({ canReview: false });
    await prisma.socThreat.update({ where: { id: threat.id }, data: { deputyId: reviewer.id } });
    expect(await getPlanReviewsPanel(reviewer, plan.id)).toMatchObject({ canReview: false });
  });

  it('says when the last snapshot cannot be read', async () => {
    const orgs = await makeRegion();
    const reviewer = await makeUser(orgs.west, ['MANAGER']);
    const threat = await makeThreat(orgs.west);
    const plan = await makeActivePlan(threat.id, { reviews: [{ ago: 2, reviewerId: reviewer.id, snapshot: 'not json' }] });
    expect(await getChangesSinceLastReview(plan, now)).toEqual({ kind: 'UNREADABLE', lastReviewedAt: daysAgo(2) });
  });
});
