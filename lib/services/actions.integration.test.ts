import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { cancelAction, CANCELLED_ACTION_MESSAGE, CLOSED_PLAN_MESSAGE, createAction, editAction, recordActionUpdate } from './actions';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import {
  asCurrentUser,
  makeActionForTest,
  makeObjectiveForActions,
  makePlanForActions,
  makeRegion,
  makeThreat,
  makeUser,
} from '@/test/factories';

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let hmrc: { id: string; path: string };

beforeAll(async () => {
  orgs = await makeRegion();
  hmrc = orgs.partner;
});

/**
 * A West threat held by an LRO (with a deputy), shared with the partner agency; its active plan
 * has a Prevent and a Pursue objective and one Prevent action owned by a partner user, and
 * another action owned by a second partner user.
 */
async function arrange(opts: { planStatus?: 'DRAFT' | 'ACTIVE' | 'CLOSED'; actionStatus?: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'CANCELLED' } = {}) {
  const holder = await makeUser(orgs.west, ['LRO'], { name: 'Inspector Holder' });
  const deputy = await makeUser(orgs.west, ['LRO'], { name: 'Sergeant Deputy' });
  const actionOwner = await makeUser(hmrc, ['ACTION_OWNER'], { name: 'Officer Owner' });
  const otherOwner = await makeUser(hmrc, ['ACTION_OWNER'], { name: 'Officer Other' });
  const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: holder.id, deputyId: deputy.id, sharedWith: [hmrc.id] });
  const plan = await makePlanForActions(threat.id, { status: opts.planStatus ?? 'ACTIVE' });
  const prevent = await makeObjectiveForActions(plan.id, 'PREVENT', 'Divert young people from the line');
  const pursue = await makeObjectiveForActions(plan.id, 'PURSUE', 'Dismantle the supply chain');
  const action = await makeActionForTest(plan.id, {
    strand: 'PREVENT',
    objectiveId: prevent.id,
    description: 'Original description',
    ownerUserId: actionOwner.id,
    status: opts.actionStatus ?? 'IN_PROGRESS',
  });
  const otherAction = await makeActionForTest(plan.id, { strand: 'PROTECT', ownerUserId: otherOwner.id });
  return { holder, deputy, actionOwner, otherOwner, threat, plan, prevent, pursue, action, otherAction };
}

type Arranged = Awaited<ReturnType<typeof arrange>>;

const dueDate = { day: '31', month: '3', year: '2027' };

const addInput = (a: Arranged, overrides: Record<string, unknown> = {}) => ({
  planId: a.plan.id,
  strand: 'PREVENT',
  objectiveId: a.prevent.id,
  description: 'Safeguarding visits to the cuckooed addresses',
  ownerKind: 'USER',
  ownerUserId: a.holder.id,
  ownerOrganisationId: '',
  ownerContactName: '',
  dueDate,
  ...overrides,
});

const editInput = (a: Arranged, overrides: Record<string, unknown> = {}) => ({
  actionId: a.action.id,
  version: 1,
  strand: 'PURSUE',
  objectiveId: a.pursue.id,
  description: 'Edited description',
  ownerKind: 'ORGANISATION',
  ownerUserId: '',
  ownerOrganisationId: hmrc.id,
  ownerContactName: 'Fraud investigation team',
  dueDate: { day: '1', month: '6', year: '2027' },
  ...overrides,
});

const cancelInput = (a: Arranged, overrides: Record<string, unknown> = {}) => ({
  actionId: a.action.id,
  version: 1,
  reason: 'Overtaken by the arrest phase',
  ...overrides,
});

const updateInput = (a: Arranged, overrides: Record<string, unknown> = {}) => ({
  actionId: a.action.id,
  version: 1,
  note: 'Visited the premises with the licensing team',
  status: 'IN_PROGRESS',
  ...overrides,
});

const actionRow = (id: string) =>
  prisma.action.findUniqueOrThrow({
    where: { id },
    select: {
      description: true,
      strand: true,
      objectiveId: true,
      status: true,
      version: true,
      ownerUserId: true,
      ownerOrganisationId: true,
      ownerContactName: true,
      dueOn: true,
      lastUpdatedAt: true,
      completedAt: true,
    },
  });

const auditOf = (threatId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action }, orderBy: { at: 'asc' }, select: { actorId: true, entityType: true, entityId: true, organisationId: true, threatId: true, before: true, after: true } });

type Who = 'holder' | 'deputy' | 'lroNotHolding' | 'manager' | 'lpaManager' | 'coordinator' | 'regionalCoordinator' | 'actionOwner' | 'officerOwner' | 'otherOwner' | 'partner' | 'otherForceManager' | 'otherForceLro';

/** The person asking, made for the case: some are the arranged threat's people, others new. */
async function userFor(who: Who, a: Arranged): Promise<CurrentUser> {
  const make = async (org: { id: string }, roles: Role[]) => asCurrentUser((await makeUser(org, roles)).id);
  switch (who) {
    case 'holder':
      return asCurrentUser(a.holder.id);
    case 'deputy':
      return asCurrentUser(a.deputy.id);
    case 'actionOwner':
      return asCurrentUser(a.actionOwner.id);
    case 'otherOwner':
      return asCurrentUser(a.otherOwner.id);
    case 'officerOwner': {
      // An LRO of the force who does not hold the threat, but owns this action.
      const officer = await makeUser(orgs.west, ['LRO']);
      await prisma.action.update({ where: { id: a.action.id }, data: { ownerUserId: officer.id } });
      return asCurrentUser(officer.id);
    }
    case 'lroNotHolding':
      return make(orgs.west, ['LRO']);
    case 'manager':
      return make(orgs.west, ['MANAGER']);
    case 'lpaManager':
      return make(orgs.westLpa, ['MANAGER']);
    case 'coordinator':
      return make(orgs.west, ['COORDINATOR']);
    case 'regionalCoordinator':
      return make(orgs.region, ['COORDINATOR']);
    case 'partner':
      return make(hmrc, ['ACTION_OWNER']);
    case 'otherForceManager':
      return make(orgs.south, ['MANAGER']);
    case 'otherForceLro':
      return make(orgs.south, ['LRO']);
  }
}

// The policy, spelled out by hand: plan:edit (add, edit, cancel) for the LRO or deputy holding the
// threat and a manager of its organisation; action:update (record an update) for those and the
// action's owner. Everyone else is refused exactly as if the record did not exist.
const MATRIX: { who: Who; label: string; add: boolean; edit: boolean; cancel: boolean; update: boolean }[] = [
  { who: 'holder', label: 'the LRO holding the threat', add: true, edit: true, cancel: true, update: true },
  { who: 'deputy', label: 'the deputy LRO of the threat', add: true, edit: true, cancel: true, update: true },
  { who: 'manager', label: 'a manager of the owning force', add: true, edit: true, cancel: true, update: true },
  { who: 'actionOwner', label: "the action's owner (a partner user)", add: false, edit: false, cancel: false, update: true },
  { who: 'officerOwner', label: "the action's owner (an LRO not holding the threat)", add: false, edit: false, cancel: false, update: true },
  { who: 'lroNotHolding', label: 'an LRO of the force not holding the threat', add: false, edit: false, cancel: false, update: false },
  { who: 'lpaManager', label: 'a manager of a district below the owning force', add: false, edit: false, cancel: false, update: false },
  { who: 'coordinator', label: 'a co-ordinator of the owning force', add: false, edit: false, cancel: false, update: false },
  { who: 'regionalCoordinator', label: 'the regional co-ordinator', add: false, edit: false, cancel: false, update: false },
  { who: 'otherOwner', label: 'another action owner on the same plan', add: false, edit: false, cancel: false, update: false },
  { who: 'partner', label: 'a partner user of an organisation the threat is shared with', add: false, edit: false, cancel: false, update: false },
  { who: 'otherForceManager', label: 'a manager of another force', add: false, edit: false, cancel: false, update: false },
  { who: 'otherForceLro', label: 'an LRO of another force', add: false, edit: false, cancel: false, update: false },
];

describe('who may add an action (plan:edit on the threat)', () => {
  it.each(MATRIX)('$label -> allowed: $add', async ({ who, add }) => {
    const a = await arrange();
    const user = await userFor(who, a);
    const state = await runAuthed(user, createAction, addInput(a));
    const count = await prisma.action.count({ where: { planId: a.plan.id } });
    if (add) {
      expect(state).toMatchObject({ status: 'success', data: { actionId: expect.any(String) } });
      expect(count).toBe(3);
      expect(await auditOf(a.threat.id, 'action.create')).toHaveLength(1);
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(count).toBe(2);
      expect(await auditOf(a.threat.id, 'action.create')).toHaveLength(0);
    }
  });
});

describe('who may edit an action (plan:edit on the threat)', () => {
  it.each(MATRIX)('$label -> allowed: $edit', async ({ who, edit }) => {
    const a = await arrange();
    const user = await userFor(who, a);
    const state = await runAuthed(user, editAction, editInput(a));
    const row = await actionRow(a.action.id);
    if (edit) {
      expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
      expect(row).toMatchObject({ description: 'Edited description', version: 2 });
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(row).toMatchObject({ description: 'Original description', version: 1 });
      expect(await auditOf(a.threat.id, 'action.update')).toHaveLength(0);
    }
  });
});

describe('who may cancel an action (plan:edit on the threat)', () => {
  it.each(MATRIX)('$label -> allowed: $cancel', async ({ who, cancel }) => {
    const a = await arrange();
    const user = await userFor(who, a);
    const state = await runAuthed(user, cancelAction, cancelInput(a));
    const row = await actionRow(a.action.id);
    if (cancel) {
      expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
      expect(row).toMatchObject({ status: 'CANCELLED', version: 2 });
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(row).toMatchObject({ status: 'IN_PROGRESS', version: 1 });
      expect(await prisma.actionUpdate.count({ where: { actionId: a.action.id } })).toBe(0);
    }
  });
});

describe('who may record an update (action:update: holder, manager of the organisation, owner)', () => {
  it.each(MATRIX)('$label -> allowed: $update', async ({ who, update }) => {
    const a = await arrange();
    const user = await userFor(who, a);
    const state = await runAuthed(user, recordActionUpdate, updateInput(a, { status: 'BLOCKED', note: 'Waiting for the warrant' }));
    const row = await actionRow(a.action.id);
    const log = await prisma.actionUpdate.findMany({ where: { actionId: a.action.id }, select: { authorId: true } });
    if (update) {
      expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
      expect(row).toMatchObject({ status: 'BLOCKED', version: 2 });
      expect(log).toEqual([{ authorId: user.id }]);
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(row).toMatchObject({ status: 'IN_PROGRESS', version: 1 });
      expect(log).toEqual([]);
      expect(await auditOf(a.threat.id, 'action.record-update')).toHaveLength(0);
    }
  });
});

describe('adding an action', () => {
  it('creates it NOT_STARTED, last updated now, with the owner and due date given; audited; a material change', async () => {
    const a = await arrange();
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const before = new Date();
    const state = await runAuthed(manager, createAction, addInput(a, { ownerKind: 'ORGANISATION', ownerUserId: '', ownerOrganisationId: hmrc.id, ownerContactName: '  Fraud team  ' }));
    expect(state.status).toBe('success');
    if (state.status !== 'success') return;
    const row = await actionRow(state.data!.actionId);
    expect(row).toMatchObject({
      strand: 'PREVENT',
      objectiveId: a.prevent.id,
      description: 'Safeguarding visits to the cuckooed addresses',
      status: 'NOT_STARTED',
      version: 1,
      ownerUserId: null,
      ownerOrganisationId: hmrc.id,
      ownerContactName: 'Fraud team',
      dueOn: new Date('2027-03-31T00:00:00.000Z'),
      completedAt: null,
    });
    expect(row.lastUpdatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const plan = await prisma.fourPPlan.findUniqueOrThrow({ where: { id: a.plan.id }, select: { materiallyChangedAt: true } });
    expect(plan.materiallyChangedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const [event] = await auditOf(a.threat.id, 'action.create');
    expect(event).toMatchObject({ actorId: manager.id, entityType: 'Action', entityId: state.data!.actionId, organisationId: orgs.west.id, threatId: a.threat.id, before: null });
    expect(JSON.parse(event!.after!)).toMatchObject({ planId: a.plan.id, strand: 'PREVENT', status: 'NOT_STARTED', ownerOrganisationId: hmrc.id, ownerContactName: 'Fraud team', dueOn: '2027-03-31' });
  });

  it('may be added without an objective, to a draft plan, owned by a partner user of an organisation the threat is shared with', async () => {
    const a = await arrange({ planStatus: 'DRAFT' });
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, createAction, addInput(a, { objectiveId: '', strand: 'PROTECT', ownerUserId: a.otherOwner.id }));
    expect(state.status).toBe('success');
    if (state.status === 'success') expect(await actionRow(state.data!.actionId)).toMatchObject({ objectiveId: null, strand: 'PROTECT', ownerUserId: a.otherOwner.id });
  });

  it('refuses empty input with every message at once, and keeps what was typed', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, createAction, { planId: a.plan.id, strand: '', objectiveId: '', description: '   ', ownerUserId: '', ownerOrganisationId: '', ownerContactName: '', dueDate: { day: '', month: '', year: '' } });
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        strand: ['Select the strand'],
        description: ['Enter a description of the action'],
        ownerKind: ['Select who owns the action'],
        dueDate: ['Enter the due date'],
      },
      values: { description: '   ' },
    });
    expect(await prisma.action.count({ where: { planId: a.plan.id } })).toBe(2);
  });

  it.each([
    ['a date that does not exist', { dueDate: { day: '31', month: '2', year: '2027' } }, 'dueDate', 'Due date must be a real date'],
    ['a date with a part missing', { dueDate: { day: '3', month: '', year: '2027' } }, 'dueDate.month', 'Due date must include a month'],
    ['a person chosen as owner but none selected', { ownerKind: 'USER', ownerUserId: '' }, 'ownerUserId', 'Select the officer who owns the action'],
    ['a partner organisation with no contact named', { ownerKind: 'ORGANISATION', ownerUserId: '', ownerOrganisationId: 'any', ownerContactName: ' ' }, 'ownerContactName', 'Enter the name of the contact at the partner organisation'],
    ['a partner organisation not chosen', { ownerKind: 'ORGANISATION', ownerUserId: '', ownerOrganisationId: '', ownerContactName: 'Fraud team' }, 'ownerOrganisationId', 'Select the partner organisation'],
    ['a description over 1000 characters', { description: 'x'.repeat(1001) }, 'description', 'Description must be 1000 characters or fewer'],
  ])('refuses %s: "%s"', async (_case, overrides, field, message) => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, createAction, addInput(a, overrides));
    expect(state.status).toBe('error');
    if (state.status === 'error') expect(state.fieldErrors[field]).toEqual([message]);
    expect(await prisma.action.count({ where: { planId: a.plan.id } })).toBe(2);
  });

  it('refuses what the browser cannot check: an objective of another strand or plan, an owner who may not own it, an organisation that is not a partner', async () => {
    const a = await arrange();
    const elsewhere = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const southOfficer = await makeUser(orgs.south, ['LRO']);
    const westCoordinator = await makeUser(orgs.west, ['COORDINATOR']);
    const inactive = await makeUser(orgs.west, ['LRO'], { active: false });

    const cases: [Record<string, unknown>, string, string][] = [
      [{ strand: 'PURSUE', objectiveId: a.prevent.id }, 'objectiveId', 'Select an objective of the strand you chose, or no objective'],
      [{ objectiveId: elsewhere.prevent.id }, 'objectiveId', 'Select an objective from the list'],
      [{ ownerUserId: southOfficer.id }, 'ownerUserId', 'Select the officer who owns the action from the list'],
      [{ ownerUserId: westCoordinator.id }, 'ownerUserId', 'Select the officer who owns the action from the list'],
      [{ ownerUserId: inactive.id }, 'ownerUserId', 'Select the officer who owns the action from the list'],
      [{ ownerKind: 'ORGANISATION', ownerUserId: '', ownerOrganisationId: orgs.south.id, ownerContactName: 'Someone' }, 'ownerOrganisationId', 'Select the partner organisation from the list'],
    ];
    for (const [overrides, field, message] of cases) {
      const state = await runAuthed(holder, createAction, addInput(a, overrides));
      expect(state, JSON.stringify(overrides)).toMatchObject({ status: 'error', fieldErrors: { [field]: [message] } });
    }
    expect(await prisma.action.count({ where: { planId: a.plan.id } })).toBe(2);
  });

  it('refuses unknown fields (strict schema)', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, createAction, addInput(a, { status: 'COMPLETE' }));
    expect(state.status).toBe('error');
    expect(await prisma.action.count({ where: { planId: a.plan.id } })).toBe(2);
  });

  it('refuses to add to a closed plan', async () => {
    const a = await arrange({ planStatus: 'CLOSED' });
    const holder = await asCurrentUser(a.holder.id);
    expect(await runAuthed(holder, createAction, addInput(a))).toMatchObject({ status: 'error', message: CLOSED_PLAN_MESSAGE, fieldErrors: { _form: [CLOSED_PLAN_MESSAGE] } });
    expect(await prisma.action.count({ where: { planId: a.plan.id } })).toBe(2);
  });
});

describe('editing an action', () => {
  it('saves every field, bumps the version, audits before and after with the threat, and marks the plan changed', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const lastUpdatedBefore = (await actionRow(a.action.id)).lastUpdatedAt;
    const state = await runAuthed(holder, editAction, editInput(a));
    expect(state).toMatchObject({ status: 'success', data: { version: 2 } });
    const row = await actionRow(a.action.id);
    expect(row).toMatchObject({
      strand: 'PURSUE',
      objectiveId: a.pursue.id,
      description: 'Edited description',
      ownerUserId: null,
      ownerOrganisationId: hmrc.id,
      ownerContactName: 'Fraud investigation team',
      dueOn: new Date('2027-06-01T00:00:00.000Z'),
      status: 'IN_PROGRESS',
      version: 2,
    });
    // An edit is not progress: "last updated" is the time of the latest update in the log.
    expect(row.lastUpdatedAt).toEqual(lastUpdatedBefore);
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: a.plan.id }, select: { materiallyChangedAt: true } })).materiallyChangedAt).not.toBeNull();
    const [event] = await auditOf(a.threat.id, 'action.update');
    expect(event).toMatchObject({ actorId: holder.id, entityType: 'Action', entityId: a.action.id, organisationId: orgs.west.id, threatId: a.threat.id });
    expect(JSON.parse(event!.before!)).toMatchObject({ description: 'Original description', strand: 'PREVENT', objectiveId: a.prevent.id, ownerUserId: a.actionOwner.id, ownerOrganisationId: null, dueOn: '2027-03-31' });
    expect(JSON.parse(event!.after!)).toMatchObject({ description: 'Edited description', strand: 'PURSUE', objectiveId: a.pursue.id, ownerUserId: null, ownerOrganisationId: hmrc.id, dueOn: '2027-06-01' });
  });

  it('keeps the current owner even when they would no longer be offered', async () => {
    const a = await arrange();
    const leaver = await makeUser(orgs.south, ['LRO']);
    await prisma.action.update({ where: { id: a.action.id }, data: { ownerUserId: leaver.id } });
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, editAction, editInput(a, { ownerKind: 'USER', ownerUserId: leaver.id, ownerOrganisationId: '', ownerContactName: '' }));
    expect(state).toMatchObject({ status: 'success' });
    // …but does not let anyone else in who would not be offered.
    const other = await makeUser(orgs.south, ['LRO']);
    const refused = await runAuthed(holder, editAction, editInput(a, { version: 2, ownerKind: 'USER', ownerUserId: other.id, ownerOrganisationId: '', ownerContactName: '' }));
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { ownerUserId: ['Select the officer who owns the action from the list'] } });
  });

  it('refuses bad input with the field messages', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    const state = await runAuthed(holder, editAction, editInput(a, { description: '', ownerContactName: '', dueDate: { day: '30', month: '2', year: '2027' } }));
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        description: ['Enter a description of the action'],
        ownerContactName: ['Enter the name of the contact at the partner organisation'],
        dueDate: ['Due date must be a real date'],
      },
    });
    expect(await actionRow(a.action.id)).toMatchObject({ description: 'Original description', version: 1 });
  });

  it('refuses on a closed plan and on a cancelled action', async () => {
    const closed = await arrange({ planStatus: 'CLOSED' });
    expect(await runAuthed(await asCurrentUser(closed.holder.id), editAction, editInput(closed))).toMatchObject({ status: 'error', message: CLOSED_PLAN_MESSAGE });
    const cancelled = await arrange({ actionStatus: 'CANCELLED' });
    expect(await runAuthed(await asCurrentUser(cancelled.holder.id), editAction, editInput(cancelled))).toMatchObject({ status: 'error', message: CANCELLED_ACTION_MESSAGE });
    expect(await actionRow(closed.action.id)).toMatchObject({ description: 'Original description', version: 1 });
    expect(await actionRow(cancelled.action.id)).toMatchObject({ description: 'Original description', version: 1 });
  });
});

describe('cancelling an action', () => {
  it('marks it cancelled with the reason as the latest update in its log; audited; a material change', async () => {
    const a = await arrange();
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Manager' })).id);
    const before = new Date();
    expect(await runAuthed(manager, cancelAction, cancelInput(a))).toMatchObject({ status: 'success', data: { version: 2 } });
    const row = await actionRow(a.action.id);
    expect(row).toMatchObject({ status: 'CANCELLED', version: 2, completedAt: null });
    expect(row.lastUpdatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const log = await prisma.actionUpdate.findMany({ where: { actionId: a.action.id }, select: { authorId: true, note: true, statusFrom: true, statusTo: true, createdAt: true } });
    expect(log).toEqual([{ authorId: manager.id, note: 'Overtaken by the arrest phase', statusFrom: 'IN_PROGRESS', statusTo: 'CANCELLED', createdAt: row.lastUpdatedAt }]);
    const [event] = await auditOf(a.threat.id, 'action.cancel');
    expect(event).toMatchObject({ actorId: manager.id, entityType: 'Action', entityId: a.action.id, organisationId: orgs.west.id, threatId: a.threat.id });
    expect(JSON.parse(event!.before!)).toEqual({ status: 'IN_PROGRESS' });
    expect(JSON.parse(event!.after!)).toEqual({ status: 'CANCELLED', reason: 'Overtaken by the arrest phase' });
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: a.plan.id }, select: { materiallyChangedAt: true } })).materiallyChangedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('asks for the reason', async () => {
    const a = await arrange();
    const state = await runAuthed(await asCurrentUser(a.holder.id), cancelAction, cancelInput(a, { reason: '  ' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { reason: ['Enter the reason for cancelling the action'] } });
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', version: 1 });
  });

  it('refuses on a closed plan, and refuses to cancel twice', async () => {
    const closed = await arrange({ planStatus: 'CLOSED' });
    expect(await runAuthed(await asCurrentUser(closed.holder.id), cancelAction, cancelInput(closed))).toMatchObject({ status: 'error', message: CLOSED_PLAN_MESSAGE });
    const cancelled = await arrange({ actionStatus: 'CANCELLED' });
    expect(await runAuthed(await asCurrentUser(cancelled.holder.id), cancelAction, cancelInput(cancelled))).toMatchObject({ status: 'error', message: 'This action has already been cancelled.' });
    expect(await prisma.actionUpdate.count({ where: { actionId: { in: [closed.action.id, cancelled.action.id] } } })).toBe(0);
  });
});

describe('recording an update', () => {
  it('appends to the log, sets last updated, moves the status, bumps the version and audits, in one go', async () => {
    const a = await arrange({ actionStatus: 'NOT_STARTED' });
    const owner = await asCurrentUser(a.actionOwner.id);
    const before = new Date();
    const state = await runAuthed(owner, recordActionUpdate, updateInput(a));
    expect(state).toMatchObject({ status: 'success', data: { version: 2, updateId: expect.any(String) } });
    const row = await actionRow(a.action.id);
    expect(row).toMatchObject({ status: 'IN_PROGRESS', version: 2, completedAt: null });
    expect(row.lastUpdatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const log = await prisma.actionUpdate.findMany({ where: { actionId: a.action.id }, select: { id: true, authorId: true, note: true, statusFrom: true, statusTo: true, createdAt: true } });
    expect(log).toEqual([
      { id: expect.any(String), authorId: owner.id, note: 'Visited the premises with the licensing team', statusFrom: 'NOT_STARTED', statusTo: 'IN_PROGRESS', createdAt: row.lastUpdatedAt },
    ]);
    const [event] = await auditOf(a.threat.id, 'action.record-update');
    expect(event).toMatchObject({ actorId: owner.id, entityType: 'ActionUpdate', entityId: log[0]!.id, organisationId: orgs.west.id, threatId: a.threat.id });
    expect(JSON.parse(event!.before!)).toEqual({ actionId: a.action.id, status: 'NOT_STARTED' });
    expect(JSON.parse(event!.after!)).toEqual({ actionId: a.action.id, status: 'IN_PROGRESS', note: 'Visited the premises with the licensing team' });
    // Progress is not a material change to the plan.
    expect((await prisma.fourPPlan.findUniqueOrThrow({ where: { id: a.plan.id }, select: { materiallyChangedAt: true } })).materiallyChangedAt).toBeNull();
  });

  it('a note with the status unchanged (or none given) records no status change', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    expect(await runAuthed(holder, recordActionUpdate, updateInput(a, { status: 'IN_PROGRESS', note: 'Still going' }))).toMatchObject({ status: 'success' });
    expect(await runAuthed(holder, recordActionUpdate, updateInput(a, { version: 2, status: '', note: 'Still going, slowly' }))).toMatchObject({ status: 'success' });
    const log = await prisma.actionUpdate.findMany({ where: { actionId: a.action.id }, orderBy: { createdAt: 'asc' }, select: { note: true, statusFrom: true, statusTo: true } });
    expect(log).toEqual([
      { note: 'Still going', statusFrom: null, statusTo: null },
      { note: 'Still going, slowly', statusFrom: null, statusTo: null },
    ]);
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
  });

  it('completing stamps completedAt; reopening clears it', async () => {
    const a = await arrange();
    const holder = await asCurrentUser(a.holder.id);
    await runAuthed(holder, recordActionUpdate, updateInput(a, { status: 'COMPLETE', note: 'Closure order granted' }));
    const done = await actionRow(a.action.id);
    expect(done.status).toBe('COMPLETE');
    expect(done.completedAt).toEqual(done.lastUpdatedAt);
    await runAuthed(holder, recordActionUpdate, updateInput(a, { version: 2, status: 'IN_PROGRESS', note: 'Order appealed; reopened' }));
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', completedAt: null, version: 3 });
  });

  it.each([
    ['no new status', '', 'Enter an update'],
    ['in progress', 'IN_PROGRESS', 'Enter an update'],
    ['complete', 'COMPLETE', 'Enter what was done to complete the action'],
    ['blocked', 'BLOCKED', 'Enter why the action is blocked'],
  ])('asks for a note (%s): "%s"', async (_case, status, message) => {
    const a = await arrange();
    const state = await runAuthed(await asCurrentUser(a.holder.id), recordActionUpdate, updateInput(a, { status, note: '   ' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { note: [message] }, values: { status } });
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', version: 1 });
    expect(await prisma.actionUpdate.count({ where: { actionId: a.action.id } })).toBe(0);
  });

  it('refuses a status an update cannot set (cancelling is a change to the plan)', async () => {
    const a = await arrange();
    const state = await runAuthed(await asCurrentUser(a.actionOwner.id), recordActionUpdate, updateInput(a, { status: 'CANCELLED' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { status: ['Select a status from the list'] } });
  });

  it('refuses on a closed plan and on a cancelled action', async () => {
    const closed = await arrange({ planStatus: 'CLOSED' });
    expect(await runAuthed(await asCurrentUser(closed.actionOwner.id), recordActionUpdate, updateInput(closed))).toMatchObject({ status: 'error', message: CLOSED_PLAN_MESSAGE });
    const cancelled = await arrange({ actionStatus: 'CANCELLED' });
    expect(await runAuthed(await asCurrentUser(cancelled.holder.id), recordActionUpdate, updateInput(cancelled))).toMatchObject({ status: 'error', message: CANCELLED_ACTION_MESSAGE });
    expect(await prisma.actionUpdate.count({ where: { actionId: { in: [closed.action.id, cancelled.action.id] } } })).toBe(0);
  });
});

describe('no lost updates: two saves from the same version', () => {
  it('edit after edit: the second is refused, naming the first saver, and keeps its input', async () => {
    const a = await arrange();
    const first = await asCurrentUser(a.holder.id);
    const second = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Superintendent Second' })).id);
    expect(await runAuthed(first, editAction, editInput(a, { description: 'First wins' }))).toMatchObject({ status: 'success' });
    const state = await runAuthed(second, editAction, editInput(a, { description: 'Second loses' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { description: 'Second loses' } });
    if (state.status === 'error') {
      expect(state.message).toContain('Inspector Holder');
      expect(state.message).toContain('Your changes have not been saved');
    }
    expect(await actionRow(a.action.id)).toMatchObject({ description: 'First wins', version: 2 });
    expect(await auditOf(a.threat.id, 'action.update')).toHaveLength(1);
  });

  it('update after update: the second is refused, naming the first, and nothing is appended', async () => {
    const a = await arrange();
    const owner = await asCurrentUser(a.actionOwner.id);
    const holder = await asCurrentUser(a.holder.id);
    expect(await runAuthed(owner, recordActionUpdate, updateInput(a, { note: 'Owner first' }))).toMatchObject({ status: 'success' });
    const state = await runAuthed(holder, recordActionUpdate, updateInput(a, { note: 'Holder second', status: 'BLOCKED' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { note: 'Holder second', status: 'BLOCKED' } });
    if (state.status === 'error') expect(state.message).toContain('Officer Owner');
    expect(await prisma.actionUpdate.findMany({ where: { actionId: a.action.id }, select: { note: true } })).toEqual([{ note: 'Owner first' }]);
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
  });

  it('an edit from before an update is refused, naming who recorded the update', async () => {
    const a = await arrange();
    await runAuthed(await asCurrentUser(a.actionOwner.id), recordActionUpdate, updateInput(a, { status: 'BLOCKED', note: 'No access to the premises' }));
    const state = await runAuthed(await asCurrentUser(a.holder.id), editAction, editInput(a));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
    if (state.status === 'error') expect(state.message).toContain('Officer Owner');
    expect(await actionRow(a.action.id)).toMatchObject({ description: 'Original description', status: 'BLOCKED', version: 2 });
  });

  it('a cancel from before an edit is refused, naming the editor', async () => {
    const a = await arrange();
    const manager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'], { name: 'Chief Inspector Editor' })).id);
    await runAuthed(manager, editAction, editInput(a));
    const state = await runAuthed(await asCurrentUser(a.holder.id), cancelAction, cancelInput(a, { reason: 'No longer needed' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', values: { reason: 'No longer needed' } });
    if (state.status === 'error') expect(state.message).toContain('Chief Inspector Editor');
    expect(await actionRow(a.action.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect(await prisma.actionUpdate.count({ where: { actionId: a.action.id } })).toBe(0);
  });
});
