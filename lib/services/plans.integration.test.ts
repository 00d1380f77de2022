import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed, type ActionConfig } from './authed-action';
import {
  activatePlan,
  closePlan,
  createObjective,
  createPlan,
  NO_OBJECTIVES_MESSAGE,
  PLAN_CLOSED_MESSAGE,
  PLAN_EXISTS_MESSAGE,
  recordPartnerEngagement,
  updateObjective,
  updatePlanDetails,
} from './plans';
import { prisma } from '@/lib/db/client';
import { listPlanObjectives } from '@/lib/db/plans';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { londonDateKey } from '@/lib/domain/dates';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';

// Every write of the 4P plan (lib/services/plans.ts) through the one wrapper, against a real
// database: who may and may not, bad input with its messages, lost updates, the one-live-plan
// rule, closed plans, and the audit trail the plan's history reads.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let holder: CurrentUser;
let deputy: CurrentUser;
let manager: CurrentUser;

beforeAll(async () => {
  orgs = await makeRegion();
  holder = await asCurrentUser((await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' })).id);
  deputy = await asCurrentUser((await makeUser(orgs.westLpa, ['LRO'], { name: 'Sergeant Deputy' })).id);
  manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Manager' })).id);
});

/** A threat of the West force held by `holder` (deputy `deputy`), shared with the partner agency. */
const heldThreat = () => makeThreat(orgs.west, { leadResponsibleOfficerId: holder.id, deputyId: deputy.id, sharedWith: [orgs.partner.id] });

async function makePlan(threatId: string, opts: { status?: 'DRAFT' | 'ACTIVE' | 'CLOSED'; objectives?: number } = {}) {
  const status = opts.status ?? 'DRAFT';
  const plan = await prisma.fourPPlan.create({
    data: { threatId, liveThreatId: status === 'CLOSED' ? null : threatId, status, closedAt: status === 'CLOSED' ? new Date() : null },
    select: { id: true, version: true },
  });
  const objectives = [];
  for (let i = 0; i < (opts.objectives ?? 0); i++) {
    objectives.push(
      await prisma.objective.create({
        data: { planId: plan.id, strand: 'PURSUE', title: `Objective ${i + 1}`, successMeasure: 'Measured', position: i + 1 },
        select: { id: true, updatedAt: true },
      }),
    );
  }
  return { ...plan, objectives };
}

const today = () => londonDateKey(new Date());
const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

const detailsInput = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  version: 1,
  intelligenceGaps: 'Where the group launders its cash',
  ownerKind: 'ORGANISATION',
  ownerOrganisationId: orgs.partner.id,
  ...overrides,
});
const objectiveInput = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  strand: 'PREVENT',
  title: 'Divert the younger members from the group',
  successMeasure: 'Three referrals accepted by the youth offending team',
  ...overrides,
});
const engagementInput = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  partnerOrganisationId: orgs.partner.id,
  engagedOn: dateParts(today()),
  kind: 'CONSULTED',
  summary: 'Agreed to share cash seizure intelligence',
  ...overrides,
});
const closeInput = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  version: 1,
  outcome: 'Group dismantled; principal convicted',
  whatWorked: 'Joint working with the partner agency',
  learning: 'Engage partners from the start',
  ...overrides,
});

type Threat = Awaited<ReturnType<typeof heldThreat>>;

/** Each write with how to arrange a record for it and the input that would succeed. */
const WRITES: {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  config: ActionConfig<any, any, any>;
  arrange: (threat: Threat) => Promise<Record<string, unknown>>;
}[] = [
  { name: 'plan.create', config: createPlan, arrange: async (threat) => ({ threatId: threat.id }) },
  { name: 'plan.update', config: updatePlanDetails, arrange: async (threat) => detailsInput((await makePlan(threat.id)).id) },
  { name: 'objective.create', config: createObjective, arrange: async (threat) => objectiveInput((await makePlan(threat.id)).id) },
  {
    name: 'objective.update',
    config: updateObjective,
    arrange: async (threat) => {
      const { objectives } = await makePlan(threat.id, { objectives: 1 });
      const { planId: _planId, ...fields } = objectiveInput('');
      return { objectiveId: objectives[0]!.id, lastUpdatedAt: objectives[0]!.updatedAt.toISOString(), ...fields };
    },
  },
  { name: 'plan.activate', config: activatePlan, arrange: async (threat) => ({ planId: (await makePlan(threat.id, { objectives: 1 })).id, version: 1 }) },
  { name: 'plan.close', config: closePlan, arrange: async (threat) => closeInput((await makePlan(threat.id, { status: 'ACTIVE', objectives: 1 })).id) },
  { name: 'engagement.create', config: recordPartnerEngagement, arrange: async (threat) => engagementInput((await makePlan(threat.id)).id) },
];

type Actor = { who: string; allowed: boolean; user: () => Promise<CurrentUser> };
const someone = (org: 'west' | 'westLpa' | 'south' | 'partner' | 'region', role: Role) => async () => asCurrentUser((await makeUser(orgs[org], [role])).id);

const ACTORS: Actor[] = [
  { who: 'the LRO holding the threat', allowed: true, user: async () => holder },
  { who: 'the deputy holding the threat', allowed: true, user: async () => deputy },
  { who: 'a manager of the owning force', allowed: true, user: async () => manager },
  { who: 'a manager of the region above it', allowed: true, user: someone('region', 'MANAGER') },
  { who: 'an LRO of the force not holding the threat', allowed: false, user: someone('west', 'LRO') },
  { who: 'a co-ordinator of the owning force (reads only)', allowed: false, user: someone('west', 'COORDINATOR') },
  { who: 'a partner agency user the threat is shared with', allowed: false, user: someone('partner', 'ACTION_OWNER') },
  { who: 'a manager of a district below the owning force', allowed: false, user: someone('westLpa', 'MANAGER') },
  { who: 'a manager of another force', allowed: false, user: someone('south', 'MANAGER') },
  { who: 'an LRO of another force', allowed: false, user: someone('south', 'LRO') },
  { who: 'an admin of the region', allowed: false, user: someone('region', 'ADMIN') },
];

const eventsOf = (threatId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action }, select: { actorId: true, organisationId: true, entityType: true, entityId: true, before: true, after: true } });

describe.each(WRITES)('$name: every role, in and out of scope', ({ name, config, arrange }) => {
  it.each(ACTORS)('$who -> allowed: $allowed', async ({ allowed, user }) => {
    const threat = await heldThreat();
    const input = await arrange(threat);
    const actor = await user();
    const state = await runAuthed(actor, config, input);
    const events = await eventsOf(threat.id, name);
    if (allowed) {
      expect(state).toMatchObject({ status: 'success' });
      // The write is audited with its threat, so the plan's history shows it.
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: actor.id, organisationId: orgs.west.id });
    } else {
      // Refused exactly as if the record did not exist, and nothing written.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(events).toHaveLength(0);
    }
  });
});

describe('createPlan', () => {
  it('creates a DRAFT plan as the one live plan of the threat, owned by its LRO', async () => {
    const threat = await heldThreat();
    const state = await runAuthed(holder, createPlan, { threatId: threat.id });
    expect(state.status).toBe('success');
    const plan = await prisma.fourPPlan.findFirstOrThrow({ where: { threatId: threat.id } });
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, liveThreatId: threat.id, planOwnerUserId: holder.id, updatedById: holder.id });
    expect(plan.materiallyChangedAt).not.toBeNull();
    const [event] = await eventsOf(threat.id, 'plan.create');
    expect(event).toMatchObject({ entityType: 'FourPPlan', entityId: plan.id });
    expect(JSON.parse(event!.after!)).toMatchObject({ status: 'DRAFT', planOwner: 'Inspector Holder' });
  });

  it('refuses a second live plan with a message, not a crash', async () => {
    const threat = await heldThreat();
    expect(await runAuthed(holder, createPlan, { threatId: threat.id })).toMatchObject({ status: 'success' });
    expect(await runAuthed(manager, createPlan, { threatId: threat.id })).toMatchObject({ status: 'error', code: 'CONFLICT', message: PLAN_EXISTS_MESSAGE });
    expect(await prisma.fourPPlan.count({ where: { threatId: threat.id } })).toBe(1);
    expect(await eventsOf(threat.id, 'plan.create')).toHaveLength(1);
  });

  it('refuses one of two creates made at the same moment, with the same message', async () => {
    const threat = await heldThreat();
    const states = await Promise.all([runAuthed(holder, createPlan, { threatId: threat.id }), runAuthed(manager, createPlan, { threatId: threat.id })]);
    expect(states.filter((s) => s.status === 'success')).toHaveLength(1);
    expect(states.find((s) => s.status === 'error')).toMatchObject({ code: 'CONFLICT', message: PLAN_EXISTS_MESSAGE });
    expect(await prisma.fourPPlan.count({ where: { threatId: threat.id } })).toBe(1);
  });

  it('allows a new plan once the live one is closed', async () => {
    const threat = await heldThreat();
    await makePlan(threat.id, { status: 'CLOSED' });
    expect(await runAuthed(holder, createPlan, { threatId: threat.id })).toMatchObject({ status: 'success' });
    expect(await prisma.fourPPlan.count({ where: { threatId: threat.id } })).toBe(2);
  });

  it('refuses unknown fields (strict schema)', async () => {
    const threat = await heldThreat();
    expect(await runAuthed(holder, createPlan, { threatId: threat.id, status: 'ACTIVE' })).toMatchObject({ status: 'error' });
    expect(await prisma.fourPPlan.count({ where: { threatId: threat.id } })).toBe(0);
  });
});

describe('updatePlanDetails', () => {
  it('saves intelligence gaps and a partner organisation as owner, audited with before and after', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    await prisma.fourPPlan.update({ where: { id: plan.id }, data: { planOwnerUserId: holder.id } });
    const state = await runAuthed(holder, updatePlanDetails, detailsInput(plan.id));
    expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
    const after = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after).toMatchObject({ version: 2, intelligenceGaps: 'Where the group launders its cash', planOwnerUserId: null, planOwnerOrganisationId: orgs.partner.id });
    expect(after.materiallyChangedAt).not.toBeNull();
    const [event] = await eventsOf(threat.id, 'plan.update');
    expect(JSON.parse(event!.before!)).toMatchObject({ intelligenceGaps: '', planOwner: 'Inspector Holder' });
    expect(JSON.parse(event!.after!)).toMatchObject({ intelligenceGaps: 'Where the group launders its cash', planOwner: 'Partner agency' });
  });

  it('saves an officer of the force (from a district below it) as owner', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(manager, updatePlanDetails, detailsInput(plan.id, { ownerKind: 'USER', ownerUserId: deputy.id, ownerOrganisationId: '' }));
    expect(state.status).toBe('success');
    expect(await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { planOwnerUserId: true, planOwnerOrganisationId: true } })).toEqual({
      planOwnerUserId: deputy.id,
      planOwnerOrganisationId: null,
    });
  });

  it.each([
    [{ ownerKind: undefined }, 'ownerKind', 'Select who owns the plan'],
    [{ ownerKind: 'USER', ownerUserId: '' }, 'ownerUserId', 'Select the officer who owns the plan'],
    [{ ownerKind: 'ORGANISATION', ownerOrganisationId: '' }, 'ownerOrganisationId', 'Select the partner organisation that owns the plan'],
    [{ intelligenceGaps: 'x'.repeat(5001) }, 'intelligenceGaps', 'Intelligence gaps must be 5000 characters or fewer'],
  ])('refuses %j: %s "%s", keeping what was typed', async (overrides, field, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const input = detailsInput(plan.id, overrides);
    const state = await runAuthed(holder, updatePlanDetails, input);
    expect(state).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] }, values: { intelligenceGaps: input.intelligenceGaps } });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).version).toBe(1);
  });

  it('refuses an officer of another force and an organisation that is not a partner', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const stranger = await makeUser(orgs.south, ['LRO']);
    expect(await runAuthed(holder, updatePlanDetails, detailsInput(plan.id, { ownerKind: 'USER', ownerUserId: stranger.id }))).toMatchObject({
      status: 'error',
      fieldErrors: { ownerUserId: ['Select an officer from the list'] },
    });
    expect(await runAuthed(holder, updatePlanDetails, detailsInput(plan.id, { ownerOrganisationId: orgs.south.id }))).toMatchObject({
      status: 'error',
      fieldErrors: { ownerOrganisationId: ['Select a partner organisation from the list'] },
    });
    expect(await eventsOf(threat.id, 'plan.update')).toHaveLength(0);
  });

  it('refuses the second of two saves from the same version, naming who saved first and keeping the input', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    expect(await runAuthed(manager, updatePlanDetails, detailsInput(plan.id, { intelligenceGaps: 'First' }))).toMatchObject({ status: 'success' });
    const state = await runAuthed(holder, updatePlanDetails, detailsInput(plan.id, { intelligenceGaps: 'Second' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { intelligenceGaps: 'Second' } });
    if (state.status === 'error') {
      expect(state.message).toContain('Chief Inspector Manager');
      expect(state.message).toContain('Your changes have not been saved');
    }
    expect(await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { intelligenceGaps: true, version: true } })).toEqual({ intelligenceGaps: 'First', version: 2 });
    expect(await eventsOf(threat.id, 'plan.update')).toHaveLength(1);
  });
});

describe('createObjective and updateObjective', () => {
  it('adds objectives at the end of their strand and marks the plan changed', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    for (const [strand, title] of [['PREVENT', 'First prevent'], ['PURSUE', 'First pursue'], ['PREVENT', 'Second prevent']] as const) {
      expect(await runAuthed(holder, createObjective, objectiveInput(plan.id, { strand, title }))).toMatchObject({ status: 'success' });
    }
    // In the template's strand order, each strand's objectives in the order they were added.
    expect((await listPlanObjectives(plan.id)).map((o) => [o.strand, o.title])).toEqual([
      ['PURSUE', 'First pursue'],
      ['PREVENT', 'First prevent'],
      ['PREVENT', 'Second prevent'],
    ]);
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).materiallyChangedAt).not.toBeNull();
    const events = await eventsOf(threat.id, 'objective.create');
    expect(events).toHaveLength(3);
    expect(events.map((e) => JSON.parse(e.after!).title)).toContain('Second prevent');
  });

  it.each([
    [{ strand: '' }, 'strand', 'Select the strand'],
    [{ title: '  ' }, 'title', 'Enter the objective'],
    [{ successMeasure: '' }, 'successMeasure', 'Enter how success will be measured'],
    [{ title: 'x'.repeat(301) }, 'title', 'Objective must be 300 characters or fewer'],
    [{ successMeasure: 'x'.repeat(1001) }, 'successMeasure', 'Success measure must be 1000 characters or fewer'],
  ])('refuses %j: %s "%s"', async (overrides, field, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(holder, createObjective, objectiveInput(plan.id, overrides));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] } });
    expect(await prisma.objective.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('changes an objective with before and after in the audit trail', async () => {
    const threat = await heldThreat();
    const { objectives } = await makePlan(threat.id, { objectives: 1 });
    const objective = objectives[0]!;
    const state = await runAuthed(holder, updateObjective, {
      objectiveId: objective.id,
      lastUpdatedAt: objective.updatedAt.toISOString(),
      strand: 'PROTECT',
      title: 'Harden the three target premises',
      successMeasure: 'Premises surveyed and alarmed',
    });
    expect(state.status).toBe('success');
    expect(await prisma.objective.findUniqueOrThrow({ where: { id: objective.id }, select: { strand: true, title: true } })).toEqual({ strand: 'PROTECT', title: 'Harden the three target premises' });
    const [event] = await eventsOf(threat.id, 'objective.update');
    expect(JSON.parse(event!.before!)).toEqual({ strand: 'PURSUE', title: 'Objective 1', successMeasure: 'Measured' });
    expect(JSON.parse(event!.after!)).toEqual({ strand: 'PROTECT', title: 'Harden the three target premises', successMeasure: 'Premises surveyed and alarmed' });
  });

  it('refuses a change made from an out-of-date copy, naming who changed it', async () => {
    const threat = await heldThreat();
    const { objectives } = await makePlan(threat.id, { objectives: 1 });
    const seen = objectives[0]!.updatedAt.toISOString();
    const input = { objectiveId: objectives[0]!.id, lastUpdatedAt: seen, strand: 'PURSUE', title: 'First edit', successMeasure: 'Measured' };
    expect(await runAuthed(manager, updateObjective, input)).toMatchObject({ status: 'success' });
    const state = await runAuthed(holder, updateObjective, { ...input, title: 'Second edit' });
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { title: 'Second edit' } });
    if (state.status === 'error') expect(state.message).toContain('Chief Inspector Manager');
    expect((await prisma.objective.findUniqueOrThrow({ where: { id: objectives[0]!.id } })).title).toBe('First edit');
  });

  it('keeps an objective with actions in its strand', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { objectives: 1 });
    const objective = plan.objectives[0]!;
    await prisma.action.create({ data: { planId: plan.id, objectiveId: objective.id, strand: 'PURSUE', description: 'Arrest', lastUpdatedAt: new Date() } });
    const state = await runAuthed(holder, updateObjective, {
      objectiveId: objective.id,
      lastUpdatedAt: objective.updatedAt.toISOString(),
      strand: 'PREVENT',
      title: 'Moved',
      successMeasure: 'Measured',
    });
    expect(state).toMatchObject({ status: 'error', fieldErrors: { strand: ['An objective with actions cannot move to another strand'] } });
  });
});

describe('activatePlan', () => {
  it('refuses a plan with no objective', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    expect(await runAuthed(holder, activatePlan, { planId: plan.id, version: 1 })).toMatchObject({ status: 'error', message: NO_OBJECTIVES_MESSAGE });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('DRAFT');
  });

  it('makes a draft with an objective active, recording when', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { objectives: 1 });
    expect(await runAuthed(holder, activatePlan, { planId: plan.id, version: 1 })).toMatchObject({ status: 'success', data: { version: 2 } });
    const after = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after).toMatchObject({ status: 'ACTIVE', version: 2, liveThreatId: threat.id });
    expect(after.activatedAt).not.toBeNull();
    const [event] = await eventsOf(threat.id, 'plan.activate');
    expect(JSON.parse(event!.before!)).toEqual({ status: 'DRAFT' });
    expect(JSON.parse(event!.after!)).toMatchObject({ status: 'ACTIVE' });
  });

  it('refuses an active plan, and a stale version', async () => {
    const threat = await heldThreat();
    const active = await makePlan(threat.id, { status: 'ACTIVE', objectives: 1 });
    expect(await runAuthed(holder, activatePlan, { planId: active.id, version: 1 })).toMatchObject({ status: 'error', message: 'The plan is already active' });

    const other = await heldThreat();
    const draft = await makePlan(other.id, { objectives: 1 });
    await runAuthed(manager, updatePlanDetails, detailsInput(draft.id));
    const state = await runAuthed(holder, activatePlan, { planId: draft.id, version: 1 });
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
    if (state.status === 'error') expect(state.message).toContain('Chief Inspector Manager');
  });
});

describe('closePlan', () => {
  it.each([
    ['outcome', 'Enter the outcome of the plan'],
    ['whatWorked', 'Enter what worked'],
    ['learning', 'Enter the learning to share'],
  ])('refuses a debrief without %s: "%s"', async (field, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { status: 'ACTIVE', objectives: 1 });
    const state = await runAuthed(holder, closePlan, closeInput(plan.id, { [field]: '   ' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] } });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('ACTIVE');
  });

  it('closes an active plan with its debrief and frees the threat for a new plan', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { status: 'ACTIVE', objectives: 1 });
    expect(await runAuthed(holder, closePlan, closeInput(plan.id))).toMatchObject({ status: 'success', data: { version: 2 } });
    const after = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after).toMatchObject({
      status: 'CLOSED',
      liveThreatId: null,
      closureOutcome: 'Group dismantled; principal convicted',
      closureWhatWorked: 'Joint working with the partner agency',
      closureLearning: 'Engage partners from the start',
    });
    expect(after.closedAt).not.toBeNull();
    expect(JSON.parse((await eventsOf(threat.id, 'plan.close'))[0]!.after!)).toMatchObject({ status: 'CLOSED', closureLearning: 'Engage partners from the start' });
    expect(await runAuthed(holder, createPlan, { threatId: threat.id })).toMatchObject({ status: 'success' });
  });

  it('refuses to close a draft', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { objectives: 1 });
    expect(await runAuthed(holder, closePlan, closeInput(plan.id))).toMatchObject({ status: 'error', message: 'Only an active plan can be closed. Make the plan active first.' });
  });
});

describe('a closed plan is read only', () => {
  const cases: { name: string; run: (plan: Awaited<ReturnType<typeof makePlan>>) => ReturnType<typeof runAuthed> }[] = [
    { name: 'plan details', run: (plan) => runAuthed(holder, updatePlanDetails, detailsInput(plan.id)) },
    { name: 'add objective', run: (plan) => runAuthed(holder, createObjective, objectiveInput(plan.id)) },
    {
      name: 'change objective',
      run: (plan) =>
        runAuthed(holder, updateObjective, { objectiveId: plan.objectives[0]!.id, lastUpdatedAt: plan.objectives[0]!.updatedAt.toISOString(), strand: 'PURSUE', title: 'New', successMeasure: 'New' }),
    },
    { name: 'activate', run: (plan) => runAuthed(holder, activatePlan, { planId: plan.id, version: 1 }) },
    { name: 'close again', run: (plan) => runAuthed(holder, closePlan, closeInput(plan.id)) },
    { name: 'record engagement', run: (plan) => runAuthed(holder, recordPartnerEngagement, engagementInput(plan.id)) },
  ];

  it.each(cases)('refuses: $name', async ({ run }) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id, { status: 'CLOSED', objectives: 1 });
    expect(await run(plan)).toMatchObject({ status: 'error', message: PLAN_CLOSED_MESSAGE });
    expect(await prisma.auditEvent.count({ where: { threatId: threat.id } })).toBe(0);
  });
});

describe('recordPartnerEngagement', () => {
  it('records the engagement as a calendar date, audited with the partner named', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(holder, recordPartnerEngagement, engagementInput(plan.id, { engagedOn: { day: '3', month: '2', year: '2026' }, kind: 'TASKED' }));
    expect(state.status).toBe('success');
    const row = await prisma.partnerEngagement.findFirstOrThrow({ where: { planId: plan.id } });
    expect(row).toMatchObject({ partnerOrganisationId: orgs.partner.id, kind: 'TASKED', recordedById: holder.id, summary: 'Agreed to share cash seizure intelligence' });
    expect(row.engagedOn.toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(JSON.parse((await eventsOf(threat.id, 'engagement.create'))[0]!.after!)).toMatchObject({ partner: 'Partner agency', engagedOn: '2026-02-03', kind: 'TASKED' });
  });

  const tomorrow = () => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + 2);
    return londonDateKey(d);
  };

  it.each([
    [{ partnerOrganisationId: '' }, 'partnerOrganisationId', 'Select the partner organisation'],
    [{ engagedOn: { day: '', month: '', year: '' } }, 'engagedOn', 'Enter the date of engagement'],
    [{ engagedOn: { day: '31', month: '2', year: '2026' } }, 'engagedOn', 'Date of engagement must be a real date'],
    [{ engagedOn: { day: '3', month: '', year: '2026' } }, 'engagedOn.month', 'Date of engagement must include a month'],
    [{ kind: 'EMAILED' }, 'kind', 'Select the kind of engagement'],
    [{ summary: '' }, 'summary', 'Enter a summary of the engagement'],
    [{ summary: 'x'.repeat(2001) }, 'summary', 'Summary must be 2000 characters or fewer'],
  ])('refuses %j: %s "%s"', async (overrides, field, message) => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(holder, recordPartnerEngagement, engagementInput(plan.id, overrides));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] } });
    expect(await prisma.partnerEngagement.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('refuses a date in the future', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(holder, recordPartnerEngagement, engagementInput(plan.id, { engagedOn: dateParts(tomorrow()) }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { engagedOn: ['Date of engagement must be today or in the past'] } });
  });

  it('refuses an organisation that is not a partner agency', async () => {
    const threat = await heldThreat();
    const plan = await makePlan(threat.id);
    const state = await runAuthed(holder, recordPartnerEngagement, engagementInput(plan.id, { partnerOrganisationId: orgs.south.id }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { partnerOrganisationId: ['Select a partner organisation from the list'] } });
  });
});
