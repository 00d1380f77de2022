import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from './client';
import { getEffectiveThresholds } from './settings';
import {
  commonAncestorPath,
  getOrderDetail,
  listManagedOrders,
  listManagingOfficerOptions,
  listOrderFilterOptions,
  listOrders,
  listThreatOrders,
} from './orders';
import type { Role } from '@/lib/auth/policy';
import { orderFlags } from '@/lib/domain/compliance/rules';
import { orderRegisterQuerySchema, type OrderRegisterQuery } from '@/lib/validation/orders';
import { asCurrentUser, makeOrganisation, makeRegion, makeThreat, makeUser } from '@/test/factories';
import { dayKey, makeOrder } from '@/test/order-factories';

const query = (params: Record<string, string> = {}): OrderRegisterQuery => orderRegisterQuerySchema.parse(params);
const subjects = async (user: Awaited<ReturnType<typeof asCurrentUser>>, params: Record<string, string> = {}) =>
  (await listOrders(user, query(params))).rows.map((row) => row.subjectName);

type Orgs = Awaited<ReturnType<typeof makeRegion>>;

/**
 * A region of its own, so that every count is exact: West force (with a district) and South
 * force, each with orders in every state the register tells apart.
 */
async function world() {
  const orgs = await makeRegion();
  const userOf = async (org: keyof Orgs, roles: Role[], name?: string) => asCurrentUser((await makeUser(orgs[org], roles, { name })).id);
  const lro = await userOf('west', ['LRO'], 'Lee Holder');
  const officer = await userOf('westLpa', ['LRO'], 'Ola Manager');
  const heldThreat = await makeThreat(orgs.west, { leadResponsibleOfficerId: lro.id });
  const southThreat = await makeThreat(orgs.south, { leadResponsibleOfficerId: lro.id });
  const orders = {
    // Checked 10 days ago, no flag.
    westFine: await makeOrder(orgs.west, { subjectName: 'A West fine', kind: 'SCPO', managingOfficerId: officer.id, threatId: heldThreat.id }),
    // Never checked, started 200 days ago: an alert.
    westUnchecked: await makeOrder(orgs.west, { subjectName: 'B West unchecked', kind: 'STRO', lastCheckInDays: null, startsInDays: -200, madeDaysAgo: -210 }),
    // Expires in 30 days: a warning.
    lpaExpiring: await makeOrder(orgs.westLpa, { subjectName: 'C District expiring', kind: 'CLOSURE_ORDER', expiresInDays: 30, managingOfficerId: officer.id }),
    // Expired last week: no flag, not "expiring".
    westExpired: await makeOrder(orgs.west, { subjectName: 'D West expired', expiresInDays: -7, lastCheckInDays: -300, startsInDays: -700, madeDaysAgo: -710 }),
    // No expiry, checked 95 days ago: an alert.
    westNoExpiry: await makeOrder(orgs.west, { subjectName: 'E West no expiry', expiresInDays: null, lastCheckInDays: -95 }),
    // South: managed by the West district officer, and one on the South threat the West LRO holds.
    southManaged: await makeOrder(orgs.south, { subjectName: 'F South managed', managingOfficerId: officer.id, lastCheckInDays: null, startsInDays: -100, madeDaysAgo: -100 }),
    southOnHeldThreat: await makeOrder(orgs.south, { subjectName: 'G South on held threat', threatId: southThreat.id }),
    southOther: await makeOrder(orgs.south, { subjectName: 'H South other' }),
  };
  return { orgs, userOf, lro, officer, heldThreat, southThreat, orders };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('listOrders: who sees which orders (order:read)', () => {
  it('a force manager: their force and the district below it, not another force', async () => {
    expect(await subjects(await w.userOf('west', ['MANAGER']), { sort: 'subject' })).toEqual([
      'A West fine',
      'B West unchecked',
      'C District expiring',
      'D West expired',
      'E West no expiry',
    ]);
  });

  it('a district manager: only the district', async () => {
    expect(await subjects(await w.userOf('westLpa', ['MANAGER']), { sort: 'subject' })).toEqual(['C District expiring']);
  });

  it('the regional co-ordinator: every force of the region', async () => {
    expect(await subjects(await w.userOf('region', ['COORDINATOR']))).toHaveLength(8);
  });

  it('an LRO: the orders on the threats they hold, wherever they are held, and no others of their force', async () => {
    expect(await subjects(w.lro, { sort: 'subject' })).toEqual(['A West fine', 'G South on held threat']);
  });

  it('a managing officer: the orders they manage, in another force too', async () => {
    expect(await subjects(w.officer, { sort: 'subject' })).toEqual(['A West fine', 'C District expiring', 'F South managed']);
  });

  it.each<[string, keyof Orgs, Role]>([
    ['a partner agency user', 'partner', 'ACTION_OWNER'],
    ['an admin of the region', 'region', 'ADMIN'],
    ['an LRO with no orders', 'west', 'LRO'],
    ['a manager of another force', 'south', 'MANAGER'],
  ])('%s sees none of West\'s orders', async (_who, org, role) => {
    const seen = await subjects(await w.userOf(org, [role]));
    expect(seen.filter((s) => /West|District/.test(s))).toEqual([]);
  });
});

describe('listOrders: flags (the compliance engine\'s SQL, agreeing with the pure rule)', () => {
  it('each row carries ORDER_NOT_MONITORED as the rule judges it, with the order organisation\'s thresholds', async () => {
    const coordinator = await w.userOf('region', ['COORDINATOR']);
    const now = new Date();
    const page = await listOrders(coordinator, query(), now);
    const bySubject = Object.fromEntries(page.rows.map((r) => [r.subjectName, r.flag]));
    expect(bySubject).toEqual({
      'A West fine': null,
      'B West unchecked': 'alert',
      'C District expiring': 'warning',
      'D West expired': null,
      'E West no expiry': 'alert',
      'F South managed': 'alert',
      'G South on held threat': null,
      'H South other': null,
    });
    for (const row of page.rows) {
      const order = await prisma.ancillaryOrder.findUniqueOrThrow({ where: { id: row.id }, include: { organisation: { select: { path: true } } } });
      const expected = orderFlags(order, await getEffectiveThresholds(order.organisation.path), now)[0]?.severity ?? null;
      expect(row.flag, row.subjectName).toBe(expected);
    }
  });

  it('follows the organisation\'s own threshold: a stricter force flags an order checked 40 days ago', async () => {
    const orgs = await makeRegion();
    await prisma.complianceSettings.create({ data: { organisationId: orgs.west.id, orderCheckDays: 30 } });
    await makeOrder(orgs.west, { subjectName: 'Strict', lastCheckInDays: -40 });
    await makeOrder(orgs.south, { subjectName: 'Lax', lastCheckInDays: -40 });
    const page = await listOrders(await asCurrentUser((await makeUser(orgs.region, ['COORDINATOR'])).id), query({ sort: 'subject' }));
    expect(page.rows.map((r) => [r.subjectName, r.flag])).toEqual([
      ['Lax', null],
      ['Strict', 'alert'],
    ]);
  });

  it('an LRO whose orders are in two forces sees each judged', async () => {
    expect((await listOrders(w.officer, query({ sort: 'subject' }))).rows.map((r) => [r.subjectName, r.flag])).toEqual([
      ['A West fine', null],
      ['C District expiring', 'warning'],
      ['F South managed', 'alert'],
    ]);
  });
});

describe('listOrders: filters and sorting', () => {
  let manager: Awaited<ReturnType<typeof asCurrentUser>>;
  beforeAll(async () => {
    manager = await w.userOf('west', ['MANAGER']);
  });

  it('by kind, organisation and managing officer (or none)', async () => {
    expect(await subjects(manager, { kind: 'STRO' })).toEqual(['B West unchecked']);
    expect(await subjects(manager, { organisation: w.orgs.westLpa.id })).toEqual(['C District expiring']);
    expect(await subjects(manager, { officer: w.officer.id, sort: 'subject' })).toEqual(['A West fine', 'C District expiring']);
    expect(await subjects(manager, { officer: 'none', sort: 'subject' })).toEqual(['B West unchecked', 'D West expired', 'E West no expiry']);
  });

  it('"not monitored": flagged orders only; "expiring": in force and expiring within 90 days', async () => {
    expect(await subjects(manager, { notMonitored: 'true', sort: 'subject' })).toEqual(['B West unchecked', 'C District expiring', 'E West no expiry']);
    expect(await subjects(manager, { expiringSoon: 'true' })).toEqual(['C District expiring']);
    expect(await subjects(manager, { expiringSoon: 'true', notMonitored: 'true', kind: 'SCPO' })).toEqual([]);
  });

  it('"expiring within 90 days" includes today and the 90th day, not the 91st', async () => {
    const orgs = await makeRegion();
    for (const days of [0, 90, 91, -1]) await makeOrder(orgs.west, { subjectName: `Expires ${days}`, expiresInDays: days });
    const coordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id);
    expect(await subjects(coordinator, { expiringSoon: 'true', sort: 'expiresOn' })).toEqual(['Expires 0', 'Expires 90']);
  });

  it('by flag (the default): alerts, then warnings, then the rest; soonest expiry first within each', async () => {
    expect(await subjects(manager)).toEqual(['B West unchecked', 'E West no expiry', 'C District expiring', 'D West expired', 'A West fine']);
    expect((await subjects(manager, { sort: 'flag', order: 'asc' })).slice(0, 2)).toEqual(['D West expired', 'A West fine']);
  });

  it('by expiry, an order without one last (and first, descending)', async () => {
    // A and B expire on the same day: by subject.
    expect(await subjects(manager, { sort: 'expiresOn' })).toEqual(['D West expired', 'C District expiring', 'A West fine', 'B West unchecked', 'E West no expiry']);
    expect((await subjects(manager, { sort: 'expiresOn', order: 'desc' }))[0]).toBe('E West no expiry');
  });

  it('by last check, never checked first; by kind, alphabetically by name', async () => {
    expect((await subjects(manager, { sort: 'lastCheck' }))[0]).toBe('B West unchecked');
    // Closure order, Serious crime prevention order (x4 by subject), Slavery and trafficking risk order.
    expect(await subjects(manager, { sort: 'kind' })).toEqual(['C District expiring', 'A West fine', 'D West expired', 'E West no expiry', 'B West unchecked']);
  });

  it('by managing officer, none named first', async () => {
    expect(await subjects(manager, { sort: 'officer' })).toEqual(['B West unchecked', 'D West expired', 'E West no expiry', 'A West fine', 'C District expiring']);
  });
});

describe('listOrders: pagination in the database', () => {
  it('pages of 25, each order once, and a page past the end shows the last', async () => {
    const org = await makeOrganisation({ kind: 'FORCE' });
    for (let i = 0; i < 30; i++) await makeOrder(org, { subjectName: `Paged ${String(i).padStart(2, '0')}`, lastCheckInDays: i % 3 === 0 ? null : -5, startsInDays: -120 });
    const coordinator = await asCurrentUser((await makeUser(org, ['COORDINATOR'])).id);
    const first = await listOrders(coordinator, query());
    const second = await listOrders(coordinator, query({ page: '2' }));
    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([30, 2, 25, 5]);
    const all = [...first.rows, ...second.rows].map((r) => r.subjectName);
    expect(new Set(all).size).toBe(30);
    // Alerts (never checked) come first across the pages.
    expect(first.rows.slice(0, 10).every((r) => r.flag === 'alert')).toBe(true);
    expect((await listOrders(coordinator, query({ page: '9' }))).page).toBe(2);
  });
});

describe('the rest of the read model', () => {
  it('filter options: the organisations and officers among the orders the user sees', async () => {
    const options = await listOrderFilterOptions(await w.userOf('west', ['MANAGER']));
    expect(options.organisations.map((o) => o.text)).toEqual(['West LPA', 'West force']);
    expect(options.officers).toEqual([{ value: w.officer.id, text: 'Ola Manager' }]);
  });

  it('a threat\'s orders: those the user may see, the most urgent first', async () => {
    const manager = await w.userOf('west', ['MANAGER']);
    const orgs = await makeRegion();
    const threat = await makeThreat(orgs.west);
    await makeOrder(orgs.west, { subjectName: 'Checked', threatId: threat.id });
    await makeOrder(orgs.west, { subjectName: 'Unchecked', threatId: threat.id, lastCheckInDays: null, startsInDays: -100 });
    await makeOrder(orgs.south, { subjectName: 'Elsewhere', threatId: threat.id });
    const westManager = await asCurrentUser((await makeUser(orgs.west, ['MANAGER'])).id);
    expect((await listThreatOrders(westManager, threat.id, new Date())).map((o) => [o.subjectName, o.flags.map((f) => f.severity)])).toEqual([
      ['Unchecked', ['alert']],
      ['Checked', []],
    ]);
    expect(await listThreatOrders(manager, threat.id, new Date())).toEqual([]);
  });

  it('an officer\'s managed orders: not the expired ones, the most urgent first, with the next check due', async () => {
    const orgs = await makeRegion();
    const officer = await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id);
    await makeOrder(orgs.west, { subjectName: 'Fine', managingOfficerId: officer.id, lastCheckInDays: -10 });
    await makeOrder(orgs.west, { subjectName: 'Overdue', managingOfficerId: officer.id, lastCheckInDays: -91 });
    await makeOrder(orgs.west, { subjectName: 'Gone', managingOfficerId: officer.id, expiresInDays: -1 });
    await makeOrder(orgs.west, { subjectName: 'Not theirs', lastCheckInDays: -91 });
    const { rows, total } = await listManagedOrders(officer, new Date());
    expect(total).toBe(2);
    expect(rows.map((r) => [r.subjectName, r.flags.map((f) => f.severity), r.nextCheckDue])).toEqual([
      ['Overdue', ['alert'], dayKey(-1)],
      ['Fine', [], dayKey(80)],
    ]);
    expect(await listManagedOrders(await asCurrentUser((await makeUser(orgs.west, ['LRO'])).id), new Date())).toEqual({ rows: [], total: 0 });
  });

  it('an order\'s page shows its threat by URN alone to a user who may not read the threat', async () => {
    const manager = await w.userOf('west', ['MANAGER']);
    const hidden = await makeThreat(w.orgs.south);
    const order = await makeOrder(w.orgs.west, { threatId: hidden.id });
    expect((await getOrderDetail(manager, order.id, new Date()))!.threat).toEqual({ id: hidden.id, urn: hidden.urn, canRead: false });
    const seen = await getOrderDetail(manager, w.orders.westFine.id, new Date());
    expect(seen!.threat).toEqual({ id: w.heldThreat.id, urn: w.heldThreat.urn, name: w.heldThreat.name, canRead: true });
    expect(await getOrderDetail(manager, w.orders.southOther.id, new Date())).toBeNull();
  });

  it('managing officer choices: active officers of the user\'s force tree, and the current one kept', async () => {
    const orgs = await makeRegion();
    const lro = await makeUser(orgs.westLpa, ['LRO'], { name: 'Aa Local' });
    await makeUser(orgs.west, ['ACTION_OWNER'], { name: 'Ab Partner' });
    await makeUser(orgs.west, ['LRO'], { name: 'Ac Inactive', active: false });
    const elsewhere = await makeUser(orgs.south, ['LRO'], { name: 'Ad South' });
    const manager = await makeUser(orgs.west, ['MANAGER'], { name: 'Ae Manager' });
    const me = await asCurrentUser(manager.id);
    expect((await listManagingOfficerOptions(me)).map((o) => o.value)).toEqual([lro.id, manager.id]);
    expect((await listManagingOfficerOptions(me, elsewhere.id)).map((o) => o.value)).toEqual([elsewhere.id, lro.id, manager.id]);
  });

  it('commonAncestorPath', () => {
    expect(commonAncestorPath(['/r/w/', '/r/w/l/'])).toBe('/r/w/');
    expect(commonAncestorPath(['/r/w/', '/r/s/'])).toBe('/r/');
    expect(commonAncestorPath(['/a/', '/b/'])).toBe('/');
    expect(commonAncestorPath([])).toBe('/');
  });
});
