import { beforeAll, describe, expect, it } from 'vitest';
import { BRIEFING_ACTION_LIMIT, BRIEFING_VIEW_AUDIT, getThreatBriefing, recordBriefingView } from './briefing';
import { can, type Role } from '@/lib/auth/policy';
import { prisma } from '@/lib/db/client';
import { listThreatHistory } from '@/lib/db/history';
import { lastChangeOf } from '@/lib/db/threats';
import { asCurrentUser, makeActionForTest, makePlanForActions, makeRegion, makeThreat, makeUser } from '@/test/factories';

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

type Orgs = Awaited<ReturnType<typeof makeRegion>>;
let orgs: Orgs;

beforeAll(async () => {
  orgs = await makeRegion();
});

// Words planted in every sensitive field of the threat: none may reach the briefing.
const SECRETS = {
  intelligenceGaps: 'SECRET-GAP who supplies the group',
  closedPlanGaps: 'SECRET-OLD-GAP',
  closureOutcome: 'SECRET-CLOSURE-OUTCOME',
  closureLearning: 'SECRET-CLOSURE-LEARNING',
  assessmentNotes: 'SECRET-MORILE-NOTES',
  disruption: 'SECRET-DISRUPTION warrant at the lock-up',
  unmetDemand: 'SECRET-UNMET covert surveillance',
  reviewComments: 'SECRET-REVIEW comments',
  actionNote: 'SECRET-ACTION-UPDATE informant says',
  archivedReason: 'SECRET-ARCHIVE',
  handoverNote: 'SECRET-HANDOVER note',
};

async function officer(organisation: { id: string }, name: string, rank: string) {
  const user = await makeUser(organisation, ['LRO'], { name });
  await prisma.user.update({ where: { id: user.id }, data: { rank } });
  return user;
}

/** A West force threat with an LRO and deputy, an active plan, and every sensitive record filled in. */
async function sensitiveThreat() {
  const [lro, deputy] = [await officer(orgs.westLpa, 'Lee Briefing', 'Detective Inspector'), await officer(orgs.west, 'Dee Deputy', 'Detective Sergeant')];
  const threat = await makeThreat(orgs.west, { name: 'Briefing Heron', tier: 2, areas: ['DRUGS', 'COUNTY_LINES'], leadResponsibleOfficerId: lro.id, deputyId: deputy.id, sharedWith: [orgs.partner.id] });
  await prisma.socThreat.update({ where: { id: threat.id }, data: { lookOutFor: 'Silver vans at the retail park after dark.\n\nYoung people with new phones.', archivedReason: SECRETS.archivedReason } });
  await prisma.lroAssignment.create({ data: { threatId: threat.id, userId: lro.id, role: 'LRO', startedAt: daysFromNow(-30), handoverNote: SECRETS.handoverNote } });

  const closed = await prisma.fourPPlan.create({
    data: { threatId: threat.id, status: 'CLOSED', closedAt: daysFromNow(-40), intelligenceGaps: SECRETS.closedPlanGaps, closureOutcome: SECRETS.closureOutcome, closureLearning: SECRETS.closureLearning },
    select: { id: true },
  });
  await makeActionForTest(closed.id, { description: 'Open action of a closed plan', status: 'IN_PROGRESS', dueOn: daysFromNow(1) });

  const plan = await makePlanForActions(threat.id);
  await prisma.fourPPlan.update({ where: { id: plan.id }, data: { intelligenceGaps: SECRETS.intelligenceGaps } });
  const partnerOwner = await makeUser(orgs.partner, ['ACTION_OWNER'], { name: 'Pat Partner' });
  const soon = await makeActionForTest(plan.id, { description: 'Visit the cuckooed flats', strand: 'PREVENT', dueOn: daysFromNow(3), ownerUserId: lro.id });
  await prisma.actionUpdate.create({ data: { actionId: soon.id, authorId: lro.id, note: SECRETS.actionNote } });
  await makeActionForTest(plan.id, { description: 'Warn the retail park', strand: 'PROTECT', dueOn: daysFromNow(10), ownerOrganisationId: orgs.partner.id, ownerContactName: 'Security manager' });
  await makeActionForTest(plan.id, { description: 'Arrest the runner', strand: 'PURSUE', dueOn: daysFromNow(5), ownerUserId: partnerOwner.id, status: 'BLOCKED' });
  await makeActionForTest(plan.id, { description: 'Undated prepare action', strand: 'PREPARE', dueOn: null, status: 'IN_PROGRESS' });
  await makeActionForTest(plan.id, { description: 'Done action', status: 'COMPLETE', dueOn: daysFromNow(-1) });
  await makeActionForTest(plan.id, { description: 'Cancelled action', status: 'CANCELLED', dueOn: daysFromNow(-2) });

  await prisma.morileAssessment.create({
    data: { threatId: threat.id, assessedOn: daysFromNow(-20), harm: 4, likelihood: 3, riskScore: 777, confidence: 'HIGH', priority: 'HIGH', tier: 2, notes: SECRETS.assessmentNotes, nextReassessmentDue: daysFromNow(100) },
  });
  await prisma.disruption.create({
    data: { reference: `D-${threat.id}`, threatId: threat.id, disruptedOn: daysFromNow(-5), strand: 'PURSUE', category: 'MAJOR', role: 'LEAD', description: SECRETS.disruption },
  });
  await prisma.unmetDemand.create({ data: { threatId: threat.id, shortfall: 'CAPABILITY', capabilityNeeded: 'SURVEILLANCE', description: SECRETS.unmetDemand, raisedOn: daysFromNow(-3) } });
  const reviewer = await makeUser(orgs.west, ['MANAGER']);
  await prisma.planReview.create({
    data: { planId: plan.id, reviewerId: reviewer.id, reviewedAt: daysFromNow(-2), outcome: 'CHANGES_REQUIRED', comments: SECRETS.reviewComments, nextReviewDue: daysFromNow(80), planVersion: 1, snapshot: '{}' },
  });
  return { threat, plan, lro, deputy, partnerOwner };
}

const asRole = async (role: Role, org: keyof Orgs) => asCurrentUser((await makeUser(orgs[org], [role])).id);

describe('getThreatBriefing: what a frontline officer may see, and nothing of the intelligence', () => {
  it('has exactly the briefing fields: no gaps, scores, disruptions, unmet demand, reviews, flags, closure notes or history', async () => {
    const { threat, lro } = await sensitiveThreat();
    const found = await getThreatBriefing(await asRole('MANAGER', 'west'), threat.id);
    const briefing = found!.briefing;
    expect(Object.keys(briefing).sort()).toEqual(
      [
        'areas',
        'deputy',
        'headlineActions',
        'id',
        'leadResponsibleOfficer',
        'lookOutFor',
        'name',
        'openActionCount',
        'organisationId',
        'organisationName',
        'status',
        'tier',
        'type',
        'urn',
      ].sort(),
    );
    expect(Object.keys(briefing.leadResponsibleOfficer!).sort()).toEqual(['email', 'name', 'organisationName', 'rank']);
    for (const action of briefing.headlineActions) expect(Object.keys(action).sort()).toEqual(['description', 'id', 'ownerContactName', 'ownerOrganisation', 'ownerUser']);
    const text = JSON.stringify(briefing);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain('777');

    expect(briefing).toMatchObject({
      urn: threat.urn,
      name: 'Briefing Heron',
      type: 'OCG',
      tier: 2,
      status: 'ACTIVE',
      areas: ['DRUGS', 'COUNTY_LINES'],
      organisationName: 'West force',
      lookOutFor: 'Silver vans at the retail park after dark.\n\nYoung people with new phones.',
      leadResponsibleOfficer: { name: 'Lee Briefing', rank: 'Detective Inspector', organisationName: 'West LPA', email: expect.stringContaining('@') },
      deputy: { name: 'Dee Deputy', rank: 'Detective Sergeant', organisationName: 'West force' },
    });
    expect(briefing.leadResponsibleOfficer!.email).toBe((await prisma.user.findUniqueOrThrow({ where: { id: lro.id }, select: { email: true } })).email);
  });

  it('headline actions: the open actions of the active plan in every strand, soonest due first, undated last, with their owners', async () => {
    const { threat } = await sensitiveThreat();
    const { briefing } = (await getThreatBriefing(await asRole('MANAGER', 'west'), threat.id))!;
    expect(briefing.headlineActions.map((a) => a.description)).toEqual(['Visit the cuckooed flats', 'Arrest the runner', 'Warn the retail park', 'Undated prepare action']);
    expect(briefing.openActionCount).toBe(4);
    expect(briefing.headlineActions[0]!.ownerUser).toEqual({ name: 'Lee Briefing', rank: 'Detective Inspector', organisationName: 'West LPA' });
    expect(briefing.headlineActions[1]!.ownerUser).toMatchObject({ name: 'Pat Partner', organisationName: 'Partner agency' });
    expect(briefing.headlineActions[2]).toMatchObject({ ownerUser: null, ownerOrganisation: { name: 'Partner agency' }, ownerContactName: 'Security manager' });
  });

  it(`shows at most ${BRIEFING_ACTION_LIMIT}, and counts them all`, async () => {
    const threat = await makeThreat(orgs.west);
    const plan = await makePlanForActions(threat.id);
    for (let i = 0; i < BRIEFING_ACTION_LIMIT + 3; i++) await makeActionForTest(plan.id, { description: `Action due in ${20 - i} days`, dueOn: daysFromNow(20 - i) });
    const { briefing } = (await getThreatBriefing(await asRole('MANAGER', 'west'), threat.id))!;
    expect(briefing.headlineActions).toHaveLength(BRIEFING_ACTION_LIMIT);
    expect(briefing.openActionCount).toBe(BRIEFING_ACTION_LIMIT + 3);
    expect(briefing.headlineActions[0]!.description).toBe(`Action due in ${20 - (BRIEFING_ACTION_LIMIT + 2)} days`);
  });

  it('a draft plan is not yet agreed: no headline actions; nor without a plan', async () => {
    const drafted = await makeThreat(orgs.west);
    const draft = await makePlanForActions(drafted.id, { status: 'DRAFT' });
    await makeActionForTest(draft.id, { description: 'Draft action' });
    const bare = await makeThreat(orgs.west);
    const manager = await asRole('MANAGER', 'west');
    for (const threat of [drafted, bare]) {
      const { briefing } = (await getThreatBriefing(manager, threat.id))!;
      expect(briefing).toMatchObject({ headlineActions: [], openActionCount: 0, leadResponsibleOfficer: null, deputy: null, lookOutFor: null });
    }
  });

  const readers: { who: string; role: Role; org: keyof Orgs; sees: boolean }[] = [
    { who: 'an LRO of the force', role: 'LRO', org: 'west', sees: true },
    { who: 'a manager of the force', role: 'MANAGER', org: 'west', sees: true },
    { who: 'a co-ordinator of the region', role: 'COORDINATOR', org: 'region', sees: true },
    { who: 'an admin of the region', role: 'ADMIN', org: 'region', sees: true },
    { who: 'a partner user of the organisation it is shared with', role: 'ACTION_OWNER', org: 'partner', sees: true },
    { who: 'an LRO of another force', role: 'LRO', org: 'south', sees: false },
    { who: 'a manager of another force', role: 'MANAGER', org: 'south', sees: false },
    { who: 'a co-ordinator of another force', role: 'COORDINATOR', org: 'south', sees: false },
    { who: 'an LRO of a district below the owning force (not the holder)', role: 'LRO', org: 'westLpa', sees: false },
  ];

  it.each(readers)('$who ($role): sees it: $sees', async ({ role, org, sees }) => {
    const { threat } = await sensitiveThreat();
    const user = await asRole(role, org);
    const found = await getThreatBriefing(user, threat.id);
    if (sees) {
      expect(found?.briefing.id).toBe(threat.id);
      expect(can(user, 'threat:read', found!.resource)).toBe(true);
    } else {
      // Out of scope reads as not there at all.
      expect(found).toBeNull();
    }
  });

  it('the holder in a district below the owning force sees it; an unknown threat is not found', async () => {
    const { threat, lro } = await sensitiveThreat();
    const holder = await asCurrentUser(lro.id);
    const found = await getThreatBriefing(holder, threat.id);
    expect(can(holder, 'threat:read', found!.resource)).toBe(true);
    expect(await getThreatBriefing(holder, 'no-such-threat')).toBeNull();
  });
});

describe('recordBriefingView: every view is audited as a view', () => {
  it('records the viewer against the threat, and stays out of the history and of "who changed this last"', async () => {
    const { threat } = await sensitiveThreat();
    const viewer = await asRole('LRO', 'west');
    const { briefing } = (await getThreatBriefing(viewer, threat.id))!;
    await recordBriefingView(viewer, briefing);
    await recordBriefingView(viewer, briefing);
    const events = await prisma.auditEvent.findMany({
      where: { threatId: threat.id, action: BRIEFING_VIEW_AUDIT },
      select: { actorId: true, entityType: true, entityId: true, organisationId: true, threatId: true },
    });
    expect(events).toEqual([
      { actorId: viewer.id, entityType: 'SocThreat', entityId: threat.id, organisationId: orgs.west.id, threatId: threat.id },
      { actorId: viewer.id, entityType: 'SocThreat', entityId: threat.id, organisationId: orgs.west.id, threatId: threat.id },
    ]);
    expect((await listThreatHistory(threat.id, 1)).events.map((e) => e.action)).not.toContain(BRIEFING_VIEW_AUDIT);
    expect(await lastChangeOf(prisma, 'SocThreat', threat.id)).toBeNull();
  });
});
