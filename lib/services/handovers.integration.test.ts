import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { assignLro } from './assignments';
import { acknowledgeHandover, getHandoverPanel, HANDOVER_ACKNOWLEDGED_AUDIT, listPendingHandovers } from './handovers';
import { prisma } from '@/lib/db/client';
import { listThreatHistory } from '@/lib/db/history';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { HANDOVER_NOTE_MESSAGE, NO_OFFICER } from '@/lib/validation/assignment';
import { asCurrentUser, makeActionForTest, makeHeldThreat, makePlanForActions, makeRegion, makeTraining, makeUser } from '@/test/factories';

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

type Orgs = Awaited<ReturnType<typeof makeRegion>>;
let orgs: Orgs;

beforeAll(async () => {
  orgs = await makeRegion();
});

async function trainedLro(organisation: { id: string }, name?: string) {
  const officer = await makeUser(organisation, ['LRO'], { name });
  await makeTraining(officer.id, { completedOn: daysFromNow(-200), expiresOn: daysFromNow(800) });
  return asCurrentUser(officer.id);
}

const managerOf = async (organisation: { id: string }) => asCurrentUser((await makeUser(organisation, ['MANAGER'], { name: 'Handing Manager' })).id);

const assignInput = (threat: { id: string }, version: number, lro: string | null, deputy: string | null, handoverNote?: string) => ({
  threatId: threat.id,
  version,
  leadResponsibleOfficerId: lro ?? NO_OFFICER,
  deputyId: deputy ?? NO_OFFICER,
  ...(handoverNote === undefined ? {} : { handoverNote }),
});

const rowsOf = (threatId: string) =>
  prisma.lroAssignment.findMany({
    where: { threatId },
    orderBy: [{ startedAt: 'asc' }, { endedAt: { sort: 'asc', nulls: 'last' } }],
    select: { id: true, userId: true, role: true, endedAt: true, handoverNote: true, handoverSeenAt: true },
  });

const acknowledgements = (threatId: string) =>
  prisma.auditEvent.findMany({ where: { threatId, action: HANDOVER_ACKNOWLEDGED_AUDIT }, select: { actorId: true, entityType: true, entityId: true, organisationId: true, threatId: true, after: true } });

/**
 * A West force threat held by `outgoing` (with a deputy), with an active plan of open and
 * finished actions, handed over by a manager to `incoming` with a note.
 */
async function handedOverThreat(note = 'Two warrants pending; the SCPO on the head of the group needs checking.') {
  const [outgoing, incoming, deputy] = [await trainedLro(orgs.west, 'Outgoing Officer'), await trainedLro(orgs.west, 'Incoming Officer'), await trainedLro(orgs.west, 'Staying Deputy')];
  const threat = await makeHeldThreat(orgs.west, { lroId: outgoing.id, deputyId: deputy.id });
  const plan = await makePlanForActions(threat.id);
  await makeActionForTest(plan.id, { description: 'Later open action', strand: 'PURSUE', dueOn: daysFromNow(60), status: 'IN_PROGRESS', ownerUserId: outgoing.id });
  await makeActionForTest(plan.id, { description: 'Overdue open action', strand: 'PREVENT', dueOn: daysFromNow(-10), status: 'NOT_STARTED', ownerOrganisationId: orgs.partner.id, ownerContactName: 'Fraud team' });
  await makeActionForTest(plan.id, { description: 'Undated blocked action', strand: 'PROTECT', dueOn: null, status: 'BLOCKED' });
  await makeActionForTest(plan.id, { description: 'Finished action', dueOn: daysFromNow(-30), status: 'COMPLETE' });
  await makeActionForTest(plan.id, { description: 'Cancelled action', dueOn: daysFromNow(-20), status: 'CANCELLED' });
  const manager = await managerOf(orgs.west);
  const state = await runAuthed(manager, assignLro, assignInput(threat, 1, incoming.id, deputy.id, note));
  expect(state, JSON.stringify(state)).toMatchObject({ status: 'success', data: { outcome: 'saved' } });
  const incomingRow = (await rowsOf(threat.id)).find((r) => r.userId === incoming.id)!;
  return { threat, outgoing, incoming, deputy, manager, incomingRow };
}

describe('assignLro: replacing the LRO is a handover, which needs a note', () => {
  it.each([
    ['no note', undefined],
    ['an empty note', ''],
    ['a note of spaces', '   '],
  ])('refuses %s when the LRO changes, saving nothing', async (_case, note) => {
    const [outgoing, incoming] = [await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: outgoing.id });
    const state = await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 1, incoming.id, null, note));
    expect(state).toMatchObject({ status: 'error', code: 'VALIDATION', fieldErrors: { handoverNote: [HANDOVER_NOTE_MESSAGE] } });
    expect(await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { leadResponsibleOfficerId: true, version: true } })).toEqual({
      leadResponsibleOfficerId: outgoing.id,
      version: 1,
    });
    expect(await rowsOf(threat.id)).toHaveLength(1);
  });

  it('names every problem at once: the note and an officer who cannot be appointed', async () => {
    const outgoing = await trainedLro(orgs.west);
    const outsider = await makeUser(orgs.south, ['LRO']);
    const threat = await makeHeldThreat(orgs.west, { lroId: outgoing.id });
    const state = await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 1, outsider.id, null));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { handoverNote: [HANDOVER_NOTE_MESSAGE], leadResponsibleOfficerId: ['Select an LRO from the list'] } });
  });

  it('a version conflict is reported before the missing note', async () => {
    const [outgoing, incoming] = [await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: outgoing.id });
    const state = await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 7, incoming.id, null));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT' });
  });

  it.each([
    ['appointing a first LRO', null, 'new', undefined],
    ['removing the LRO', 'old', null, undefined],
    ['changing only the deputy', 'old', 'old', undefined],
  ] as const)('needs no note when %s, and opens no handover', async (_case, from, to, note) => {
    const [old, fresh, deputy] = [await trainedLro(orgs.west), await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const pick = (who: 'old' | 'new' | null) => (who === 'old' ? old.id : who === 'new' ? fresh.id : null);
    const threat = await makeHeldThreat(orgs.west, { lroId: pick(from) });
    const state = await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 1, pick(to), deputy.id, note));
    expect(state).toMatchObject({ status: 'success', data: { outcome: 'saved' } });
    expect((await rowsOf(threat.id)).filter((r) => r.handoverNote !== null)).toEqual([]);
    for (const officer of [old, fresh, deputy]) expect(await listPendingHandovers(officer)).toEqual([]);
  });

  it('stores the note with the outgoing LRO (as before) and on the incoming LRO\'s new row, unseen; not on the deputy\'s', async () => {
    const { threat, outgoing, deputy, incomingRow } = await handedOverThreat('  Read the SCPO file first.  ');
    const rows = await rowsOf(threat.id);
    expect(rows.find((r) => r.userId === outgoing.id)).toMatchObject({ role: 'LRO', endedAt: expect.any(Date), handoverNote: 'Read the SCPO file first.' });
    expect(incomingRow).toMatchObject({ role: 'LRO', endedAt: null, handoverNote: 'Read the SCPO file first.', handoverSeenAt: null });
    expect(rows.find((r) => r.userId === deputy.id)).toMatchObject({ role: 'DEPUTY', endedAt: null, handoverNote: null });
    const [event] = await prisma.auditEvent.findMany({ where: { threatId: threat.id, action: 'threat.assign-lro' }, select: { after: true } });
    expect(JSON.parse(event!.after!)).toMatchObject({ handoverNote: 'Read the SCPO file first.' });
  });
});

describe('what the incoming LRO is shown', () => {
  it('lists the handover on their work, and shows them the note, the open actions and the flags they inherit', async () => {
    const { threat, incoming, incomingRow } = await handedOverThreat();
    expect(await listPendingHandovers(incoming)).toEqual([
      {
        assignmentId: incomingRow.id,
        threatId: threat.id,
        threatUrn: threat.urn,
        threatName: threat.name,
        handedOverAt: expect.any(Date),
        outgoing: { name: 'Outgoing Officer', rank: null },
      },
    ]);

    const panel = await getHandoverPanel(incoming, threat.id, new Date());
    expect(panel).toMatchObject({
      assignmentId: incomingRow.id,
      outgoing: { name: 'Outgoing Officer', rank: null },
      handedOverBy: { name: 'Handing Manager', rank: null },
      note: 'Two warrants pending; the SCPO on the head of the group needs checking.',
      openActionCount: 3,
    });
    // Open actions only, soonest due first, undated last; each with what it is, its strand, due date and owner.
    expect(panel!.actions.map((a) => [a.description, a.strand, a.status])).toEqual([
      ['Overdue open action', 'PREVENT', 'NOT_STARTED'],
      ['Later open action', 'PURSUE', 'IN_PROGRESS'],
      ['Undated blocked action', 'PROTECT', 'BLOCKED'],
    ]);
    expect(panel!.actions[0]).toMatchObject({ ownerUser: null, ownerOrganisation: { name: 'Partner agency' }, ownerContactName: 'Fraud team', dueOn: expect.any(Date) });
    expect(panel!.actions[1]!.ownerUser).toEqual({ name: 'Outgoing Officer', rank: null, organisationName: 'West force' });
    expect(panel!.actions[2]!.dueOn).toBeNull();
    // The threat's flags, as the compliance engine has them: the overdue action among them.
    expect(panel!.flags.map((f) => f.code)).toContain('ACTION_OVERDUE');
  });

  it('shows nothing to anyone else: the outgoing LRO, the deputy, the manager', async () => {
    const { threat, outgoing, deputy, manager } = await handedOverThreat();
    for (const user of [outgoing, deputy, manager]) {
      expect(await getHandoverPanel(user, threat.id, new Date())).toBeNull();
      expect(await listPendingHandovers(user)).toEqual([]);
    }
  });

  it('a threat with no live plan hands over no actions', async () => {
    const [outgoing, incoming] = [await trainedLro(orgs.west), await trainedLro(orgs.west)];
    const threat = await makeHeldThreat(orgs.west, { lroId: outgoing.id });
    await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 1, incoming.id, null, 'No plan yet.'));
    expect(await getHandoverPanel(incoming, threat.id, new Date())).toMatchObject({ note: 'No plan yet.', actions: [], openActionCount: 0 });
  });
});

describe('acknowledgeHandover: only the incoming LRO may say they have read it', () => {
  it('the incoming LRO: marked seen, audited once with the threat, and the handover is no longer shown', async () => {
    const { threat, incoming, incomingRow } = await handedOverThreat();
    const before = Date.now();
    const state = await runAuthed(incoming, acknowledgeHandover, { assignmentId: incomingRow.id });
    expect(state).toEqual({ status: 'success', message: 'Handover acknowledged', data: { threatId: threat.id, acknowledged: true } });
    const row = await prisma.lroAssignment.findUniqueOrThrow({ where: { id: incomingRow.id }, select: { handoverSeenAt: true, handoverNote: true } });
    expect(row.handoverSeenAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The note stays in the history.
    expect(row.handoverNote).toBe('Two warrants pending; the SCPO on the head of the group needs checking.');

    const events = await acknowledgements(threat.id);
    expect(events).toEqual([{ actorId: incoming.id, entityType: 'LroAssignment', entityId: incomingRow.id, organisationId: orgs.west.id, threatId: threat.id, after: expect.any(String) }]);
    expect(JSON.parse(events[0]!.after!)).toEqual({ handoverSeenAt: row.handoverSeenAt!.toISOString() });
    expect((await listThreatHistory(threat.id, 1)).events.map((e) => e.action)).toContain(HANDOVER_ACKNOWLEDGED_AUDIT);

    expect(await getHandoverPanel(incoming, threat.id, new Date())).toBeNull();
    expect(await listPendingHandovers(incoming)).toEqual([]);

    // A second click changes nothing and records nothing.
    expect(await runAuthed(incoming, acknowledgeHandover, { assignmentId: incomingRow.id })).toMatchObject({ status: 'success', data: { acknowledged: false } });
    expect(await acknowledgements(threat.id)).toHaveLength(1);
    expect((await prisma.lroAssignment.findUniqueOrThrow({ where: { id: incomingRow.id }, select: { handoverSeenAt: true } })).handoverSeenAt).toEqual(row.handoverSeenAt);
  });

  type Other = { who: string; make: (ctx: Awaited<ReturnType<typeof handedOverThreat>>) => Promise<CurrentUser> };
  const others: Other[] = [
    { who: 'the outgoing LRO', make: async ({ outgoing }) => outgoing },
    { who: 'the deputy', make: async ({ deputy }) => deputy },
    { who: 'the manager who handed it over', make: async ({ manager }) => manager },
    ...(
      [
        ['another LRO of the force', 'LRO', 'west'],
        ['a co-ordinator of the force', 'COORDINATOR', 'west'],
        ['the regional co-ordinator', 'COORDINATOR', 'region'],
        ['an admin of the region', 'ADMIN', 'region'],
        ['a partner agency user', 'ACTION_OWNER', 'partner'],
        ['a manager of another force', 'MANAGER', 'south'],
        ['an LRO of another force', 'LRO', 'south'],
      ] as [string, Role, keyof Orgs][]
    ).map(([who, role, org]): Other => ({ who, make: async () => asCurrentUser((await makeUser(orgs[org], [role])).id) })),
  ];

  it.each(others)('$who: refused as not found, nothing changed or recorded', async ({ make }) => {
    const ctx = await handedOverThreat();
    const user = await make(ctx);
    const state = await runAuthed(user, acknowledgeHandover, { assignmentId: ctx.incomingRow.id });
    expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect((await prisma.lroAssignment.findUniqueOrThrow({ where: { id: ctx.incomingRow.id }, select: { handoverSeenAt: true } })).handoverSeenAt).toBeNull();
    expect(await acknowledgements(ctx.threat.id)).toEqual([]);
    expect(await getHandoverPanel(ctx.incoming, ctx.threat.id, new Date())).not.toBeNull();
  });

  it('an LRO who has been replaced in turn can no longer acknowledge the handover they received', async () => {
    const { threat, incoming, deputy, incomingRow } = await handedOverThreat();
    const next = await trainedLro(orgs.west);
    const state = await runAuthed(await managerOf(orgs.west), assignLro, assignInput(threat, 2, next.id, deputy.id, 'Moving on again.'));
    expect(state).toMatchObject({ status: 'success', data: { outcome: 'saved' } });
    expect(await runAuthed(incoming, acknowledgeHandover, { assignmentId: incomingRow.id })).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    expect(await listPendingHandovers(incoming)).toEqual([]);
    // The next LRO's handover names the one before them.
    expect(await listPendingHandovers(next)).toEqual([expect.objectContaining({ threatId: threat.id, outgoing: { name: 'Incoming Officer', rank: null } })]);
    expect((await getHandoverPanel(next, threat.id, new Date()))?.note).toBe('Moving on again.');
  });

  it.each([
    ['no assignment id', {}],
    ['an empty assignment id', { assignmentId: '' }],
    ['an unknown field', { assignmentId: 'x', userId: 'y' }],
  ])('bad input: %s', async (_case, input) => {
    const { incoming } = await handedOverThreat();
    expect(await runAuthed(incoming, acknowledgeHandover, input)).toMatchObject({ status: 'error', message: 'There is a problem' });
  });

  it('an assignment id that does not exist is not found', async () => {
    const { incoming } = await handedOverThreat();
    expect(await runAuthed(incoming, acknowledgeHandover, { assignmentId: 'no-such-assignment' })).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it('a plain form post works', async () => {
    const { threat, incoming, incomingRow } = await handedOverThreat();
    const form = new FormData();
    form.append('assignmentId', incomingRow.id);
    expect(await runAuthed(incoming, acknowledgeHandover, form)).toMatchObject({ status: 'success', data: { threatId: threat.id, acknowledged: true } });
  });
});
