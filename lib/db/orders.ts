import 'server-only';
import { join, prisma, raw, sql, sqlDialect, type Prisma, type Sql, type Tx } from './client';
import { flagRowsSql } from './compliance-sql';
import { lroTreeRoot } from './officers';
import { ownsActionOnThreat, pathPrefixSql, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import { getEffectiveThresholds, pathIds } from './settings';
import { can, relationsFor, type Actor, type OrderResource, type Verb } from '@/lib/auth/policy';
import type { ComplianceFlag, FlagSeverity } from '@/lib/domain/compliance/flags';
import { dayCutoff } from '@/lib/domain/compliance/cutoffs';
import { orderFlags } from '@/lib/domain/compliance/rules';
import { EXPIRING_SOON_DAYS, nextComplianceCheckDue, orderStatus, type ComplianceCheckResult, type LinkedThreat, type OrderStatus } from '@/lib/domain/orders';
import type { ComplianceThresholds } from '@/lib/domain/settings';
import { ORDER_KINDS, ORDER_KIND_LABELS, type OrderKind } from '@/lib/domain/vocabulary';
import { NO_MANAGING_OFFICER, ORDER_REGISTER_PAGE_SIZE, type OrderRegisterQuery, type OrderSortKey } from '@/lib/validation/orders';

// Ancillary orders (issue 5, item 5): the register, one order with its checks, the orders of a
// threat and those an officer manages. Who may see an order is the policy's verb 'order:read':
// the orders of the user's organisation and below, those they manage, and (for an LRO) those on
// the threats they hold. The register's flag comes from the compliance engine's SQL
// (compliance-sql.ts); single orders are judged by the pure rule (rules.ts orderFlags), and the
// agreement test holds the two to the same answer.

// --- Scope -------------------------------------------------------------------------------------

/** Prisma's `where` for the orders the user may use `verb` on; null when none. */
export function orderScopeWhere(user: Actor, verb: Verb = 'order:read'): Prisma.AncillaryOrderWhereInput | null {
  const branches: Prisma.AncillaryOrderWhereInput[] = [];
  for (const relation of relationsFor(user, verb)) {
    switch (relation) {
      case 'organisation':
        branches.push({ organisation: { path: { startsWith: user.organisationPath } } });
        break;
      case 'owner':
        branches.push({ managingOfficerId: user.id });
        break;
      case 'holder':
        branches.push({ threat: { OR: [{ leadResponsibleOfficerId: user.id }, { deputyId: user.id }] } });
        break;
      case 'shared':
        // Orders are not shared with other organisations.
        break;
    }
  }
  return branches.length ? { OR: branches } : null;
}

/** The SQL twin of orderScopeWhere: a condition on "AncillaryOrder" ord; null when none. */
export function orderScopeSql(user: Actor, verb: Verb = 'order:read'): Sql | null {
  const branches: Sql[] = [];
  for (const relation of relationsFor(user, verb)) {
    switch (relation) {
      case 'organisation':
        branches.push(sql`ord."organisationId" IN (SELECT o."id" FROM "Organisation" o WHERE ${pathPrefixSql(sql`o."path"`, user.organisationPath)})`);
        break;
      case 'owner':
        branches.push(sql`ord."managingOfficerId" = ${user.id}`);
        break;
      case 'holder':
        branches.push(sql`ord."threatId" IN (SELECT t."id" FROM "SocThreat" t WHERE t."leadResponsibleOfficerId" = ${user.id} OR t."deputyId" = ${user.id})`);
        break;
      case 'shared':
        break;
    }
  }
  return branches.length ? sql`(${join(branches, ' OR ')})` : null;
}

/** What `can()` needs of an order, for `select`. */
export const orderPolicySelect = {
  id: true,
  organisationId: true,
  managingOfficerId: true,
  organisation: { select: { path: true } },
  threat: { select: { leadResponsibleOfficerId: true, deputyId: true } },
} as const;

type OrderPolicyRow = {
  managingOfficerId: string | null;
  organisation: { path: string };
  threat: { leadResponsibleOfficerId: string | null; deputyId: string | null } | null;
};

export function toOrderResource(row: OrderPolicyRow): OrderResource {
  return {
    kind: 'order',
    organisationPath: row.organisation.path,
    managingOfficerId: row.managingOfficerId,
    threatHolderIds: [row.threat?.leadResponsibleOfficerId, row.threat?.deputyId].filter((id): id is string => Boolean(id)),
  };
}

/** One order for a write, loaded only within the user's scope for `verb` (null: not found). */
export async function loadOrderResource(db: Pick<Tx, 'ancillaryOrder'>, user: Actor, orderId: string, verb: Verb) {
  const scope = orderScopeWhere(user, verb);
  if (!scope) return null;
  const row = await db.ancillaryOrder.findFirst({
    where: { AND: [{ id: orderId }, scope] },
    select: { ...orderPolicySelect, threatId: true, startsOn: true, version: true },
  });
  if (!row) return null;
  return { record: { ...row, organisationPath: row.organisation.path }, resource: toOrderResource(row) };
}

// --- Flags -------------------------------------------------------------------------------------

const ts = (date: Date): Sql => (sqlDialect() === 'postgres' ? sql`CAST(${date} AS timestamp(3))` : sql`${date}`);

/** The deepest organisation path above (or at) all of `paths`: '/' when they share no organisation. */
export function commonAncestorPath(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  let common = pathIds(paths[0]!);
  for (const path of paths.slice(1)) {
    const ids = pathIds(path);
    let i = 0;
    while (i < common.length && i < ids.length && common[i] === ids[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? `/${common.join('/')}/` : '/';
}

/**
 * ORDER_NOT_MONITORED of the orders the user may see, at `now`, as a subquery yielding
 * (order_id, severity): the compliance engine's SQL over the smallest part of the organisation
 * tree that holds them all (the user's organisation, widened only when they manage, or hold the
 * threat of, an order elsewhere). Null when the user may see no orders.
 */
async function orderFlagsSql(user: Actor, now: Date): Promise<Sql | null> {
  const relations = relationsFor(user, 'order:read');
  if (relations.size === 0) return null;
  const roots = relations.has('organisation') ? [user.organisationPath] : [];
  const personal: Prisma.AncillaryOrderWhereInput[] = [];
  if (relations.has('owner')) personal.push({ managingOfficerId: user.id });
  if (relations.has('holder')) personal.push({ threat: { OR: [{ leadResponsibleOfficerId: user.id }, { deputyId: user.id }] } });
  if (personal.length) {
    const elsewhere = await prisma.ancillaryOrder.findMany({
      where: { OR: personal, ...(roots.length ? { NOT: { organisation: { path: { startsWith: user.organisationPath } } } } : {}) },
      select: { organisation: { select: { path: true } } },
      distinct: ['organisationId'],
    });
    roots.push(...elsewhere.map((o) => o.organisation.path));
  }
  if (roots.length === 0) return null;
  const flags = await flagRowsSql({ organisationPath: commonAncestorPath(roots) }, now);
  return sql`SELECT f.subject_id AS order_id, f.severity AS severity FROM (${flags}) f WHERE f.code = 'ORDER_NOT_MONITORED' AND f.subject_kind = 'ORDER'`;
}

/** An order's flags by the pure rule, with the thresholds of its own organisation (cached by path). */
function thresholdsCache() {
  const cache = new Map<string, Promise<ComplianceThresholds>>();
  return (path: string) => {
    if (!cache.has(path)) cache.set(path, getEffectiveThresholds(path));
    return cache.get(path)!;
  };
}

// --- The register ------------------------------------------------------------------------------


function linkedThreat(threat: { id: string; urn: string; name: string } | null, canRead: boolean): LinkedThreat {
  if (!threat) return null;
  return canRead ? { id: threat.id, urn: threat.urn, name: threat.name, canRead: true } : { id: threat.id, urn: threat.urn, canRead: false };
}

export type OrderRegisterRow = {
  id: string;
  kind: OrderKind;
  subjectName: string;
  threat: LinkedThreat;
  organisationName: string;
  madeOn: Date;
  startsOn: Date;
  expiresOn: Date | null;
  status: OrderStatus;
  managingOfficerName: string | null;
  managingTeam: string | null;
  lastComplianceCheckOn: Date | null;
  breachCount: number;
  /** ORDER_NOT_MONITORED's severity, or null when not flagged. */
  flag: FlagSeverity | null;
};

export type OrderRegisterPage = { rows: OrderRegisterRow[]; total: number; page: number; pageCount: number; pageSize: number };

/** Kinds ranked by their labels, so that sorting by kind reads alphabetically on both databases. */
const KIND_BY_LABEL = raw(
  `CASE CAST(ord."kind" AS TEXT) ${[...ORDER_KINDS]
    .sort((a, b) => ORDER_KIND_LABELS[a].localeCompare(ORDER_KIND_LABELS[b]))
    .map((kind, i) => `WHEN '${kind}' THEN ${i}`)
    .join(' ')} END`,
);

/** ORDER BY for a sort key; NULLs placed the same on both databases (no expiry is the latest, never checked the oldest). */
function orderBy(sort: OrderSortKey, direction: Sql): Sql {
  switch (sort) {
    case 'flag':
      return sql`CASE fl.severity WHEN 'alert' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END ${direction}, CASE WHEN ord."expiresOn" IS NULL THEN 1 ELSE 0 END ASC, ord."expiresOn" ASC`;
    case 'kind':
      return sql`${KIND_BY_LABEL} ${direction}`;
    case 'subject':
      return sql`LOWER(ord."subjectName") ${direction}`;
    case 'organisation':
      return sql`LOWER(o."name") ${direction}`;
    case 'madeOn':
      return sql`ord."madeOn" ${direction}`;
    case 'expiresOn':
      return sql`CASE WHEN ord."expiresOn" IS NULL THEN 1 ELSE 0 END ${direction}, ord."expiresOn" ${direction}`;
    case 'lastCheck':
      return sql`CASE WHEN ord."lastComplianceCheckOn" IS NULL THEN 0 ELSE 1 END ${direction}, ord."lastComplianceCheckOn" ${direction}`;
    case 'breaches':
      return sql`ord."breachCount" ${direction}`;
    case 'officer':
      return sql`CASE WHEN u."name" IS NULL THEN 0 ELSE 1 END ${direction}, LOWER(u."name") ${direction}`;
  }
}

/** The register's filters other than "not monitored", as conditions on "AncillaryOrder" ord. */
function filterConditions(query: OrderRegisterQuery, now: Date): Sql[] {
  const where: Sql[] = [];
  if (query.kind) where.push(sql`CAST(ord."kind" AS TEXT) = ${query.kind}`);
  if (query.organisation) where.push(sql`ord."organisationId" = ${query.organisation}`);
  if (query.officer === NO_MANAGING_OFFICER) where.push(sql`ord."managingOfficerId" IS NULL`);
  else if (query.officer) where.push(sql`ord."managingOfficerId" = ${query.officer}`);
  if (query.expiringSoon) {
    // In force (expires today or later) and expiring within EXPIRING_SOON_DAYS: the warning of ORDER_NOT_MONITORED at its default.
    where.push(sql`ord."expiresOn" IS NOT NULL AND ord."expiresOn" >= ${ts(dayCutoff(now, 1))} AND ord."expiresOn" < ${ts(dayCutoff(now, -EXPIRING_SOON_DAYS))}`);
  }
  return where;
}

/** Which of these threats the user may read (the others show by URN alone). */
async function readableThreatIds(user: Actor, threatIds: readonly string[]): Promise<Set<string>> {
  const scope = threatScopeWhere(user);
  if (!scope || threatIds.length === 0) return new Set();
  const rows = await prisma.socThreat.findMany({ where: { AND: [{ id: { in: [...threatIds] } }, scope] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

const registerRowSelect = {
  id: true,
  kind: true,
  subjectName: true,
  madeOn: true,
  startsOn: true,
  expiresOn: true,
  lastComplianceCheckOn: true,
  breachCount: true,
  managingTeam: true,
  organisation: { select: { name: true } },
  managingOfficer: { select: { name: true } },
  threat: { select: { id: true, urn: true, name: true } },
} as const;

/**
 * One page of the orders register: the orders the user may see, filtered and sorted in the
 * database (the "not monitored" filter and the flag sort read the compliance engine's SQL). The
 * page's ids are found in SQL, then its rows loaded by id.
 */
export async function listOrders(user: Actor, query: OrderRegisterQuery, now: Date = new Date()): Promise<OrderRegisterPage> {
  const none: OrderRegisterPage = { rows: [], total: 0, page: 1, pageCount: 0, pageSize: ORDER_REGISTER_PAGE_SIZE };
  const scope = orderScopeSql(user);
  const flags = scope ? await orderFlagsSql(user, now) : null;
  if (!scope || !flags) return none;

  const conditions = [scope, ...filterConditions(query, now)];
  if (query.notMonitored) conditions.push(sql`ord."id" IN (SELECT fm.order_id FROM (${flags}) fm)`);
  const where = join(conditions, ' AND ');

  const [{ n }] = await prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS n FROM "AncillaryOrder" ord WHERE ${where}`);
  const total = Number(n);
  if (total === 0) return none;
  const pageCount = Math.max(1, Math.ceil(total / ORDER_REGISTER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const direction = raw(query.order === 'desc' ? 'DESC' : 'ASC');

  const idRows = await prisma.$queryRaw<{ id: string; severity: string | null }[]>(sql`
    SELECT ord."id" AS id, fl.severity AS severity FROM "AncillaryOrder" ord
      JOIN "Organisation" o ON o."id" = ord."organisationId"
      LEFT JOIN "User" u ON u."id" = ord."managingOfficerId"
      LEFT JOIN (${flags}) fl ON fl.order_id = ord."id"
     WHERE ${where}
     ORDER BY ${orderBy(query.sort, direction)}, LOWER(ord."subjectName") ASC, ord."id" ASC
     LIMIT ${raw(String(ORDER_REGISTER_PAGE_SIZE))} OFFSET ${raw(String((page - 1) * ORDER_REGISTER_PAGE_SIZE))}`);
  const ids = idRows.map((r) => r.id);
  const severityOf = new Map(idRows.map((r) => [r.id, (r.severity as FlagSeverity | null) ?? null]));

  const loaded = await prisma.ancillaryOrder.findMany({ where: { id: { in: ids } }, select: registerRowSelect });
  const readable = await readableThreatIds(user, loaded.flatMap((row) => (row.threat ? [row.threat.id] : [])));
  const byId = new Map(loaded.map((row) => [row.id, row]));
  return {
    total,
    page,
    pageCount,
    pageSize: ORDER_REGISTER_PAGE_SIZE,
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: row.id,
          kind: row.kind,
          subjectName: row.subjectName,
          threat: linkedThreat(row.threat, row.threat ? readable.has(row.threat.id) : false),
          organisationName: row.organisation.name,
          madeOn: row.madeOn,
          startsOn: row.startsOn,
          expiresOn: row.expiresOn,
          status: orderStatus(row, now),
          managingOfficerName: row.managingOfficer?.name ?? null,
          managingTeam: row.managingTeam,
          lastComplianceCheckOn: row.lastComplianceCheckOn,
          breachCount: row.breachCount,
          flag: severityOf.get(id) ?? null,
        },
      ];
    }),
  };
}

export type Option = { value: string; text: string };

/** The organisations and managing officers that appear among the orders the user may see, for the filters. */
export async function listOrderFilterOptions(user: Actor): Promise<{ organisations: Option[]; officers: Option[] }> {
  const scope = orderScopeWhere(user);
  if (!scope) return { organisations: [], officers: [] };
  const [organisations, officers] = await Promise.all([
    prisma.organisation.findMany({ where: { ancillaryOrders: { some: scope } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.user.findMany({ where: { ordersManaged: { some: scope } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    organisations: organisations.map((o) => ({ value: o.id, text: o.name })),
    officers: officers.map((u) => ({ value: u.id, text: u.name })),
  };
}

// --- One order ---------------------------------------------------------------------------------

export type ComplianceCheckRow = {
  id: string;
  checkedOn: Date;
  result: ComplianceCheckResult;
  note: string | null;
  checkedByName: string | null;
  createdAt: Date;
};

/** The checks an order page lists, latest first (an order is checked every few weeks for some years). */
export const ORDER_CHECKS_SHOWN = 200;

/**
 * One order the user may read, with its flags (the pure rule, with its organisation's
 * thresholds), its compliance checks (latest first) and whether the user may open its threat.
 * Null when it does not exist or is outside the user's scope.
 */
export async function getOrderDetail(user: Actor, orderId: string, now: Date) {
  const scope = orderScopeWhere(user);
  if (!scope) return null;
  const row = await prisma.ancillaryOrder.findFirst({
    where: { AND: [{ id: orderId }, scope] },
    select: {
      ...orderPolicySelect,
      kind: true,
      subjectName: true,
      threatId: true,
      madeOn: true,
      startsOn: true,
      expiresOn: true,
      conditions: true,
      managingTeam: true,
      lastComplianceCheckOn: true,
      breachCount: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      organisation: { select: { id: true, name: true, path: true } },
      managingOfficer: { select: { id: true, name: true, rank: true, organisation: { select: { name: true } } } },
      threat: { select: { ...threatPolicySelect, urn: true, name: true } },
      _count: { select: { checks: true } },
      checks: {
        orderBy: [{ checkedOn: 'desc' }, { createdAt: 'desc' }],
        take: ORDER_CHECKS_SHOWN,
        select: { id: true, checkedOn: true, result: true, note: true, createdAt: true, checkedBy: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const thresholds = await getEffectiveThresholds(row.organisation.path);
  const flags: ComplianceFlag[] = orderFlags(
    { id: row.id, kind: row.kind, subjectName: row.subjectName, threatId: row.threatId, organisationId: row.organisationId, startsOn: row.startsOn, expiresOn: row.expiresOn, lastComplianceCheckOn: row.lastComplianceCheckOn },
    thresholds,
    now,
  );
  const canReadThreat = row.threat ? can(user, 'threat:read', toThreatResource(row.threat, user, await ownsActionOnThreat(prisma, user, row.threat.id))) : false;
  const threat = linkedThreat(row.threat, canReadThreat);
  return {
    resource: toOrderResource(row),
    flags,
    threat,
    orderCheckDays: thresholds.orderCheckDays,
    nextCheckDue: nextComplianceCheckDue(row, thresholds, now),
    status: orderStatus(row, now),
    order: {
      id: row.id,
      kind: row.kind,
      subjectName: row.subjectName,
      organisation: { id: row.organisation.id, name: row.organisation.name },
      madeOn: row.madeOn,
      startsOn: row.startsOn,
      expiresOn: row.expiresOn,
      conditions: row.conditions,
      managingTeam: row.managingTeam,
      managingOfficer: row.managingOfficer
        ? { id: row.managingOfficer.id, name: row.managingOfficer.name, rank: row.managingOfficer.rank, organisationName: row.managingOfficer.organisation.name }
        : null,
      lastComplianceCheckOn: row.lastComplianceCheckOn,
      breachCount: row.breachCount,
      version: row.version,
      threatUrn: row.threat?.urn ?? null,
      checkCount: row._count.checks,
      checks: row.checks.map(
        (check): ComplianceCheckRow => ({
          id: check.id,
          checkedOn: check.checkedOn,
          result: check.result,
          note: check.note,
          checkedByName: check.checkedBy?.name ?? null,
          createdAt: check.createdAt,
        }),
      ),
    },
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;

// --- Orders in lists: a threat's, an officer's -------------------------------------------------

export type OrderSummaryRow = {
  id: string;
  kind: OrderKind;
  subjectName: string;
  organisationName: string;
  startsOn: Date;
  expiresOn: Date | null;
  status: OrderStatus;
  managingOfficerName: string | null;
  managingTeam: string | null;
  lastComplianceCheckOn: Date | null;
  /** yyyy-mm-dd on which a check falls due (ORDER_NOT_MONITORED), null once expired. */
  nextCheckDue: string | null;
  breachCount: number;
  flags: ComplianceFlag[];
  threat: LinkedThreat;
};

const summarySelect = {
  id: true,
  kind: true,
  subjectName: true,
  threatId: true,
  organisationId: true,
  startsOn: true,
  expiresOn: true,
  lastComplianceCheckOn: true,
  breachCount: true,
  managingTeam: true,
  organisation: { select: { name: true, path: true } },
  managingOfficer: { select: { name: true } },
  threat: { select: { id: true, urn: true, name: true } },
} as const;

type SummarySource = Prisma.AncillaryOrderGetPayload<{ select: typeof summarySelect }>;

async function toSummaries(rows: SummarySource[], now: Date, threatVisible: (threatId: string) => boolean): Promise<OrderSummaryRow[]> {
  const thresholdsOf = thresholdsCache();
  return Promise.all(
    rows.map(async (row) => {
      const thresholds = await thresholdsOf(row.organisation.path);
      return {
        id: row.id,
        kind: row.kind,
        subjectName: row.subjectName,
        organisationName: row.organisation.name,
        startsOn: row.startsOn,
        expiresOn: row.expiresOn,
        status: orderStatus(row, now),
        managingOfficerName: row.managingOfficer?.name ?? null,
        managingTeam: row.managingTeam,
        lastComplianceCheckOn: row.lastComplianceCheckOn,
        nextCheckDue: nextComplianceCheckDue(row, thresholds, now),
        breachCount: row.breachCount,
        flags: orderFlags(row, thresholds, now),
        threat: linkedThreat(row.threat, row.threat ? threatVisible(row.threat.id) : false),
      };
    }),
  );
}

const mostUrgentFirst = (a: OrderSummaryRow, b: OrderSummaryRow) => {
  const rank = (row: OrderSummaryRow) => (row.flags.some((f) => f.severity === 'alert') ? 0 : row.flags.length ? 1 : 2);
  return rank(a) - rank(b) || (a.nextCheckDue ?? '9999').localeCompare(b.nextCheckDue ?? '9999') || a.subjectName.localeCompare(b.subjectName);
};

/** The orders on a threat that the user may read (a threat has a handful), the most urgent first. The caller checked the threat. */
export async function listThreatOrders(user: Actor, threatId: string, now: Date): Promise<OrderSummaryRow[]> {
  const scope = orderScopeWhere(user);
  if (!scope) return [];
  const rows = await prisma.ancillaryOrder.findMany({ where: { AND: [{ threatId }, scope] }, select: summarySelect, orderBy: { startsOn: 'desc' }, take: 100 });
  return (await toSummaries(rows, now, () => true)).sort(mostUrgentFirst);
}

export const MANAGED_ORDERS_SHOWN = 20;

/**
 * The orders the user manages that have not expired, with when a check falls due and their flags,
 * the most urgent first (alerts, warnings, then the soonest check due). At most `take`; `total`
 * says how many there are.
 */
export async function listManagedOrders(user: Actor, now: Date, { take = MANAGED_ORDERS_SHOWN } = {}): Promise<{ rows: OrderSummaryRow[]; total: number }> {
  const where: Prisma.AncillaryOrderWhereInput = {
    managingOfficerId: user.id,
    OR: [{ expiresOn: null }, { expiresOn: { gte: dayCutoff(now, 1) } }],
  };
  const total = await prisma.ancillaryOrder.count({ where });
  if (total === 0) return { rows: [], total };
  // The least recently checked first, so the `take` shown are those most likely due.
  const rows = await prisma.ancillaryOrder.findMany({
    where,
    select: summarySelect,
    orderBy: [{ lastComplianceCheckOn: { sort: 'asc', nulls: 'first' } }, { expiresOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take,
  });
  const readable = await readableThreatIds(user, rows.flatMap((r) => (r.threat ? [r.threat.id] : [])));
  return { rows: (await toSummaries(rows, now, (id) => readable.has(id))).sort(mostUrgentFirst), total };
}

// --- Choices for the order form ----------------------------------------------------------------

/** The organisations an order may be given to: the user's and those below it, in tree order. */
export async function listOrderOrganisationOptions(user: Pick<Actor, 'organisationPath'>): Promise<Option[]> {
  const rows = await prisma.organisation.findMany({
    where: { path: { startsWith: user.organisationPath } },
    select: { id: true, name: true },
    orderBy: { path: 'asc' },
    take: 500,
  });
  return rows.map((o) => ({ value: o.id, text: o.name }));
}

/** Active people who may manage an order: roles that can read and check the orders they manage. */
const MANAGING_ROLES = ['LRO', 'MANAGER', 'COORDINATOR'] as const;
const managingOfficerWhere = (rootPath: string): Prisma.UserWhereInput => ({
  active: true,
  roles: { some: { role: { in: [...MANAGING_ROLES] } } },
  organisation: { path: { startsWith: rootPath } },
});

const officerLabel = (u: { name: string; rank: string | null; organisation: { name: string } }) =>
  `${u.name}${u.rank ? `, ${u.rank}` : ''} (${u.organisation.name})`;

/**
 * The officers the user may name to manage an order: those of their force (or ROCU) tree, as
 * officers.ts lroTreeRoot finds it, and the current managing officer (kept on an edit even if
 * they have moved).
 */
export async function listManagingOfficerOptions(user: Pick<Actor, 'organisationPath'>, currentOfficerId: string | null = null): Promise<Option[]> {
  const root = await lroTreeRoot(prisma, user.organisationPath);
  const select = { id: true, name: true, rank: true, organisation: { select: { name: true } } } as const;
  const rows = await prisma.user.findMany({ where: managingOfficerWhere(root.path), select, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 1000 });
  if (currentOfficerId && !rows.some((r) => r.id === currentOfficerId)) {
    const current = await prisma.user.findUnique({ where: { id: currentOfficerId }, select });
    if (current) rows.unshift(current);
  }
  return rows.map((u) => ({ value: u.id, text: officerLabel(u) }));
}

/** The officer if they may manage an order of the organisation at `orderOrganisationPath` (its force or ROCU tree). */
export async function findManagingOfficer(db: Pick<Tx, 'user' | 'organisation'>, orderOrganisationPath: string, userId: string) {
  const root = await lroTreeRoot(db, orderOrganisationPath);
  const row = await db.user.findFirst({ where: { id: userId, ...managingOfficerWhere(root.path) }, select: { id: true, name: true } });
  return row ? { ...row, treeName: root.name } : null;
}

/** A threat by URN, only if the user may read it (null otherwise). */
export async function findReadableThreatByUrn(db: Pick<Tx, 'socThreat'>, user: Actor, urn: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  return db.socThreat.findFirst({ where: { AND: [{ urn }, scope] }, select: { id: true, urn: true, name: true } });
}

/** The URN of a threat the user may read, for presetting the order form from a threat page (null otherwise). */
export async function getReadableThreatUrn(user: Actor, threatId: string): Promise<string | null> {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await prisma.socThreat.findFirst({ where: { AND: [{ id: threatId }, scope] }, select: { urn: true } });
  return row?.urn ?? null;
}

/** An order as its audit events record it: plain values, people and places by name too. */
export async function getOrderState(db: Pick<Tx, 'ancillaryOrder'>, orderId: string) {
  const row = await db.ancillaryOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      kind: true,
      subjectName: true,
      madeOn: true,
      startsOn: true,
      expiresOn: true,
      conditions: true,
      managingTeam: true,
      organisation: { select: { id: true, name: true } },
      managingOfficer: { select: { id: true, name: true } },
      threat: { select: { id: true, urn: true } },
    },
  });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    kind: row.kind,
    subjectName: row.subjectName,
    threat: row.threat,
    organisation: row.organisation,
    madeOn: day(row.madeOn),
    startsOn: day(row.startsOn),
    expiresOn: day(row.expiresOn),
    conditions: row.conditions,
    managingTeam: row.managingTeam,
    managingOfficer: row.managingOfficer,
  };
}
