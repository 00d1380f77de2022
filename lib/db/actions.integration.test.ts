import { beforeAll, describe, expect, it } from 'vitest';
import { getActionDetail, lastActionChange, listActionOwnerOptions, listActionUpdates, listMyActions, MY_ACTIONS_PAGE_SIZE } from './actions';
import { prisma } from './client';
import { can } from '@/lib/auth/policy';
import { asCurrentUser, makeActionForTest, makeObjectiveForActions, makePlanForActions, makeRegion, makeThreat, makeUser } from '@/test/factories';

let orgs: Awaited<ReturnType<typeof makeRegion>>;

beforeAll(async () => {
  orgs = await makeRegion();
});

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('listMyActions: the actions a user owns, open first by due date, paged in the database', () => {
  it('lists only the user\'s own actions on live plans, open ones first by due date (none last), then finished ones latest first', async () => {
    const owner = await makeUser(orgs.partner, ['ACTION_OWNER']);
    const someoneElse = await makeUser(orgs.partner, ['ACTION_OWNER']);
    const threat = await makeThreat(orgs.west, { sharedWith: [orgs.partner.id], name: 'Listed threat' });
    const plan = await makePlanForActions(threat.id);
    const oldThreat = await makeThreat(orgs.west);
    const closedPlan = await makePlanForActions(oldThreat.id, { status: 'CLOSED' });

    const mk = (description: string, opts: Parameters<typeof makeActionForTest>[1]) => makeActionForTest(plan.id, { description, ownerUserId: owner.id, ...opts });
    await mk('open, due later', { status: 'IN_PROGRESS', dueOn: day('2027-05-01') });
    await mk('open, no due date', { status: 'NOT_STARTED', dueOn: null });
    await mk('open, due soonest', { status: 'BLOCKED', dueOn: day('2026-02-01') });
    await mk('complete, updated earlier', { status: 'COMPLETE', dueOn: day('2026-01-01'), lastUpdatedAt: new Date('2026-03-01T10:00:00Z') });
    await mk('cancelled, updated later', { status: 'CANCELLED', dueOn: day('2025-01-01'), lastUpdatedAt: new Date('2026-04-01T10:00:00Z') });
    await makeActionForTest(plan.id, { description: 'someone else\'s', ownerUserId: someoneElse.id, dueOn: day('2025-01-01') });
    await makeActionForTest(plan.id, { description: 'a partner organisation\'s', ownerOrganisationId: orgs.partner.id, ownerContactName: 'Team' });
    await makeActionForTest(closedPlan.id, { description: 'on a closed plan', ownerUserId: owner.id, dueOn: day('2025-01-01') });

    const list = await listMyActions(owner.id, 1);
    expect(list.rows.map((r) => r.description)).toEqual(['open, due soonest', 'open, due later', 'open, no due date', 'cancelled, updated later', 'complete, updated earlier']);
    expect(list).toMatchObject({ total: 5, openCount: 3, page: 1, pageCount: 1 });
    expect(list.rows[0]).toMatchObject({ threatId: threat.id, threatUrn: threat.urn, threatName: 'Listed threat', strand: 'PREVENT', status: 'BLOCKED', dueOn: day('2026-02-01') });
  });

  it('pages through open then finished actions, a page straddling the two', async () => {
    const owner = await makeUser(orgs.west, ['LRO']);
    const threat = await makeThreat(orgs.west);
    const plan = await makePlanForActions(threat.id);
    const openCount = MY_ACTIONS_PAGE_SIZE + 3;
    for (let i = 0; i < openCount; i++) {
      // Due dates in the reverse of creation order, so the order is the query's, not insertion's.
      await makeActionForTest(plan.id, { ownerUserId: owner.id, description: `open ${String(i).padStart(2, '0')}`, dueOn: new Date(Date.UTC(2027, 0, 60 - i)) });
    }
    for (let i = 0; i < 4; i++) {
      await makeActionForTest(plan.id, { ownerUserId: owner.id, status: 'COMPLETE', description: `done ${i}`, lastUpdatedAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    }

    const first = await listMyActions(owner.id, 1);
    const second = await listMyActions(owner.id, 2);
    expect(first).toMatchObject({ total: openCount + 4, openCount, page: 1, pageCount: 2, pageSize: MY_ACTIONS_PAGE_SIZE });
    expect(first.rows).toHaveLength(MY_ACTIONS_PAGE_SIZE);
    expect(first.rows[0]!.description).toBe(`open ${String(openCount - 1).padStart(2, '0')}`);
    expect(second.rows.map((r) => r.description)).toEqual(['open 02', 'open 01', 'open 00', 'done 3', 'done 2', 'done 1', 'done 0']);
    // Every action once, none twice, across the pages.
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(openCount + 4);
    // A page past the end shows the last page.
    expect((await listMyActions(owner.id, 9)).page).toBe(2);
  });

  it('is empty for someone who owns nothing', async () => {
    const nobody = await makeUser(orgs.west, ['MANAGER']);
    expect(await listMyActions(nobody.id, 1)).toMatchObject({ rows: [], total: 0, pageCount: 0 });
  });
});

describe('getActionDetail: one action within the user\'s scope, with only what the action needs', () => {
  it('gives the owner (a partner) their action, with the threat, its LRO and the objective; and nothing for another action of the plan', async () => {
    const lro = await makeUser(orgs.west, ['LRO'], { name: 'Inspector Lead' });
    const owner = await asCurrentUser((await makeUser(orgs.partner, ['ACTION_OWNER'])).id);
    const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id, sharedWith: [orgs.partner.id] });
    const plan = await makePlanForActions(threat.id);
    const objective = await makeObjectiveForActions(plan.id, 'PROTECT', 'Harden the targets');
    const mine = await makeActionForTest(plan.id, { strand: 'PROTECT', objectiveId: objective.id, ownerUserId: owner.id });
    const notMine = await makeActionForTest(plan.id, { ownerUserId: lro.id });

    const found = await getActionDetail(owner, threat.id, mine.id);
    expect(found?.action).toMatchObject({
      id: mine.id,
      strand: 'PROTECT',
      threat: { id: threat.id, urn: threat.urn, leadResponsibleOfficer: { name: 'Inspector Lead', email: lro.email } },
      objective: { title: 'Harden the targets', successMeasure: 'Success measure of Harden the targets' },
    });
    expect(can(owner, 'action:read', found!.resource)).toBe(true);
    expect(can(owner, 'action:update', found!.resource)).toBe(true);
    expect(can(owner, 'plan:read', found!.resource.threat)).toBe(false);

    // Another action of the same plan: loaded (the threat is in their scope) but not theirs to read.
    const other = await getActionDetail(owner, threat.id, notMine.id);
    expect(other === null || !can(owner, 'action:read', other.resource)).toBe(true);
  });

  it('is null under the wrong threat, and for a user of another force', async () => {
    const threat = await makeThreat(orgs.west);
    const plan = await makePlanForActions(threat.id);
    const action = await makeActionForTest(plan.id);
    const westManager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    const southManager = await asCurrentUser((await makeUser(orgs.south, ['MANAGER'])).id);
    const elsewhere = await makeThreat(orgs.west);
    expect(await getActionDetail(westManager, threat.id, action.id)).not.toBeNull();
    expect(await getActionDetail(westManager, elsewhere.id, action.id)).toBeNull();
    expect(await getActionDetail(southManager, threat.id, action.id)).toBeNull();
  });
});

describe('the action log', () => {
  it('lists updates newest first with their authors, paged', async () => {
    const author = await makeUser(orgs.west, ['LRO'], { name: 'Author Name' });
    const threat = await makeThreat(orgs.west);
    const plan = await makePlanForActions(threat.id);
    const action = await makeActionForTest(plan.id);
    for (let i = 0; i < 22; i++) {
      await prisma.actionUpdate.create({ data: { actionId: action.id, authorId: author.id, note: `note ${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, i)) } });
    }
    const first = await listActionUpdates(action.id, 1);
    expect(first).toMatchObject({ total: 22, page: 1, pageCount: 2 });
    expect(first.entries[0]).toMatchObject({ note: 'note 21', authorName: 'Author Name', statusFrom: null, statusTo: null });
    expect((await listActionUpdates(action.id, 2)).entries.map((e) => e.note)).toEqual(['note 1', 'note 0']);
  });

  it('lastActionChange names whoever changed the action last: an audited edit or an update in the log', async () => {
    const editor = await makeUser(orgs.west, ['MANAGER'], { name: 'The Editor' });
    const updater = await makeUser(orgs.partner, ['ACTION_OWNER'], { name: 'The Updater' });
    const threat = await makeThreat(orgs.west);
    const plan = await makePlanForActions(threat.id);
    const action = await makeActionForTest(plan.id);
    expect(await lastActionChange(prisma, action.id)).toBeNull();
    await prisma.auditEvent.create({ data: { actorId: editor.id, action: 'action.update', entityType: 'Action', entityId: action.id, at: new Date('2026-02-01T10:00:00Z') } });
    expect(await lastActionChange(prisma, action.id)).toEqual({ by: 'The Editor', at: new Date('2026-02-01T10:00:00Z') });
    await prisma.actionUpdate.create({ data: { actionId: action.id, authorId: updater.id, note: 'n', createdAt: new Date('2026-02-02T10:00:00Z') } });
    expect(await lastActionChange(prisma, action.id)).toEqual({ by: 'The Updater', at: new Date('2026-02-02T10:00:00Z') });
  });
});

describe('listActionOwnerOptions: who may own an action on a threat\'s plan', () => {
  it('offers active officers of the threat\'s organisation and below who may update actions, partner users of organisations it is shared with, and its LRO wherever they sit', async () => {
    const lpaOfficer = await makeUser(orgs.westLpa, ['LRO'], { name: 'Aa LPA officer' });
    const westManager = await makeUser(orgs.west, ['MANAGER'], { name: 'Aa West manager' });
    const partnerUser = await makeUser(orgs.partner, ['ACTION_OWNER'], { name: 'Aa Partner user' });
    const coordinator = await makeUser(orgs.west, ['COORDINATOR'], { name: 'Aa Coordinator' });
    const inactive = await makeUser(orgs.west, ['LRO'], { name: 'Aa Inactive', active: false });
    const southOfficer = await makeUser(orgs.south, ['LRO'], { name: 'Aa South officer' });
    const southLro = await makeUser(orgs.south, ['LRO'], { name: 'Aa South LRO of the threat' });
    const threat = await makeThreat(orgs.west, { sharedWith: [orgs.partner.id], leadResponsibleOfficerId: southLro.id });

    const options = await listActionOwnerOptions(threat.id);
    const ids = options.users.map((u) => u.value);
    expect(ids).toEqual(expect.arrayContaining([lpaOfficer.id, westManager.id, partnerUser.id, southLro.id]));
    expect(ids).not.toContain(coordinator.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids).not.toContain(southOfficer.id);
    expect(options.users.find((u) => u.value === partnerUser.id)?.text).toBe('Aa Partner user (Partner agency)');
    expect(options.partnerOrganisations.map((o) => o.value)).toContain(orgs.partner.id);
    expect(options.partnerOrganisations.map((o) => o.value)).not.toContain(orgs.west.id);

    // The current owner stays listed on an edit even if they would not be offered now.
    expect((await listActionOwnerOptions(threat.id, southOfficer.id)).users.map((u) => u.value)).toContain(southOfficer.id);
  });
});
