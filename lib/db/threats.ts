import 'server-only';
import { empty, join, prisma, raw, sql, type Sql } from './client';
import { flagRowsSql, listFlagRows, threatFlagSummaries } from './compliance-sql';
import { findThreatInScope, ownsActionOnThreat, threatScopeSql, threatScopeWhere, toThreatResource } from './scope';
import type { Actor } from '@/lib/auth/policy';
import { FLAG_CODES, type FlagCode, type FlagSeverity } from '@/lib/domain/compliance/flags';
import {
  FLAG_FILTER_ANY,
  FLAG_FILTER_ANY_ALERT,
  REGISTER_PAGE_SIZE,
  type ThreatFlagFilter,
  type ThreatRegisterQuery,
  type ThreatSortKey,
} from '@/lib/validation/threat-register';
import type { ThreatArea, ThreatStatus, ThreatType, PlanStatus, Strand, ActionStatus } from '@/lib/domain/vocabulary';

export type ThreatRegisterRow = {
  id: string;
  urn: string;
  name: string;
  type: ThreatType;
  tier: number;
  status: ThreatStatus;
  mappedOn: Date;
  organisationName: string;
  leadResponsibleOfficerName: string | null;
  areas: ThreatArea[];
  planStatus: PlanStatus | null;
  nextReviewDue: Date | null;
  /** The threat's compliance flags, one entry per flag and severity with how many: alerts first. */
  flags: ThreatFlagTag[];
};

export type ThreatRegisterPage = {
  rows: ThreatRegisterRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/** One kind of flag a threat has, and how many of it (e.g. two stale actions). */
export type ThreatFlagTag = { code: FlagCode; severity: FlagSeverity; count: number };

/** Flags whose subject is an officer: they reach a threat through its LRO. */
const OFFICER_FLAG_CODES: FlagCode[] = ['LRO_UNTRAINED', 'LRO_OVERLOADED'];

type FlagOfKind = { code: FlagCode; severity: FlagSeverity };

/**
 * The officers' own flags (LRO_UNTRAINED, LRO_OVERLOADED) at `now`, by officer: of every officer,
 * or only of `officerIds` (the flags are the same either way; asking for fewer is cheaper). Only
 * officers who lead a live threat can have them; asking for these two codes alone keeps the
 * engine to its officer rules.
 */
async function officerFlagsById(now: Date, officerIds?: readonly string[]): Promise<Map<string, FlagOfKind[]>> {
  const out = new Map<string, FlagOfKind[]>();
  if (officerIds && officerIds.length === 0) return out;
  for (const row of await listFlagRows({ organisationPath: '/' }, now, { codes: OFFICER_FLAG_CODES, officerIds })) {
    out.set(row.subject.id, [...(out.get(row.subject.id) ?? []), { code: row.code, severity: row.severity }]);
  }
  return out;
}

/** `t."leadResponsibleOfficerId" IN (...)`, false for no officers. */
function lroIn(officerIds: readonly string[]): Sql {
  return officerIds.length ? sql`t."leadResponsibleOfficerId" IN (${join([...officerIds])})` : sql`1 = 0`;
}

/** How many flags of a severity a threat has through its LRO, as a SQL expression on t. */
function officerFlagCountSql(officers: Map<string, FlagOfKind[]>, severity: FlagSeverity): Sql {
  const byCount = new Map<number, string[]>();
  for (const [id, flags] of officers) {
    const n = flags.filter((f) => f.severity === severity).length;
    if (n > 0) byCount.set(n, [...(byCount.get(n) ?? []), id]);
  }
  if (byCount.size === 0) return sql`0`;
  const branches = [...byCount.entries()].map(([n, ids]) => sql`WHEN ${lroIn(ids)} THEN ${raw(String(n))}`);
  return sql`(CASE ${join(branches, ' ')} ELSE 0 END)`;
}

const severityRank: Record<FlagSeverity, number> = { alert: 0, warning: 1 };

/** Alerts first, then in the order of FLAG_CODES (as compareFlags orders whole flags). */
export function compareFlagTags(a: FlagOfKind, b: FlagOfKind): number {
  return severityRank[a.severity] - severityRank[b.severity] || FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code);
}

/** Flags counted by code and severity, alerts first. */
function toTags(flags: readonly FlagOfKind[]): ThreatFlagTag[] {
  const tags = new Map<string, ThreatFlagTag>();
  for (const { code, severity } of flags) {
    const key = `${code}:${severity}`;
    const tag = tags.get(key) ?? { code, severity, count: 0 };
    tag.count += 1;
    tags.set(key, tag);
  }
  return [...tags.values()].sort(compareFlagTags);
}

/**
 * The flags of the given threats, counted by code and severity, for tags beside each threat in a
 * list: the threat's own (its plan, actions, disruptions, assessments and orders) and its LRO's,
 * as the threat page shows them (compliance.ts getThreatFlags). The caller loaded the threats
 * within the user's scope.
 */
export async function listThreatFlagTags(
  threats: readonly { id: string; leadResponsibleOfficerId: string | null }[],
  now: Date,
  officers?: Map<string, FlagOfKind[]>,
): Promise<Map<string, ThreatFlagTag[]>> {
  if (threats.length === 0) return new Map();
  const lros = [...new Set(threats.flatMap((t) => (t.leadResponsibleOfficerId ? [t.leadResponsibleOfficerId] : [])))];
  const [own, officerFlags] = await Promise.all([
    threatFlagSummaries(
      { threatIds: threats.map((t) => t.id) },
      now,
      threats.map((t) => t.id),
    ),
    officers ?? officerFlagsById(now, lros),
  ]);
  return new Map(
    threats.map((t) => [t.id, toTags([...(own.get(t.id) ?? []), ...((t.leadResponsibleOfficerId && officerFlags.get(t.leadResponsibleOfficerId)) || [])])]),
  );
}

/** LIKE pattern for "contains", with the user's own % and _ taken literally (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The register's filters other than the flag, as SQL conditions on "SocThreat" t. */
function filterConditions(query: ThreatRegisterQuery): Sql[] {
  const where: Sql[] = [];
  // Enums are compared as text: PostgreSQL keeps them as its own enum types, SQLite as text.
  if (query.organisation) where.push(sql`t."organisationId" = ${query.organisation}`);
  if (query.type) where.push(sql`CAST(t."type" AS TEXT) = ${query.type}`);
  if (query.tier) where.push(sql`t."tier" = ${query.tier}`);
  if (query.status) where.push(sql`CAST(t."status" AS TEXT) = ${query.status}`);
  if (query.area) where.push(sql`EXISTS (SELECT 1 FROM "ThreatAreaTag" ta WHERE ta."threatId" = t."id" AND CAST(ta."area" AS TEXT) = ${query.area})`);
  if (query.lro === 'none') where.push(sql`t."leadResponsibleOfficerId" IS NULL`);
  else if (query.lro) where.push(sql`t."leadResponsibleOfficerId" = ${query.lro}`);
  if (query.lroName) {
    // The LRO's name contains the text, case-insensitively (as q); users are matched once, not per threat.
    where.push(sql`t."leadResponsibleOfficerId" IN (SELECT u."id" FROM "User" u WHERE LOWER(u."name") LIKE ${containsPattern(query.lroName.toLowerCase())} ESCAPE '\\')`);
  }
  if (query.q) {
    // Case-insensitive on both databases (PostgreSQL's LIKE is not).
    where.push(
      sql`(UPPER(t."urn") LIKE ${containsPattern(query.q.toUpperCase())} ESCAPE '\\' OR LOWER(t."name") LIKE ${containsPattern(query.q.toLowerCase())} ESCAPE '\\')`,
    );
  }
  return where;
}

/**
 * The flag filter as a condition on t: the threat's own flags (computed for `filtered`, the
 * threats passing the other filters) or its LRO's.
 */
async function flagCondition(flag: ThreatFlagFilter, filtered: Sql, officers: Map<string, FlagOfKind[]>, now: Date): Promise<Sql> {
  const officersWith = (test: (f: FlagOfKind) => boolean) => [...officers].filter(([, flags]) => flags.some(test)).map(([id]) => id);
  if (OFFICER_FLAG_CODES.includes(flag as FlagCode)) return lroIn(officersWith((f) => f.code === flag));
  const own = await flagRowsSql({ threatSql: filtered }, now);
  if (flag === FLAG_FILTER_ANY) {
    return sql`(t."id" IN (SELECT f.threat_id FROM (${own}) f WHERE f.threat_id IS NOT NULL) OR ${lroIn(officersWith(() => true))})`;
  }
  if (flag === FLAG_FILTER_ANY_ALERT) {
    return sql`(t."id" IN (SELECT f.threat_id FROM (${own}) f WHERE f.threat_id IS NOT NULL AND f.severity = 'alert') OR ${lroIn(officersWith((f) => f.severity === 'alert'))})`;
  }
  return sql`t."id" IN (SELECT f.threat_id FROM (${own}) f WHERE f.threat_id IS NOT NULL AND f.code = ${flag})`;
}

const SORT_COLUMNS: Record<Exclude<ThreatSortKey, 'flags'>, Sql> = {
  urn: sql`t."urn"`,
  name: sql`t."name"`,
  type: sql`t."type"`,
  tier: sql`t."tier"`,
  status: sql`t."status"`,
  organisation: sql`o."name"`,
  lro: sql`u."name"`,
  mappedOn: sql`t."mappedOn"`,
};

/**
 * `officers` holds the officers' own flags when the flag filter or sort needed them (those of every
 * LRO of the filtered threats); otherwise null, and each page loads its own LROs' flags.
 */
type RegisterIdQuery = {
  where: Sql;
  /** The ids in order (`id`). */
  idSql: Sql;
  /** The same with `total`, how many rows the whole query has (a window count), on every row. */
  countedIdSql: Sql;
  officers: Map<string, FlagOfKind[]> | null;
};

/** The LROs of the threats `filtered` selects. */
async function lrosOf(filtered: Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    sql`SELECT DISTINCT t."leadResponsibleOfficerId" AS id FROM "SocThreat" t WHERE t."id" IN (${filtered}) AND t."leadResponsibleOfficerId" IS NOT NULL`,
  );
  return rows.map((row) => row.id);
}

/**
 * The register's id query for the user: the threats in scope passing every filter, in the
 * chosen order (with a unique tie-breaker, so that pages are stable). Null when the user can see
 * no threats at all. The flag filter and sort read the compliance engine's flags, which Prisma's
 * `where` cannot express.
 */
async function registerIdQuery(user: Actor, query: ThreatRegisterQuery, now: Date): Promise<RegisterIdQuery | null> {
  const scope = threatScopeSql(user);
  if (!scope) return null;

  // The threats in scope that pass every filter but the flag: the flags are computed for these.
  const filtered = sql`SELECT t."id" FROM "SocThreat" t WHERE ${join([sql`t."id" IN (${scope})`, ...filterConditions(query)], ' AND ')}`;
  // The officers' flags reach a threat through its LRO: only the flag filter and sort need them
  // for every threat; otherwise the page's rows load their own LROs' (loadRegisterRows).
  const officers = query.flag || query.sort === 'flags' ? await officerFlagsById(now, await lrosOf(filtered)) : null;
  const conditions = [sql`t."id" IN (${filtered})`];
  if (query.flag) conditions.push(await flagCondition(query.flag, filtered, officers!, now));
  const where = join(conditions, ' AND ');
  const direction = raw(query.order === 'desc' ? 'DESC' : 'ASC');

  let idSql: (columns: Sql) => Sql;
  if (query.sort === 'flags') {
    // Most alerts, then most warnings (or, ascending, the fewest), then by URN; the LRO's own
    // flags count for each of their threats, as the threat page shows them.
    const flagSql = await flagRowsSql({ threatSql: filtered }, now);
    idSql = (columns) => sql`
      SELECT ${columns} FROM "SocThreat" t
        LEFT JOIN (SELECT f.threat_id AS threat_id,
                          SUM(CASE WHEN f.severity = 'alert' THEN 1 ELSE 0 END) AS alerts,
                          SUM(CASE WHEN f.severity = 'warning' THEN 1 ELSE 0 END) AS warnings
                     FROM (${flagSql}) f
                    WHERE f.threat_id IS NOT NULL
                    GROUP BY f.threat_id) fc ON fc.threat_id = t."id"
       WHERE ${where}
       ORDER BY COALESCE(fc.alerts, 0) + ${officerFlagCountSql(officers!, 'alert')} ${direction},
                COALESCE(fc.warnings, 0) + ${officerFlagCountSql(officers!, 'warning')} ${direction},
                t."urn" ASC`;
  } else {
    // A unique tie-breaker keeps pages stable. The organisation and LRO are joined only to sort
    // by their names (every threat has an organisation; the LRO join is outer): the same rows.
    const tieBreaker = query.sort === 'urn' ? empty : sql`, t."urn" ASC`;
    const joins = query.sort === 'organisation' ? sql`JOIN "Organisation" o ON o."id" = t."organisationId"` : query.sort === 'lro' ? sql`LEFT JOIN "User" u ON u."id" = t."leadResponsibleOfficerId"` : empty;
    const sortColumn = SORT_COLUMNS[query.sort];
    idSql = (columns) => sql`
      SELECT ${columns} FROM "SocThreat" t ${joins}
       WHERE ${where}
       ORDER BY ${sortColumn} ${direction}${tieBreaker}`;
  }
  return { where, idSql: idSql(sql`t."id" AS id`), countedIdSql: idSql(sql`t."id" AS id, COUNT(*) OVER () AS total`), officers };
}

/** One slice of the id query, in its order. */
async function registerIds(idSql: Sql, limit: number, offset: number): Promise<string[]> {
  return (await prisma.$queryRaw<{ id: string }[]>(sql`${idSql} LIMIT ${raw(String(limit))} OFFSET ${raw(String(offset))}`)).map((row) => row.id);
}

/** The register's rows for these ids, in the order of the ids, with their flags (officers' flags as given, else loaded for these rows' LROs). */
async function loadRegisterRows(ids: readonly string[], now: Date, officers: Map<string, FlagOfKind[]> | null): Promise<ThreatRegisterRow[]> {
  if (ids.length === 0) return [];
  const loaded = await prisma.socThreat.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      urn: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      mappedOn: true,
      leadResponsibleOfficerId: true,
      organisation: { select: { name: true } },
      leadResponsibleOfficer: { select: { name: true } },
      areas: { select: { area: true }, orderBy: { area: 'asc' } },
      livePlan: { select: { status: true, nextReviewDue: true } },
    },
  });
  const flags = await listThreatFlagTags(loaded, now, officers ?? undefined);
  const byId = new Map(loaded.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        urn: row.urn,
        name: row.name,
        type: row.type,
        tier: row.tier,
        status: row.status,
        mappedOn: row.mappedOn,
        organisationName: row.organisation.name,
        leadResponsibleOfficerName: row.leadResponsibleOfficer?.name ?? null,
        areas: row.areas.map((a) => a.area),
        planStatus: row.livePlan?.status ?? null,
        nextReviewDue: row.livePlan?.nextReviewDue ?? null,
        flags: flags.get(row.id) ?? [],
      },
    ];
  });
}

/**
 * One page of the threats register the user may see, filtered and sorted in the database. The
 * ids of the page are found in SQL; the page's rows are then loaded by id.
 */
export async function listThreats(user: Actor, query: ThreatRegisterQuery, now: Date = new Date()): Promise<ThreatRegisterPage> {
  const register = await registerIdQuery(user, query, now);
  if (!register) return { rows: [], total: 0, page: 1, pageCount: 0, pageSize: REGISTER_PAGE_SIZE };

  // The page asked for and the total in one query; only past the last page is the count needed
  // on its own (to show the last page instead).
  const offset = (query.page - 1) * REGISTER_PAGE_SIZE;
  const counted = await prisma.$queryRaw<{ id: string; total: number | bigint }[]>(
    sql`${register.countedIdSql} LIMIT ${raw(String(REGISTER_PAGE_SIZE))} OFFSET ${raw(String(offset))}`,
  );
  let total: number;
  let ids: string[];
  let page: number;
  if (counted.length > 0 || query.page === 1) {
    total = counted.length > 0 ? Number(counted[0]!.total) : 0;
    ids = counted.map((row) => row.id);
    page = query.page;
  } else {
    const [{ n }] = await prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS n FROM "SocThreat" t WHERE ${register.where}`);
    total = Number(n);
    page = Math.min(query.page, Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)));
    ids = await registerIds(register.idSql, REGISTER_PAGE_SIZE, (page - 1) * REGISTER_PAGE_SIZE);
  }
  const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  return {
    total,
    page,
    pageCount: total === 0 ? 0 : pageCount,
    pageSize: REGISTER_PAGE_SIZE,
    rows: await loadRegisterRows(ids, now, register.officers),
  };
}

/** How many threats an export loads at a time. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Every threat of the register the user may see under the query's filters and sort (the page is
 * ignored), in batches of `batchSize` from the database, for exports. Flags are as at `now`.
 */
export async function* exportThreats(
  user: Actor,
  query: ThreatRegisterQuery,
  now: Date = new Date(),
  batchSize: number = EXPORT_BATCH_SIZE,
): AsyncGenerator<ThreatRegisterRow[]> {
  const register = await registerIdQuery(user, query, now);
  if (!register) return;
  for (let offset = 0; ; offset += batchSize) {
    const ids = await registerIds(register.idSql, batchSize, offset);
    if (ids.length === 0) return;
    yield await loadRegisterRows(ids, now, register.officers);
    if (ids.length < batchSize) return;
  }
}

export type Option = { value: string; text: string };

/**
 * The register's filter options: the organisations that own threats the user may see, and the
 * LRO chosen by `lro=<id>` (e.g. from the home page's "threats I lead" link) when that officer
 * leads a threat the user may see, so that the filter can show whom it is filtering by. LROs are
 * not listed: a region has hundreds and the nation thousands, so the register filters by part of
 * the LRO's name instead (`lroName`). The scope is one uncorrelated subquery: Prisma's `some`
 * becomes an EXISTS per organisation.
 */
export async function listRegisterFilterOptions(user: Actor, lro?: string): Promise<{ organisations: Option[]; chosenLeadResponsibleOfficer: Option | null }> {
  const scope = threatScopeSql(user);
  if (!scope) return { organisations: [], chosenLeadResponsibleOfficer: null };
  const chosen =
    lro && lro !== 'none'
      ? sql`UNION ALL
    SELECT 'lro' AS kind, u."id", u."name" FROM "User" u
     WHERE u."id" = ${lro} AND u."id" IN (SELECT t."leadResponsibleOfficerId" FROM "SocThreat" t WHERE t."leadResponsibleOfficerId" = ${lro} AND t."id" IN (${scope}))`
      : empty;
  const rows = await prisma.$queryRaw<{ kind: string; id: string; name: string }[]>(sql`
    SELECT 'organisation' AS kind, o."id", o."name" FROM "Organisation" o
     WHERE o."id" IN (SELECT t."organisationId" FROM "SocThreat" t WHERE t."id" IN (${scope}))
    ${chosen}
    ORDER BY 1, 3, 2`);
  const officer = rows.find((row) => row.kind === 'lro');
  return {
    organisations: rows.filter((row) => row.kind === 'organisation').map((o) => ({ value: o.id, text: o.name })),
    chosenLeadResponsibleOfficer: officer ? { value: officer.id, text: officer.name } : null,
  };
}

const personSelect = { select: { id: true, name: true, rank: true, email: true } } as const;

/**
 * One threat, loaded only if it is within the user's scope; null otherwise (the caller shows
 * "not found" either way). Returns the policy resource alongside, for `can()`.
 */
export async function getThreatDetail(user: Actor, threatId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const threat = await prisma.socThreat.findFirst({
    where: { AND: [{ id: threatId }, scope] },
    select: {
      id: true,
      urn: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      archivedReason: true,
      lookOutFor: true,
      mappedOn: true,
      version: true,
      updatedAt: true,
      organisation: { select: { id: true, name: true, path: true } },
      leadResponsibleOfficer: personSelect,
      deputy: personSelect,
      areas: { select: { area: true }, orderBy: { area: 'asc' } },
      shares: { select: { organisationId: true, organisation: { select: { name: true } } } },
      assessments: {
        orderBy: { assessedOn: 'desc' },
        take: 20,
        select: {
          id: true,
          assessedOn: true,
          harm: true,
          likelihood: true,
          riskScore: true,
          confidence: true,
          priority: true,
          tier: true,
          moderatedAt: true,
          moderatedBy: { select: { name: true } },
          nextReassessmentDue: true,
        },
      },
      lroAssignments: {
        orderBy: [{ startedAt: 'desc' }],
        take: 50,
        select: { id: true, role: true, startedAt: true, endedAt: true, handoverNote: true, user: { select: { name: true, rank: true } } },
      },
      livePlan: {
        select: {
          id: true,
          status: true,
          version: true,
          nextReviewDue: true,
          activatedAt: true,
          updatedAt: true,
          intelligenceGaps: true,
          _count: { select: { objectives: true, engagements: true } },
          reviews: { orderBy: { reviewedAt: 'desc' }, take: 1, select: { reviewedAt: true, outcome: true, reviewer: { select: { name: true } } } },
        },
      },
    },
  });
  if (!threat) return null;

  const resource = toThreatResource(
    { leadResponsibleOfficerId: threat.leadResponsibleOfficer?.id ?? null, deputyId: threat.deputy?.id ?? null, organisation: threat.organisation, shares: threat.shares },
    user,
    await ownsActionOnThreat(prisma, user, threatId),
  );
  return { threat, resource };
}

export type ThreatDetail = NonNullable<Awaited<ReturnType<typeof getThreatDetail>>>['threat'];

export type StrandActionCounts = Record<Strand, Partial<Record<ActionStatus, number>>>;

/** Actions of a plan counted by strand and status, in the database. */
export async function countPlanActions(planId: string): Promise<StrandActionCounts> {
  const groups = await prisma.action.groupBy({ by: ['strand', 'status'], where: { planId }, _count: { _all: true } });
  const counts: StrandActionCounts = { PURSUE: {}, PREVENT: {}, PROTECT: {}, PREPARE: {} };
  for (const group of groups) counts[group.strand][group.status] = group._count._all;
  return counts;
}

/** The policy resource for one threat, loaded within the user's scope (null when out of it). */
export async function loadThreatResource(db: Pick<typeof prisma, 'socThreat' | 'action'>, user: Actor, threatId: string) {
  const found = await findThreatInScope(db, user, threatId, { version: true });
  return found && { record: found.row, resource: found.resource };
}

/** Who last changed a record, from the audit trail (for conflict messages). */
export async function lastChangeOf(db: Pick<typeof prisma, 'auditEvent'>, entityType: string, entityId: string) {
  const event = await db.auditEvent.findFirst({
    where: { entityType, entityId, NOT: { action: { endsWith: '.view' } } },
    orderBy: { at: 'desc' },
    select: { at: true, actor: { select: { name: true } } },
  });
  return event ? { by: event.actor?.name ?? null, at: event.at } : null;
}
