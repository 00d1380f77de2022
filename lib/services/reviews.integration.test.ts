import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { activatePlan, createObjective } from './plans';
import { recordReview, REVIEW_CLOSED_MESSAGE, REVIEW_DRAFT_MESSAGE, REVIEW_HOLDER_MESSAGE } from './reviews';
import { prisma } from '@/lib/db/client';
import { getThreatFlags } from '@/lib/db/compliance';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { parsePlanSnapshot } from '@/lib/domain/review-diff';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// A manager's review of a 4P plan (lib/services/reviews.ts) through the one wrapper, against a real
// database: who may review, which plans, the stale-page refusal, what a review stores, and the
// flags it clears and raises.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let holder: CurrentUser;
let manager: CurrentUser;
let partnerOwner: CurrentUser;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const today = () => londonDateKey(new Date());
const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const codes = async (threatId: string) => (await getThreatFlags(threatId, new Date())).map((f) => f.code);

beforeAll(async () => {
  orgs = await makeRegion();
  holder = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' })).id);
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Reviewer' })).id);
  partnerOwner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'])).id);
});

type PlanOptions = {
  status?: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  activatedAt?: Date;
  nextReviewDue?: Date | null;
  materiallyChangedAt?: Date;
  reviewedAt?: Date;
};

/** A plan with one objective and two actions (one owned by the partner agency's user). */
async function makePlan(threatId: string, opts: PlanOptions = {}) {
  const status = opts.status ?? 'ACTIVE';
  const activatedAt = opts.activatedAt ?? daysAgo(10);
  const plan = await prisma.fourPPlan.create({
    data: {
      threatId,
      liveThreatId: status === 'CLOSED' ? null : threatId,
      status,
      version: 2,
      activatedAt: status === 'DRAFT' ? null : activatedAt,
      closedAt: status === 'CLOSED' ? daysAgo(1) : null,
      nextReviewDue: opts.nextReviewDue === undefined ? null : opts.nextReviewDue,
      materiallyChangedAt: opts.materiallyChangedAt ?? daysAgo(5),
    },
    select: { id: true, version: true },
  });
  const objective = await prisma.objective.create({
    data: { planId: plan.id, strand: 'PREVENT', title: 'Divert the younger members', successMeasure: 'Three referrals accepted', position: 1 },
    select: { id: true },
  });
  await prisma.action.create({
    data: {
      planId: plan.id,
      objectiveId: objective.id,
      strand: 'PREVENT',
      description: 'Cuckooing visits',
      ownerUserId: holder.id,
      status: 'IN_PROGRESS',
      dueOn: new Date('2027-03-31T00:00:00Z'),
      lastUpdatedAt: daysAgo(2),
    },
  });
  await prisma.action.create({
    data: {
      planId: plan.id,
      strand: 'PURSUE',
      description: 'Financial investigation',
      ownerUserId: partnerOwner.id,
      ownerOrganisationId: orgs.partner.id,
      ownerContactName: 'J Smith',
      dueOn: null,
      lastUpdatedAt: daysAgo(2),
    },
  });
  if (opts.reviewedAt) {
    await prisma.planReview.create({
      data: {
        planId: plan.id,
        reviewerId: manager.id,
        reviewedAt: opts.reviewedAt,
        outcome: 'SATISFACTORY',
        comments: 'On track',
        nextReviewDue: opts.nextReviewDue ?? daysAgo(-20),
        planVersion: 2,
        snapshot: '{}',
      },
    });
  }
  return plan;
}

/** A tier 2 threat (cadence 28 days) of the West force held by `holder`, shared with the partner. */
const heldThreat = (opts: { lro?: string; deputy?: string | null } = {}) =>
  makeThreat(orgs.west, { tier: 2, leadResponsibleOfficerId: opts.lro ?? holder.id, deputyId: opts.deputy ?? null, sharedWith: [orgs.partner.id] });

const reviewInput = (plan: { id: string; version: number }, overrides: Record<string, unknown> = {}) => ({
  planId: plan.id,
  version: plan.version,
  seenAt: new Date().toISOString(),
  outcome: 'CHANGES_REQUIRED',
  comments: 'Add a Protect objective for the victims of cuckooing',
  nextReviewDue: dateParts(addCalendarDays(today(), 28)),
  ...overrides,
});

const reviewEvents = (threatId: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action: 'plan.reviewed' }, select: { actorId: true, organisationId: true, entityType: true, entityId: true, before: true, after: true } });

type Case = { who: string; expected: 'ok' | 'not found' | 'holder'; user: () => Promise<CurrentUser>; threat?: (user: CurrentUser) => ReturnType<typeof heldThreat> };
const someone = (org: 'west' | 'westLpa' | 'south' | 'partner' | 'region', role: Role) => async () => asCurrentUser((await makeUser(orgs[org], [role])).id);

const CASES: Case[] = [
  { who: 'a manager of the owning force', expected: 'ok', user: async () => manager },
  { who: 'a manager of the region above it', expected: 'ok', user: someone('region', 'MANAGER') },
  { who: 'a manager of another force', expected: 'not found', user: someone('south', 'MANAGER') },
  { who: 'a manager of a district below the owning force', expected: 'not found', user: someone('westLpa', 'MANAGER') },
  { who: 'a manager who holds the threat as LRO', expected: 'holder', user: someone('west', 'MANAGER'), threat: (u) => heldThreat({ lro: u.id }) },
  { who: 'a manager who holds the threat as deputy', expected: 'holder', user: someone('west', 'MANAGER'), threat: (u) => heldThreat({ deputy: u.id }) },
  { who: 'the LRO holding the threat', expected: 'not found', user: async () => holder },
  { who: 'an LRO of the owning force', expected: 'not found', user: someone('west', 'LRO') },
  { who: 'the partner user who owns one of its actions', expected: 'not found', user: async () => partnerOwner },
  { who: 'a co-ordinator of the owning force', expected: 'not found', user: someone('west', 'COORDINATOR') },
  { who: 'a regional co-ordinator', expected: 'not found', user: someone('region', 'COORDINATOR') },
  { who: 'an admin of the region', expected: 'not found', user: someone('region', 'ADMIN') },
];

describe('recordReview: every role', () => {
  it.each(CASES)('$who -> $expected', async ({ expected, user, threat: arrange }) => {
    const actor = await user();
    const threat = arrange ? await arrange(actor) : await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(actor, recordReview, reviewInput(plan));
    const written = await prisma.planReview.count({ where: { planId: plan.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { threatId: threat.id } });
      expect(written).toBe(1);
      expect(await reviewEvents(threat.id)).toHaveLength(1);
      return;
    }
    if (expected === 'holder') expect(state).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: REVIEW_HOLDER_MESSAGE });
    else expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(written).toBe(0);
    expect(await reviewEvents(threat.id)).toHaveLength(0);
  });
});

describe('recordReview', () => {
  it('stores the review with a snapshot in the seed’s shape, sets the next review date, and audits it', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { nextReviewDue: daysAgo(3) });
    const next = addCalendarDays(today(), 21);
    const before = Date.now();
    const state = await runAuthed(manager, recordReview, reviewInput(plan, { nextReviewDue: dateParts(next), comments: '  Add a Protect objective  ' }));
    expect(state.status).toBe('success');

    const review = await prisma.planReview.findFirstOrThrow({ where: { planId: plan.id } });
    expect(review).toMatchObject({ reviewerId: manager.id, outcome: 'CHANGES_REQUIRED', comments: 'Add a Protect objective', planVersion: 2 });
    expect(review.nextReviewDue).toEqual(new Date(`${next}T00:00:00.000Z`));
    expect(review.reviewedAt.getTime()).toBeGreaterThanOrEqual(before);

    // The seed's snapshot shape, key for key, so old and new reviews read alike.
    const snapshot = JSON.parse(review.snapshot);
    expect(Object.keys(snapshot).sort()).toEqual(['actions', 'objectives', 'planId', 'takenAt', 'version']);
    expect(snapshot).toMatchObject({ planId: plan.id, version: 2, takenAt: review.reviewedAt.toISOString() });
    expect(snapshot.objectives).toEqual([{ id: expect.any(String), strand: 'PREVENT', title: 'Divert the younger members', successMeasure: 'Three referrals accepted' }]);
    expect(snapshot.actions).toEqual([
      {
        id: expect.any(String),
        strand: 'PREVENT',
        objectiveId: snapshot.objectives[0].id,
        description: 'Cuckooing visits',
        ownerUserId: holder.id,
        ownerOrganisationId: null,
        ownerContactName: null,
        dueOn: '2027-03-31T00:00:00.000Z',
        status: 'IN_PROGRESS',
      },
      {
        id: expect.any(String),
        strand: 'PURSUE',
        objectiveId: null,
        description: 'Financial investigation',
        ownerUserId: partnerOwner.id,
        ownerOrganisationId: orgs.partner.id,
        ownerContactName: 'J Smith',
        dueOn: null,
        status: 'NOT_STARTED',
      },
    ]);
    expect(parsePlanSnapshot(review.snapshot)).toEqual(snapshot);

    const after = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after.nextReviewDue).toEqual(new Date(`${next}T00:00:00.000Z`));
    // A review is not an edit: the plan's version stays, so nobody editing it is refused.
    expect(after.version).toBe(2);

    const [event] = await reviewEvents(threat.id);
    expect(event).toMatchObject({ actorId: manager.id, organisationId: orgs.west.id, entityType: 'PlanReview', entityId: review.id });
    expect(JSON.parse(event!.after!)).toEqual({ outcome: 'CHANGES_REQUIRED', comments: 'Add a Protect objective', nextReviewDue: next });
    expect(JSON.parse(event!.before!)).toEqual({ nextReviewDue: londonDateKey(daysAgo(3)) });
  });

  it.each([
    ['DRAFT', REVIEW_DRAFT_MESSAGE],
    ['CLOSED', REVIEW_CLOSED_MESSAGE],
  ] as const)('refuses a %s plan', async (status, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { status });
    expect(await runAuthed(manager, recordReview, reviewInput(plan))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message });
    expect(await prisma.planReview.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('refuses a review of an older version of the plan, keeping what was typed', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const input = reviewInput({ id: plan.id, version: 1 });
    const state = await runAuthed(manager, recordReview, input);
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { comments: input.comments } });
    if (state.status === 'error') expect(state.message).toContain('Your review has not been saved');
    expect(await prisma.planReview.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('refuses a review of a plan changed after the page was opened, naming who changed it', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const seenAt = new Date(Date.now() - 60_000).toISOString();
    // The LRO adds an objective after the reviewer opened the page.
    expect(await runAuthed(holder, createObjective, { planId: plan.id, strand: 'PROTECT', title: 'Safeguard the victims', successMeasure: 'Visits made' })).toMatchObject({
      status: 'success',
    });
    const state = await runAuthed(manager, recordReview, reviewInput(plan, { seenAt }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
    if (state.status === 'error') expect(state.message).toMatch(/^Inspector Holder changed the plan on .+, after you opened this page\. Your review has not been saved\./);
    expect(await prisma.planReview.count({ where: { planId: plan.id } })).toBe(0);
    // Opened again, it saves.
    expect(await runAuthed(manager, recordReview, reviewInput(plan))).toMatchObject({ status: 'success' });
  });

  it.each([
    [{ outcome: '' }, 'outcome', 'Select an outcome'],
    [{ comments: ' ' }, 'comments', 'Enter your comments'],
    [{ nextReviewDue: { day: '', month: '', year: '' } }, 'nextReviewDue', 'Enter the next review date'],
    [{ nextReviewDue: dateParts(today()) }, 'nextReviewDue', 'Next review date must be in the future'],
  ])('refuses %j: %s "%s"', async (overrides, field, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    expect(await runAuthed(manager, recordReview, reviewInput(plan, overrides))).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] } });
    expect(await prisma.planReview.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('allows a next review date up to two cadences for the tier ahead, and no later', async () => {
    // Tier 2: 28 days; tier 4: 56 days.
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const tooLate = await runAuthed(manager, recordReview, reviewInput(plan, { nextReviewDue: dateParts(addCalendarDays(today(), 57)) }));
    expect(tooLate).toMatchObject({ status: 'error', fieldErrors: { nextReviewDue: [expect.stringMatching(/^Next review date must be on or before .+, 56 days from today$/)] } });
    expect(await runAuthed(manager, recordReview, reviewInput(plan, { nextReviewDue: dateParts(addCalendarDays(today(), 56)) }))).toMatchObject({ status: 'success' });

    const lowTier = await makeThreat(orgs.west, { tier: 4, leadResponsibleOfficerId: holder.id });
    const lowPlan = await makePlan(lowTier.id);
    expect(await runAuthed(manager, recordReview, reviewInput(lowPlan, { nextReviewDue: dateParts(addCalendarDays(today(), 112)) }))).toMatchObject({ status: 'success' });
  });
});

describe('reviews and the compliance flags', () => {
  it('clears PLAN_NEVER_REVIEWED', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { activatedAt: daysAgo(40), nextReviewDue: daysAgo(12) });
    expect(await codes(threat.id)).toContain('PLAN_NEVER_REVIEWED');
    expect(await runAuthed(manager, recordReview, reviewInput(plan))).toMatchObject({ status: 'success' });
    const after = await codes(threat.id);
    expect(after).not.toContain('PLAN_NEVER_REVIEWED');
    expect(after).not.toContain('PLAN_REVIEW_OVERDUE');
    expect(after).not.toContain('PLAN_CHANGED_SINCE_REVIEW');
  });

  it('clears PLAN_REVIEW_OVERDUE, and a later material change raises PLAN_CHANGED_SINCE_REVIEW', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { activatedAt: daysAgo(90), reviewedAt: daysAgo(40), nextReviewDue: daysAgo(12), materiallyChangedAt: daysAgo(50) });
    expect(await codes(threat.id)).toContain('PLAN_REVIEW_OVERDUE');
    expect(await runAuthed(manager, recordReview, reviewInput(plan))).toMatchObject({ status: 'success' });
    expect(await codes(threat.id)).not.toContain('PLAN_REVIEW_OVERDUE');
    expect(await codes(threat.id)).not.toContain('PLAN_CHANGED_SINCE_REVIEW');

    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await runAuthed(holder, createObjective, { planId: plan.id, strand: 'PROTECT', title: 'Safeguard the victims', successMeasure: 'Visits made' })).toMatchObject({
      status: 'success',
    });
    expect(await codes(threat.id)).toContain('PLAN_CHANGED_SINCE_REVIEW');
  });
});

describe('activatePlan sets the first review date', () => {
  it.each([
    [2, 28],
    [3, 56],
  ])('tier %i: activation day plus %i days', async (tier, cadence) => {
    const threat = await makeThreat(orgs.west, { tier, leadResponsibleOfficerId: holder.id });
    const plan = await prisma.fourPPlan.create({ data: { threatId: threat.id, liveThreatId: threat.id, status: 'DRAFT' }, select: { id: true } });
    await prisma.objective.create({ data: { planId: plan.id, strand: 'PURSUE', title: 'Disrupt supply', successMeasure: 'Seizures' } });
    expect(await runAuthed(holder, activatePlan, { planId: plan.id, version: 1 })).toMatchObject({ status: 'success' });
    const after = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { activatedAt: true, nextReviewDue: true } });
    expect(after.nextReviewDue).toEqual(new Date(`${addCalendarDays(londonDateKey(after.activatedAt!), cadence)}T00:00:00.000Z`));
  });
});
