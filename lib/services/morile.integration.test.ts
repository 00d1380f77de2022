import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { ARCHIVED_THREAT_MESSAGE, moderateAssessment, OWN_ASSESSMENT_MESSAGE, recordAssessment } from './morile';
import { prisma } from '@/lib/db/client';
import { getThreatFlags } from '@/lib/db/compliance';
import { getModerationPreview } from '@/lib/db/morile';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { addCalendarDays, addCalendarMonths, londonDateKey } from '@/lib/domain/dates';
import { asCurrentUser, makeOrganisation, makeRegion, makeThreat, makeUser } from '@/test/factories';

// MoRiLE assessments (lib/services/morile.ts) through the one wrapper, against a real database:
// who may record and moderate, bad input, moderating twice, the tier following the latest
// moderated assessment (and the plan's review date its cadence), and the flags that clear.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let holder: CurrentUser;
let manager: CurrentUser;
let coordinator: CurrentUser;
let partnerOwner: CurrentUser;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const today = () => londonDateKey(new Date());
const dayOf = (key: string) => new Date(`${key}T00:00:00.000Z`);
const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const codes = async (threatId: string) => (await getThreatFlags(threatId, new Date())).map((f) => f.code);

beforeAll(async () => {
  orgs = await makeRegion();
  holder = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' })).id);
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Manager' })).id);
  coordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'], { name: 'Co-ordinator West' })).id);
  partnerOwner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'])).id);
});

/** A threat of the West force held by `holder` (tier 3 unless told), shared with the partner. */
async function heldThreat(opts: { tier?: number; lro?: string | null; deputy?: string | null; mappedOn?: Date; status?: 'MAPPED' | 'ACTIVE' | 'ARCHIVED' } = {}) {
  const threat = await makeThreat(orgs.west, {
    tier: opts.tier ?? 3,
    leadResponsibleOfficerId: opts.lro === undefined ? holder.id : opts.lro,
    deputyId: opts.deputy ?? null,
    sharedWith: [orgs.partner.id],
    mappedOn: opts.mappedOn ?? daysAgo(60),
    status: opts.status,
  });
  // The partner's user owns an action on it, so they have a relation to the threat.
  const plan = await prisma.fourPPlan.create({ data: { threatId: threat.id, status: 'CLOSED', closedAt: daysAgo(50) }, select: { id: true } });
  await prisma.action.create({ data: { planId: plan.id, strand: 'PURSUE', description: 'Old action', ownerUserId: partnerOwner.id, status: 'COMPLETE', lastUpdatedAt: daysAgo(50) } });
  return threat;
}

/** The threat's live, ACTIVE plan, activated `activatedAt`, reviewed at `reviewedAt` if given. */
async function activePlan(threatId: string, opts: { activatedAt: Date; nextReviewDue: Date; reviewedAt?: Date }) {
  const plan = await prisma.fourPPlan.create({
    data: { threatId, liveThreatId: threatId, status: 'ACTIVE', version: 3, activatedAt: opts.activatedAt, nextReviewDue: opts.nextReviewDue },
    select: { id: true },
  });
  if (opts.reviewedAt) {
    await prisma.planReview.create({
      data: { planId: plan.id, reviewerId: manager.id, reviewedAt: opts.reviewedAt, outcome: 'SATISFACTORY', comments: 'On track', nextReviewDue: opts.nextReviewDue, planVersion: 3, snapshot: '{}' },
    });
  }
  return plan;
}

/** An assessment put straight into the database (as the seed does). */
async function assessment(threatId: string, opts: { assessedOn: Date; tier: number; moderated?: boolean; assessedById?: string | null; createdAt?: Date }) {
  return prisma.morileAssessment.create({
    data: {
      threatId,
      assessedOn: opts.assessedOn,
      harm: 3,
      likelihood: 4,
      riskScore: 12,
      confidence: 'MEDIUM',
      priority: 'MEDIUM',
      tier: opts.tier,
      assessedById: opts.assessedById === undefined ? holder.id : opts.assessedById,
      moderatedAt: opts.moderated ? opts.assessedOn : null,
      moderatedById: opts.moderated ? coordinator.id : null,
      nextReassessmentDue: dayOf(addCalendarMonths(londonDateKey(opts.assessedOn), 6)),
      createdAt: opts.createdAt ?? opts.assessedOn,
    },
    select: { id: true },
  });
}

const assessInput = (threatId: string, overrides: Record<string, unknown> = {}) => ({
  threatId,
  assessedOn: dateParts(today()),
  harm: '4',
  likelihood: '5',
  confidence: 'HIGH',
  priority: 'HIGH',
  tier: '1',
  notes: 'Firearms recovered in the last month',
  ...overrides,
});

const threatVersion = async (threatId: string) => (await prisma.socThreat.findUniqueOrThrow({ where: { id: threatId }, select: { version: true } })).version;
const moderateInput = async (assessmentId: string, threatId: string) => ({ assessmentId, threatVersion: await threatVersion(threatId) });
const events = (threatId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action }, orderBy: { at: 'asc' }, select: { actorId: true, organisationId: true, entityType: true, entityId: true, before: true, after: true } });

type Case = { who: string; expected: 'ok' | 'not found'; user: () => Promise<CurrentUser>; threat?: (user: CurrentUser) => ReturnType<typeof heldThreat> };
const someone = (org: 'west' | 'westLpa' | 'south' | 'partner' | 'region', ...roles: Role[]) => async () => asCurrentUser((await makeUser(orgs[org], roles)).id);

const ASSESS_CASES: Case[] = [
  { who: 'the LRO holding the threat', expected: 'ok', user: async () => holder },
  { who: 'an LRO holding the threat as deputy', expected: 'ok', user: someone('west', 'LRO'), threat: (u) => heldThreat({ deputy: u.id }) },
  { who: 'a manager of the owning force', expected: 'ok', user: async () => manager },
  { who: 'a manager of the region above it', expected: 'ok', user: someone('region', 'MANAGER') },
  { who: 'an LRO of the owning force who does not hold it', expected: 'not found', user: someone('west', 'LRO') },
  { who: 'a manager of another force', expected: 'not found', user: someone('south', 'MANAGER') },
  { who: 'a manager of a district below the owning force', expected: 'not found', user: someone('westLpa', 'MANAGER') },
  { who: 'a co-ordinator of the owning force', expected: 'not found', user: async () => coordinator },
  { who: 'a regional co-ordinator', expected: 'not found', user: someone('region', 'COORDINATOR') },
  { who: 'an admin of the region', expected: 'not found', user: someone('region', 'ADMIN') },
  { who: 'the partner user who owns one of its actions', expected: 'not found', user: async () => partnerOwner },
  { who: 'an action owner of the owning force', expected: 'not found', user: someone('west', 'ACTION_OWNER') },
];

describe('recordAssessment: every role', () => {
  it.each(ASSESS_CASES)('$who -> $expected', async ({ expected, user, threat: arrange }) => {
    const actor = await user();
    const threat = arrange ? await arrange(actor) : await heldThreat();
    const state = await runAuthed(actor, recordAssessment, assessInput(threat.id));
    const written = await prisma.morileAssessment.count({ where: { threatId: threat.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { threatId: threat.id } });
      expect(written).toBe(1);
      expect(await events(threat.id, 'morile.assessed')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(written).toBe(0);
    expect(await events(threat.id, 'morile.assessed')).toHaveLength(0);
  });
});

describe('recordAssessment', () => {
  it('stores the scores, the computed risk score and reassessment date, unmoderated, and audits it', async () => {
    const threat = await heldThreat();
    const assessedOn = addCalendarDays(today(), -3);
    const state = await runAuthed(holder, recordAssessment, assessInput(threat.id, { assessedOn: dateParts(assessedOn), harm: ' 4 ', likelihood: '3', tier: '2', priority: 'MEDIUM', confidence: 'LOW' }));
    expect(state.status).toBe('success');
    const row = await prisma.morileAssessment.findFirstOrThrow({ where: { threatId: threat.id } });
    const due = addCalendarMonths(assessedOn, 6);
    expect(row).toMatchObject({
      assessedOn: dayOf(assessedOn),
      harm: 4,
      likelihood: 3,
      riskScore: 12,
      confidence: 'LOW',
      priority: 'MEDIUM',
      tier: 2,
      notes: 'Firearms recovered in the last month',
      assessedById: holder.id,
      moderatedAt: null,
      moderatedById: null,
      nextReassessmentDue: dayOf(due),
    });
    // Recording does not change the threat: only moderation does.
    expect(await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { tier: true, version: true } })).toEqual({ tier: 3, version: 1 });
    const [event] = await events(threat.id, 'morile.assessed');
    expect(event).toMatchObject({ actorId: holder.id, organisationId: orgs.west.id, entityType: 'MorileAssessment', entityId: row.id });
    expect(JSON.parse(event!.after!)).toEqual({
      assessedOn,
      harm: 4,
      likelihood: 3,
      riskScore: 12,
      confidence: 'LOW',
      priority: 'MEDIUM',
      tier: 2,
      notes: 'Firearms recovered in the last month',
      nextReassessmentDue: due,
    });
  });

  it("dates the next reassessment by the organisation's own MORILE_OVERDUE threshold", async () => {
    const force = await makeOrganisation({ parent: orgs.region, kind: 'FORCE', name: 'Short-cadence force' });
    await prisma.complianceSettings.create({ data: { organisationId: force.id, morileOverdueMonths: 3 } });
    const lro = await asCurrentUser((await makeUser(force, ['LRO'])).id);
    const threat = await makeThreat(force, { leadResponsibleOfficerId: lro.id });
    expect(await runAuthed(lro, recordAssessment, assessInput(threat.id))).toMatchObject({ status: 'success' });
    const row = await prisma.morileAssessment.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(row.nextReassessmentDue).toEqual(dayOf(addCalendarMonths(today(), 3)));
  });

  it.each([
    [{ harm: '' }, 'harm', 'Enter the harm score'],
    [{ harm: '6' }, 'harm', 'Harm score must be between 1 and 5'],
    [{ harm: '2.5' }, 'harm', 'Harm score must be a whole number'],
    [{ likelihood: 'likely' }, 'likelihood', 'Likelihood score must be a number'],
    [{ likelihood: '0' }, 'likelihood', 'Likelihood score must be between 1 and 5'],
    [{ likelihood: undefined }, 'likelihood', 'Enter the likelihood score'],
    [{ confidence: '' }, 'confidence', 'Select the confidence in the assessment'],
    [{ priority: 'URGENT' }, 'priority', 'Select the priority'],
    [{ tier: '' }, 'tier', 'Select the tier'],
    [{ tier: '6' }, 'tier', 'Select the tier'],
    [{ assessedOn: { day: '', month: '', year: '' } }, 'assessedOn', 'Enter the date assessed'],
    [{ assessedOn: { day: '31', month: '2', year: '2026' } }, 'assessedOn', 'Date assessed must be a real date'],
    [{ assessedOn: dateParts(addCalendarDays(londonDateKey(new Date()), 1)) }, 'assessedOn', 'Date assessed must be today or in the past'],
    [{ notes: 'x'.repeat(2001) }, 'notes', 'Notes must be 2000 characters or fewer'],
  ])('refuses %j: %s "%s"', async (overrides, field, message) => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, recordAssessment, assessInput(threat.id, overrides));
    expect(state).toMatchObject({ status: 'error', message: 'There is a problem' });
    if (state.status === 'error') expect(state.fieldErrors[field]).toContain(message);
    expect(await prisma.morileAssessment.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses fields it does not know (a risk score of its own, say)', async () => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, recordAssessment, { ...assessInput(threat.id), riskScore: '25' });
    expect(state).toMatchObject({ status: 'error' });
    expect(await prisma.morileAssessment.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses an archived threat', async () => {
    const threat = await heldThreat({ status: 'ARCHIVED' });
    expect(await runAuthed(holder, recordAssessment, assessInput(threat.id))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: ARCHIVED_THREAT_MESSAGE });
    expect(await prisma.morileAssessment.count({ where: { threatId: threat.id } })).toBe(0);
  });

  it('refuses a threat that does not exist as not found', async () => {
    expect(await runAuthed(holder, recordAssessment, assessInput('no-such-threat'))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it('clears MORILE_OVERDUE: a threat never assessed since it was mapped over six months ago', async () => {
    const threat = await heldThreat({ mappedOn: daysAgo(400) });
    expect(await codes(threat.id)).toContain('MORILE_OVERDUE');
    expect(await runAuthed(holder, recordAssessment, assessInput(threat.id))).toMatchObject({ status: 'success' });
    const after = await codes(threat.id);
    expect(after).not.toContain('MORILE_OVERDUE');
    // Just recorded, it has not waited long enough to be flagged as unmoderated.
    expect(after).not.toContain('MORILE_UNMODERATED');
  });
});

const MODERATE_CASES: Case[] = [
  { who: 'a co-ordinator of the owning force', expected: 'ok', user: async () => coordinator },
  { who: 'a regional co-ordinator', expected: 'ok', user: someone('region', 'COORDINATOR') },
  { who: 'a co-ordinator of another force', expected: 'not found', user: someone('south', 'COORDINATOR') },
  { who: 'a co-ordinator of a district below the owning force', expected: 'not found', user: someone('westLpa', 'COORDINATOR') },
  { who: 'a manager of the owning force', expected: 'not found', user: async () => manager },
  { who: 'the LRO holding the threat', expected: 'not found', user: async () => holder },
  { who: 'an admin of the region', expected: 'not found', user: someone('region', 'ADMIN') },
  { who: 'the partner user who owns one of its actions', expected: 'not found', user: async () => partnerOwner },
  { who: 'an action owner of the owning force', expected: 'not found', user: someone('west', 'ACTION_OWNER') },
];

describe('moderateAssessment: every role', () => {
  it.each(MODERATE_CASES)('$who -> $expected', async ({ expected, user }) => {
    const actor = await user();
    const threat = await heldThreat();
    const pending = await assessment(threat.id, { assessedOn: daysAgo(5), tier: 3 });
    const state = await runAuthed(actor, moderateAssessment, await moderateInput(pending.id, threat.id));
    const row = await prisma.morileAssessment.findUniqueOrThrow({ where: { id: pending.id } });
    if (expected === 'ok') {
      expect(state).toMatchObject({ status: 'success', data: { assessmentId: pending.id, threatId: threat.id } });
      expect(row.moderatedById).toBe(actor.id);
      expect(row.moderatedAt).not.toBeNull();
      expect(await events(threat.id, 'morile.moderated')).toHaveLength(1);
      return;
    }
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(row.moderatedAt).toBeNull();
    expect(await events(threat.id, 'morile.moderated')).toHaveLength(0);
  });
});

describe('moderateAssessment', () => {
  it('moderates, audits, and moves the threat to the assessed tier with the plan on the new cadence from activation', async () => {
    const threat = await heldThreat({ tier: 3 });
    const activatedAt = daysAgo(10);
    const before = dayOf(addCalendarDays(londonDateKey(activatedAt), 56));
    const plan = await activePlan(threat.id, { activatedAt, nextReviewDue: before });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(2), tier: 1 });

    const state = await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id));
    expect(state).toMatchObject({ status: 'success', data: { tierBefore: 3, tierAfter: 1 } });

    const after = addCalendarDays(londonDateKey(activatedAt), 28);
    expect(await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { tier: true, version: true } })).toEqual({ tier: 1, version: 2 });
    const planAfter = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(planAfter.nextReviewDue).toEqual(dayOf(after));
    // Scheduling, not an edit: the plan's version stays.
    expect(planAfter.version).toBe(3);

    const [moderated] = await events(threat.id, 'morile.moderated');
    expect(moderated).toMatchObject({ actorId: coordinator.id, organisationId: orgs.west.id, entityType: 'MorileAssessment', entityId: pending.id });
    expect(JSON.parse(moderated!.after!)).toMatchObject({ moderatedById: coordinator.id, tier: 1, becomesLatest: true });
    const [changed] = await events(threat.id, 'threat.tier-changed');
    expect(changed).toMatchObject({ actorId: coordinator.id, organisationId: orgs.west.id, entityType: 'SocThreat', entityId: threat.id });
    expect(JSON.parse(changed!.before!)).toEqual({ tier: 3, reviewCadenceDays: 56, nextReviewDue: londonDateKey(before) });
    expect(JSON.parse(changed!.after!)).toEqual({ tier: 1, reviewCadenceDays: 28, nextReviewDue: after, assessmentId: pending.id });
  });

  it('a reviewed plan: the new cadence counts from the last review', async () => {
    const threat = await heldThreat({ tier: 2 });
    const reviewedAt = daysAgo(20);
    const plan = await activePlan(threat.id, { activatedAt: daysAgo(100), reviewedAt, nextReviewDue: dayOf(addCalendarDays(londonDateKey(reviewedAt), 28)) });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(1), tier: 4 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success' });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).nextReviewDue).toEqual(dayOf(addCalendarDays(londonDateKey(reviewedAt), 56)));
  });

  it('the same tier: nothing changes but the moderation', async () => {
    const threat = await heldThreat({ tier: 3 });
    const due = dayOf(addCalendarDays(today(), 30));
    const plan = await activePlan(threat.id, { activatedAt: daysAgo(26), nextReviewDue: due });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(2), tier: 3 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success', data: { tierBefore: 3, tierAfter: 3 } });
    expect(await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { tier: true, version: true } })).toEqual({ tier: 3, version: 1 });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).nextReviewDue).toEqual(due);
    expect(await events(threat.id, 'threat.tier-changed')).toHaveLength(0);
  });

  it('a DRAFT plan, or none: the tier changes and no review date is set', async () => {
    const threat = await heldThreat({ tier: 5 });
    const draft = await prisma.fourPPlan.create({ data: { threatId: threat.id, liveThreatId: threat.id, status: 'DRAFT' }, select: { id: true } });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(2), tier: 2 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success', data: { tierAfter: 2 } });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: draft.id } })).nextReviewDue).toBeNull();
    const [changed] = await events(threat.id, 'threat.tier-changed');
    expect(JSON.parse(changed!.after!)).toMatchObject({ tier: 2, nextReviewDue: null });
  });

  it('the tier follows the latest moderated assessment only: moderating an older one changes nothing', async () => {
    const threat = await heldThreat({ tier: 3 });
    const plan = await activePlan(threat.id, { activatedAt: daysAgo(40), nextReviewDue: dayOf(addCalendarDays(londonDateKey(daysAgo(40)), 56)) });
    const older = await assessment(threat.id, { assessedOn: daysAgo(30), tier: 5 });
    const newer = await assessment(threat.id, { assessedOn: daysAgo(10), tier: 2 });

    // The newer one first: tier 2, cadence 28 from activation.
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(newer.id, threat.id))).toMatchObject({ status: 'success', data: { tierAfter: 2 } });
    const afterNewer = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(afterNewer.nextReviewDue).toEqual(dayOf(addCalendarDays(londonDateKey(daysAgo(40)), 28)));

    // Then the older one: it is history, and the threat stays at tier 2.
    const preview = await getModerationPreview(older.id);
    expect(preview.outcome).toMatchObject({ becomesLatest: false, tierBefore: 2, tierAfter: 2 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(older.id, threat.id))).toMatchObject({ status: 'success', data: { tierBefore: 2, tierAfter: 2 } });
    expect(await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { tier: true, version: true } })).toEqual({ tier: 2, version: 2 });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).nextReviewDue).toEqual(afterNewer.nextReviewDue);
    expect(await events(threat.id, 'threat.tier-changed')).toHaveLength(1);
    expect(JSON.parse((await events(threat.id, 'morile.moderated'))[1]!.after!)).toMatchObject({ becomesLatest: false });
  });

  it('an assessment dated after the latest moderated one takes over', async () => {
    const threat = await heldThreat({ tier: 3 });
    await assessment(threat.id, { assessedOn: daysAgo(200), tier: 3, moderated: true });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(3), tier: 4 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success', data: { tierAfter: 4 } });
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id } })).tier).toBe(4);
  });

  it('refuses to moderate twice, naming who moderated it', async () => {
    const threat = await heldThreat();
    const pending = await assessment(threat.id, { assessedOn: daysAgo(5), tier: 3 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success' });
    const regional = await someone('region', 'COORDINATOR')();
    const state = await runAuthed(regional, moderateAssessment, await moderateInput(pending.id, threat.id));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
    if (state.status === 'error') expect(state.message).toMatch(/^This assessment was moderated by Co-ordinator West on .+\. It cannot be moderated again\.$/);
    expect((await prisma.morileAssessment.findUniqueOrThrow({ where: { id: pending.id } })).moderatedById).toBe(coordinator.id);
    expect(await events(threat.id, 'morile.moderated')).toHaveLength(1);
  });

  it('refuses the person who recorded the assessment', async () => {
    const both = await asCurrentUser((await makeUser(orgs.west, ['MANAGER', 'COORDINATOR'], { name: 'Manager and co-ordinator' })).id);
    const threat = await heldThreat();
    expect(await runAuthed(both, recordAssessment, assessInput(threat.id))).toMatchObject({ status: 'success' });
    const row = await prisma.morileAssessment.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(await runAuthed(both, moderateAssessment, await moderateInput(row.id, threat.id))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: OWN_ASSESSMENT_MESSAGE });
    expect((await prisma.morileAssessment.findUniqueOrThrow({ where: { id: row.id } })).moderatedAt).toBeNull();
    // Somebody else may.
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(row.id, threat.id))).toMatchObject({ status: 'success' });
  });

  it('refuses when the threat has changed since the page was opened', async () => {
    const threat = await heldThreat({ tier: 3 });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(5), tier: 1 });
    const seen = await moderateInput(pending.id, threat.id);
    await prisma.socThreat.update({ where: { id: threat.id }, data: { tier: 2, version: { increment: 1 } } });
    const state = await runAuthed(coordinator, moderateAssessment, seen);
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
    expect((await prisma.morileAssessment.findUniqueOrThrow({ where: { id: pending.id } })).moderatedAt).toBeNull();
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id } })).tier).toBe(2);
    // Looked at again, it goes through.
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success', data: { tierBefore: 2, tierAfter: 1 } });
  });

  it('refuses an archived threat', async () => {
    const threat = await heldThreat({ status: 'ARCHIVED' });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(5), tier: 1 });
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: ARCHIVED_THREAT_MESSAGE });
    expect((await prisma.morileAssessment.findUniqueOrThrow({ where: { id: pending.id } })).moderatedAt).toBeNull();
  });

  it.each([
    [{ assessmentId: '' }, 'assessmentId'],
    [{ threatVersion: 'x' }, 'threatVersion'],
    [{ extra: 'field' }, '_form'],
  ])('refuses %j', async (overrides, field) => {
    const threat = await heldThreat();
    const pending = await assessment(threat.id, { assessedOn: daysAgo(5), tier: 1 });
    const state = await runAuthed(coordinator, moderateAssessment, { ...(await moderateInput(pending.id, threat.id)), ...overrides });
    expect(state).toMatchObject({ status: 'error' });
    if (state.status === 'error') expect(Object.keys(state.fieldErrors)).toContain(field);
    expect((await prisma.morileAssessment.findUniqueOrThrow({ where: { id: pending.id } })).moderatedAt).toBeNull();
  });

  it('refuses an assessment that does not exist as not found', async () => {
    expect(await runAuthed(coordinator, moderateAssessment, { assessmentId: 'no-such-assessment', threatVersion: 1 })).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it('clears MORILE_UNMODERATED', async () => {
    const threat = await heldThreat();
    await assessment(threat.id, { assessedOn: daysAgo(100), tier: 3, moderated: true });
    const pending = await assessment(threat.id, { assessedOn: daysAgo(20), tier: 3 });
    expect(await codes(threat.id)).toContain('MORILE_UNMODERATED');
    expect(await runAuthed(coordinator, moderateAssessment, await moderateInput(pending.id, threat.id))).toMatchObject({ status: 'success' });
    expect(await codes(threat.id)).not.toContain('MORILE_UNMODERATED');
  });
});
