import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthed } from './authed-action';
import { createOrder, editOrder, OFFICER_NOT_IN_LIST_MESSAGE, ORGANISATION_NOT_IN_LIST_MESSAGE, recordComplianceCheck, THREAT_NOT_FOUND_MESSAGE } from './orders';
import { prisma } from '@/lib/db/client';
import { getThreatFlags } from '@/lib/db/compliance';
import { getOrderDetail } from '@/lib/db/orders';
import type { Role } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { MISSING_BREACH_NOTE } from '@/lib/validation/orders';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';
import { dayDate, dayKey, dayParts, makeOrder } from '@/test/order-factories';

type Orgs = Awaited<ReturnType<typeof makeRegion>>;
let orgs: Orgs;

beforeAll(async () => {
  orgs = await makeRegion();
});

const userOf = async (org: keyof Orgs, roles: Role[], name?: string) => asCurrentUser((await makeUser(orgs[org], roles, { name })).id);

const createInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'SCPO',
  subjectName: 'Kestrel Nominal',
  threatUrn: '',
  organisationId: orgs.west.id,
  madeOn: dayParts(-200),
  startsOn: dayParts(-150),
  expiresOn: dayParts(900),
  conditions: 'No more than one mobile phone, to be notified.',
  managingTeam: 'Integrated Offender Management',
  managingOfficerId: '',
  ...overrides,
});

const editInput = (order: { id: string; version: number }, overrides: Record<string, unknown> = {}) => ({
  orderId: order.id,
  version: order.version,
  ...createInput(),
  ...overrides,
});

const checkInput = (orderId: string, overrides: Record<string, unknown> = {}) => ({
  orderId,
  checkedOn: dayParts(0),
  result: 'COMPLIANT',
  note: '',
  ...overrides,
});

const orderRow = (id: string) =>
  prisma.ancillaryOrder.findUniqueOrThrow({
    where: { id },
    select: { subjectName: true, version: true, organisationId: true, threatId: true, managingOfficerId: true, lastComplianceCheckOn: true, breachCount: true },
  });
const auditOf = (action: string, entityId?: string) =>
  prisma.auditEvent.findMany({
    where: { action, ...(entityId ? { entityId } : {}) },
    select: { actorId: true, entityType: true, entityId: true, organisationId: true, threatId: true, before: true, after: true },
  });

/**
 * Who is who around one West force order: its managing officer (an LRO in a district below the
 * force), and the LRO of the threat it is linked to.
 */
async function orderWorld() {
  const officer = await userOf('westLpa', ['LRO'], 'Managing Officer');
  const holder = await userOf('west', ['LRO'], 'Threat Holder');
  const threat = await makeThreat(orgs.west, { leadResponsibleOfficerId: holder.id });
  const order = await makeOrder(orgs.west, { threatId: threat.id, managingOfficerId: officer.id, lastCheckInDays: -100 });
  return { officer, holder, threat, order };
}

type Who = 'managingOfficer' | 'threatHolder' | { org: keyof Orgs; role: Role };
const cases = (allowed: (who: string) => boolean): { who: string; as: Who; allowed: boolean }[] =>
  (
    [
      ['a manager of the force', { org: 'west', role: 'MANAGER' }],
      ['a manager of the region', { org: 'region', role: 'MANAGER' }],
      ['a co-ordinator of the force', { org: 'west', role: 'COORDINATOR' }],
      ['the regional co-ordinator', { org: 'region', role: 'COORDINATOR' }],
      ['the managing officer (an LRO)', 'managingOfficer'],
      ['the LRO of the linked threat', 'threatHolder'],
      ['another LRO of the force', { org: 'west', role: 'LRO' }],
      ['an admin of the region', { org: 'region', role: 'ADMIN' }],
      ['a partner agency user', { org: 'partner', role: 'ACTION_OWNER' }],
      ['a manager of a district below the force', { org: 'westLpa', role: 'MANAGER' }],
      ['a manager of another force', { org: 'south', role: 'MANAGER' }],
      ['a co-ordinator of another force', { org: 'south', role: 'COORDINATOR' }],
    ] as const
  ).map(([who, as]) => ({ who, as: as as Who, allowed: allowed(who) }));

async function actor(world: Awaited<ReturnType<typeof orderWorld>>, as: Who): Promise<CurrentUser> {
  if (as === 'managingOfficer') return world.officer;
  if (as === 'threatHolder') return world.holder;
  return userOf(as.org, [as.role]);
}

const MANAGERS = ['a manager of the force', 'a manager of the region', 'a co-ordinator of the force', 'the regional co-ordinator'];

describe('createOrder: who may add an order (order:manage over the organisation)', () => {
  it.each(cases((who) => MANAGERS.includes(who)).filter((c) => typeof c.as !== 'string'))('$who -> allowed: $allowed', async ({ as, allowed }) => {
    const user = await userOf((as as { org: keyof Orgs }).org, [(as as { role: Role }).role]);
    const subjectName = `Subject of ${user.id}`;
    const state = await runAuthed(user, createOrder, createInput({ subjectName }));
    const rows = await prisma.ancillaryOrder.findMany({ where: { subjectName }, select: { id: true, organisationId: true } });
    if (allowed) {
      expect(state, JSON.stringify(state)).toMatchObject({ status: 'success', data: { orderId: rows[0]?.id } });
      expect(rows).toEqual([{ id: expect.any(String), organisationId: orgs.west.id }]);
      expect(await auditOf('order.created', rows[0]!.id)).toMatchObject([{ actorId: user.id, entityType: 'AncillaryOrder', organisationId: orgs.west.id, threatId: null }]);
    } else {
      // Refused exactly as if the organisation did not exist.
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(rows).toEqual([]);
    }
  });

  it('stores what was entered: dates as calendar days, blanks as nothing, the threat by its URN', async () => {
    const manager = await userOf('west', ['MANAGER']);
    const officer = await makeUser(orgs.westLpa, ['LRO']);
    const threat = await makeThreat(orgs.westLpa);
    const state = await runAuthed(manager, createOrder, createInput({ threatUrn: ` ${threat.urn.toLowerCase()} `, managingOfficerId: officer.id, conditions: '  ', expiresOn: { day: '', month: '', year: '' } }));
    expect(state.status, JSON.stringify(state)).toBe('success');
    const id = (state as { data: { orderId: string } }).data.orderId;
    const row = await prisma.ancillaryOrder.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: 'SCPO',
      subjectName: 'Kestrel Nominal',
      threatId: threat.id,
      organisationId: orgs.west.id,
      madeOn: dayDate(-200),
      startsOn: dayDate(-150),
      expiresOn: null,
      conditions: null,
      managingTeam: 'Integrated Offender Management',
      managingOfficerId: officer.id,
      lastComplianceCheckOn: null,
      breachCount: 0,
      version: 1,
    });
    const [event] = await auditOf('order.created', id);
    expect(event).toMatchObject({ threatId: threat.id, before: null });
    expect(JSON.parse(event!.after!)).toMatchObject({ subjectName: 'Kestrel Nominal', threat: { id: threat.id, urn: threat.urn }, madeOn: dayKey(-200), expiresOn: null, managingOfficer: { id: officer.id } });
  });
});

describe('createOrder: bad input is refused with a message on the field, and nothing is saved', () => {
  const refused = async (input: Record<string, unknown>, fieldErrors: Record<string, string[]>) => {
    const manager = await userOf('west', ['MANAGER']);
    const subjectName = typeof input.subjectName === 'string' && input.subjectName ? input.subjectName : `Refused ${Math.random()}`;
    const state = await runAuthed(manager, createOrder, createInput({ subjectName, ...input }));
    expect(state).toMatchObject({ status: 'error', fieldErrors });
    expect(await prisma.ancillaryOrder.count({ where: { subjectName } })).toBe(0);
  };

  it('nothing chosen or entered', async () => {
    const manager = await userOf('west', ['MANAGER']);
    const state = await runAuthed(manager, createOrder, createInput({ kind: '', subjectName: ' ', organisationId: '', madeOn: {}, startsOn: { day: '3', month: '', year: '2026' } }));
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        kind: ['Select the kind of order'],
        subjectName: ['Enter the name of the subject of the order'],
        organisationId: ['Select the organisation responsible for the order'],
        madeOn: ['Enter the date the order was made'],
        'startsOn.month': ['Start date must include a month'],
      },
    });
  });

  it('dates out of order, or made in the future', async () => {
    await refused({ madeOn: dayParts(2), startsOn: dayParts(3) }, { madeOn: ['Date the order was made must be today or in the past'] });
    await refused({ madeOn: dayParts(-10), startsOn: dayParts(-11) }, { startsOn: ['Start date must be the same as or after the date the order was made'] });
    await refused({ startsOn: dayParts(-10), expiresOn: dayParts(-10) }, { expiresOn: ['Expiry date must be after the start date'] });
  });

  it('a threat the user may not see, or that does not exist', async () => {
    const elsewhere = await makeThreat(orgs.south);
    await refused({ threatUrn: elsewhere.urn }, { threatUrn: [THREAT_NOT_FOUND_MESSAGE] });
    await refused({ threatUrn: 'NO-SUCH-URN' }, { threatUrn: [THREAT_NOT_FOUND_MESSAGE] });
  });

  it.each([
    ['an officer of another force', async () => makeUser(orgs.south, ['LRO'])],
    ['a partner agency contact', async () => makeUser(orgs.west, ['ACTION_OWNER'])],
    ['an officer who is no longer active', async () => makeUser(orgs.west, ['LRO'], { active: false })],
    ['an unknown id', async () => ({ id: 'no-such-user' })],
  ])('a managing officer who may not manage it: %s', async (_who, make) => {
    await refused({ managingOfficerId: (await make()).id }, { managingOfficerId: [OFFICER_NOT_IN_LIST_MESSAGE] });
  });

  it('a field the form does not have', async () => {
    const manager = await userOf('west', ['MANAGER']);
    const state = await runAuthed(manager, createOrder, { ...createInput(), breachCount: 5 });
    expect(state).toMatchObject({ status: 'error', message: 'There is a problem' });
  });
});

describe('editOrder: who may change an order (order:manage over its organisation)', () => {
  it.each(cases((who) => MANAGERS.includes(who)))('$who -> allowed: $allowed', async ({ as, allowed }) => {
    const world = await orderWorld();
    const user = await actor(world, as);
    const state = await runAuthed(user, editOrder, editInput(world.order, { subjectName: 'Renamed', threatUrn: world.threat.urn, managingOfficerId: world.officer.id }));
    const after = await orderRow(world.order.id);
    if (allowed) {
      expect(state, JSON.stringify(state)).toMatchObject({ status: 'success', data: { version: 2 } });
      expect(after).toMatchObject({ subjectName: 'Renamed', version: 2, threatId: world.threat.id, managingOfficerId: world.officer.id });
      const [event] = await auditOf('order.updated', world.order.id);
      expect(event).toMatchObject({ actorId: user.id, entityType: 'AncillaryOrder', organisationId: orgs.west.id, threatId: world.threat.id });
      expect(JSON.parse(event!.before!)).toMatchObject({ subjectName: world.order.subjectName });
      expect(JSON.parse(event!.after!)).toMatchObject({ subjectName: 'Renamed' });
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(after).toMatchObject({ subjectName: world.order.subjectName, version: 1 });
      expect(await auditOf('order.updated', world.order.id)).toEqual([]);
    }
  });

  it('keeps the linked threat and the managing officer when unchanged, even if they would no longer be accepted', async () => {
    // The officer has moved to another force since, and the manager cannot see the threat.
    const movedOfficer = await makeUser(orgs.south, ['LRO']);
    const hiddenThreat = await makeThreat(orgs.south);
    const order = await makeOrder(orgs.west, { threatId: hiddenThreat.id, managingOfficerId: movedOfficer.id });
    const manager = await userOf('west', ['MANAGER']);
    const state = await runAuthed(manager, editOrder, editInput(order, { threatUrn: hiddenThreat.urn, managingOfficerId: movedOfficer.id, managingTeam: 'New team' }));
    expect(state.status, JSON.stringify(state)).toBe('success');
    expect(await orderRow(order.id)).toMatchObject({ threatId: hiddenThreat.id, managingOfficerId: movedOfficer.id, version: 2 });
  });

  it('moves the order to another organisation of the user\'s, not to one outside it', async () => {
    const order = await makeOrder(orgs.west);
    const manager = await userOf('west', ['MANAGER']);
    const refused = await runAuthed(manager, editOrder, editInput(order, { organisationId: orgs.south.id }));
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { organisationId: [ORGANISATION_NOT_IN_LIST_MESSAGE] } });
    expect(await orderRow(order.id)).toMatchObject({ organisationId: orgs.west.id, version: 1 });
    const moved = await runAuthed(manager, editOrder, editInput(order, { organisationId: orgs.westLpa.id }));
    expect(moved.status, JSON.stringify(moved)).toBe('success');
    expect(await orderRow(order.id)).toMatchObject({ organisationId: orgs.westLpa.id, version: 2 });
  });

  it('refuses a save from an old version, naming who saved first; nothing is overwritten', async () => {
    const order = await makeOrder(orgs.west);
    const first = await userOf('west', ['MANAGER'], 'Inspector First');
    const second = await userOf('west', ['COORDINATOR'], 'Analyst Second');
    expect((await runAuthed(first, editOrder, editInput(order, { subjectName: 'First save' }))).status).toBe('success');
    const state = await runAuthed(second, editOrder, editInput(order, { subjectName: 'Second save' }));
    expect(state).toMatchObject({ status: 'error', code: 'CONFLICT', message: expect.stringContaining('Inspector First changed this on') });
    expect(await orderRow(order.id)).toMatchObject({ subjectName: 'First save', version: 2 });
  });

  it('an order that does not exist is not found', async () => {
    const manager = await userOf('west', ['MANAGER']);
    expect(await runAuthed(manager, editOrder, editInput({ id: 'no-such-order', version: 1 }))).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });
});

describe('recordComplianceCheck: who may record a check (order:record-check: managers, co-ordinators, the managing officer)', () => {
  it.each(cases((who) => MANAGERS.includes(who) || who === 'the managing officer (an LRO)'))('$who -> allowed: $allowed', async ({ as, allowed }) => {
    const world = await orderWorld();
    const user = await actor(world, as);
    const state = await runAuthed(user, recordComplianceCheck, checkInput(world.order.id, { note: 'Seen at home; one phone, as notified.' }));
    const checks = await prisma.orderComplianceCheck.findMany({ where: { orderId: world.order.id }, select: { checkedById: true, result: true, checkedOn: true, note: true } });
    if (allowed) {
      expect(state, JSON.stringify(state)).toMatchObject({ status: 'success' });
      expect(checks).toEqual([{ checkedById: user.id, result: 'COMPLIANT', checkedOn: dayDate(0), note: 'Seen at home; one phone, as notified.' }]);
      expect(await orderRow(world.order.id)).toMatchObject({ lastComplianceCheckOn: dayDate(0), breachCount: 0, version: 1 });
      expect(await auditOf('order.check-recorded', (state as { data: { checkId: string } }).data.checkId)).toMatchObject([
        { actorId: user.id, entityType: 'OrderComplianceCheck', organisationId: orgs.west.id, threatId: world.threat.id },
      ]);
    } else {
      expect(state).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
      expect(checks).toEqual([]);
      expect(await orderRow(world.order.id)).toMatchObject({ lastComplianceCheckOn: dayDate(-100) });
    }
  });
});

describe('recordComplianceCheck: the last check and the breaches', () => {
  it('the last check is the latest date, whatever order checks are recorded in; each breach counts', async () => {
    const order = await makeOrder(orgs.west, { lastCheckInDays: null, startsInDays: -300 });
    const manager = await userOf('west', ['MANAGER']);
    const record = async (days: number, result: string, note = '') => {
      const state = await runAuthed(manager, recordComplianceCheck, checkInput(order.id, { checkedOn: dayParts(days), result, note }));
      expect(state.status, JSON.stringify(state)).toBe('success');
      return orderRow(order.id);
    };
    expect(await record(-20, 'BREACH', 'Undeclared phone found.')).toMatchObject({ lastComplianceCheckOn: dayDate(-20), breachCount: 1 });
    // Recorded late, for an earlier day: the last check stays the later one.
    expect(await record(-60, 'COMPLIANT')).toMatchObject({ lastComplianceCheckOn: dayDate(-20), breachCount: 1 });
    expect(await record(-5, 'UNABLE_TO_CHECK', 'No reply at the notified address.')).toMatchObject({ lastComplianceCheckOn: dayDate(-5), breachCount: 1 });
    expect(await record(-1, 'BREACH', 'Cash over the limit.')).toMatchObject({ lastComplianceCheckOn: dayDate(-1), breachCount: 2 });
    expect(await prisma.orderComplianceCheck.count({ where: { orderId: order.id } })).toBe(4);
    // A check is not a change of the details: an editor who opened the order before it is not refused.
    expect(await orderRow(order.id)).toMatchObject({ version: 1 });
  });

  it.each([
    ['a date in the future', { checkedOn: dayParts(1) }, { checkedOn: ['Date of the check must be today or in the past'] }],
    ['no date', { checkedOn: { day: '', month: '', year: '' } }, { checkedOn: ['Enter the date of the check'] }],
    ['no result', { result: '' }, { result: ['Select the result of the check'] }],
    ['a breach without a note', { result: 'BREACH', note: '   ' }, { note: [MISSING_BREACH_NOTE] }],
  ])('refuses %s', async (_what, input, fieldErrors) => {
    const order = await makeOrder(orgs.west, { lastCheckInDays: -30 });
    const state = await runAuthed(await userOf('west', ['MANAGER']), recordComplianceCheck, checkInput(order.id, input));
    expect(state).toMatchObject({ status: 'error', fieldErrors });
    expect(await prisma.orderComplianceCheck.count({ where: { orderId: order.id } })).toBe(0);
    expect(await orderRow(order.id)).toMatchObject({ lastComplianceCheckOn: dayDate(-30), breachCount: 0 });
  });

  it('refuses a check dated before the order started', async () => {
    const order = await makeOrder(orgs.west, { startsInDays: -10, madeDaysAgo: -40, lastCheckInDays: null });
    const state = await runAuthed(await userOf('west', ['MANAGER']), recordComplianceCheck, checkInput(order.id, { checkedOn: dayParts(-11) }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { checkedOn: [expect.stringContaining('Date of the check must be the same as or after the date the order started')] } });
    expect(await prisma.orderComplianceCheck.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe('ORDER_NOT_MONITORED is cleared by a check (the rules, on the order and on its threat)', () => {
  it('an order never checked in 120 days is an alert; a check today clears it', async () => {
    const threat = await makeThreat(orgs.west);
    const order = await makeOrder(orgs.west, { threatId: threat.id, startsInDays: -120, madeDaysAgo: -130, lastCheckInDays: null });
    const manager = await userOf('west', ['MANAGER']);
    const orderFlagsNow = async () => (await getOrderDetail(manager, order.id, new Date()))!.flags.map((f) => `${f.code}:${f.severity}`);
    const threatOrderFlags = async () => (await getThreatFlags(threat.id, new Date())).filter((f) => f.subject.kind === 'ORDER').map((f) => `${f.subject.id}:${f.severity}`);

    expect(await orderFlagsNow()).toEqual(['ORDER_NOT_MONITORED:alert']);
    expect(await threatOrderFlags()).toEqual([`${order.id}:alert`]);

    expect((await runAuthed(manager, recordComplianceCheck, checkInput(order.id))).status).toBe('success');
    expect(await orderFlagsNow()).toEqual([]);
    expect(await threatOrderFlags()).toEqual([]);
  });

  it('a check recorded for a day long past does not clear it', async () => {
    const order = await makeOrder(orgs.west, { startsInDays: -300, madeDaysAgo: -310, lastCheckInDays: null });
    const manager = await userOf('west', ['MANAGER']);
    expect((await runAuthed(manager, recordComplianceCheck, checkInput(order.id, { checkedOn: dayParts(-200) }))).status).toBe('success');
    expect((await getOrderDetail(manager, order.id, new Date()))!.flags).toMatchObject([{ code: 'ORDER_NOT_MONITORED', severity: 'alert' }]);
  });
});
