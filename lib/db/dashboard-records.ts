import 'server-only';
import { join, prisma, raw, sql, sqlDialect, type Sql } from './client';
import { flagRowsSql } from './compliance-sql';
import { pathPrefixSql } from './scope';
import { relationsFor, type Actor } from '@/lib/auth/policy';
import { ANNEX_B_CATEGORIES, OUT_OF_CADENCE_FLAGS, periodInstants } from '@/lib/domain/dashboard';
import { LIVE_THREAT_STATUSES, OPEN_ACTION_STATUSES, type ActionStatus, type CapabilityNeeded, type Shortfall, type Strand } from '@/lib/domain/vocabulary';
import type { ActionRecordsQuery, DisruptionRecordsQuery, PlanRecordsQuery, UnmetDemandRecordsQuery } from '@/lib/validation/dashboard';

// The records behind the dashboard's numbers (issue 6 part 4): Annex B disruptions, unmet demand,
// open actions and active plans, in the user's compliance:read scope (their organisation and
// below), filtered as the figure was counted (the same conditions as lib/db/dashboard.ts), counted
// and paged in the database. A dashboard row is an organisation's subtree (`within`) or, for the
// scope's own row, one organisation exactly (`organisation`).

export const DASHBOARD_RECORDS_PAGE_SIZE = 50;

const list = (values: readonly string[]) => raw(values.map((v) => `'${v}'`).join(', '));
const LIVE = list(LIVE_THREAT_STATUSES);
const OPEN = list(OPEN_ACTION_STATUSES);
/** An enum value as a SQL literal (PostgreSQL has no enum = text operator); only values zod has checked against the vocabulary. */
const literal = (value: string): Sql => {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return raw(`'${value}'`);
};
const ts = (date: Date): Sql => (sqlDialect() === 'postgres' ? sql`CAST(${date} AS timestamp(3))` : sql`${date}`);

/**
 * `column` (an organisation id) is the organisation `withinId` or below it: the organisation's
 * path starts with that one's (compared as text, so no LIKE wildcards are involved). An unknown
 * id matches nothing.
 */
export function withinOrganisationSql(column: Sql, withinId: string): Sql {
  return sql`${column} IN (SELECT o."id" FROM "Organisation" o JOIN "Organisation" w ON w."id" = ${withinId}
    WHERE substr(o."path", 1, length(w."path")) = w."path")`;
}

/** The threats' organisation condition: the user's scope, and the row's place. Null: the user may see none. */
function placeConditions(user: Actor, column: Sql, place: { within?: string; organisation?: string }): Sql[] | null {
  if (!relationsFor(user, 'compliance:read').has('organisation')) return null;
  const where = [sql`${column} IN (SELECT o."id" FROM "Organisation" o WHERE ${pathPrefixSql(sql`o."path"`, user.organisationPath)})`];
  if (place.within) where.push(withinOrganisationSql(column, place.within));
  if (place.organisation) where.push(sql`${column} = ${place.organisation}`);
  return where;
}

export type RecordsPage<T> = { rows: T[]; total: number; page: number; pageCount: number; pageSize: number };

async function paged<T>(countSql: Sql, rowsSql: (limit: Sql) => Sql, page: number, map: (row: Record<string, unknown>) => T): Promise<RecordsPage<T>> {
  const [{ n }] = await prisma.$queryRaw<{ n: number | bigint }[]>(countSql);
  const total = Number(n);
  const pageCount = Math.ceil(total / DASHBOARD_RECORDS_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), Math.max(1, pageCount));
  if (total === 0) return { rows: [], total, page: 1, pageCount: 0, pageSize: DASHBOARD_RECORDS_PAGE_SIZE };
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>(
    rowsSql(raw(` LIMIT ${DASHBOARD_RECORDS_PAGE_SIZE} OFFSET ${(current - 1) * DASHBOARD_RECORDS_PAGE_SIZE}`)),
  );
  return { rows: rows.map(map), total, page: current, pageCount, pageSize: DASHBOARD_RECORDS_PAGE_SIZE };
}

const none = <T>(): RecordsPage<T> => ({ rows: [], total: 0, page: 1, pageCount: 0, pageSize: DASHBOARD_RECORDS_PAGE_SIZE });
const whereOf = (conditions: Sql[]) => sql`WHERE ${join(conditions, ' AND ')}`;
const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const asDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : asDate(value));

type ThreatRef = { id: string; urn: string; name: string };
const threatOf = (row: Record<string, unknown>): ThreatRef => ({ id: String(row.threat_id), urn: String(row.threat_urn), name: String(row.threat_name) });

// --- Disruptions ---------------------------------------------------------------------------------

export type DisruptionRecord = {
  id: string;
  reference: string;
  disruptedOn: Date;
  strand: Strand;
  category: string;
  role: string;
  organisationName: string;
  threat: ThreatRef;
};

/** Disruptions of threats in scope, filtered by place, strand, lead only, Annex B categories and London dates; the latest first. */
export async function listDisruptionRecords(user: Actor, query: DisruptionRecordsQuery): Promise<RecordsPage<DisruptionRecord>> {
  const where = placeConditions(user, sql`t."organisationId"`, query);
  if (!where) return none();
  if (query.strand) where.push(sql`ds."strand" = ${literal(query.strand)}`);
  if (query.lead) where.push(sql`ds."role" = 'LEAD'`);
  if (query.annexB) where.push(sql`ds."category" IN (${list(ANNEX_B_CATEGORIES)})`);
  if (query.from) where.push(sql`ds."disruptedOn" >= ${ts(periodInstants({ from: query.from, to: query.from }).start)}`);
  if (query.to) where.push(sql`ds."disruptedOn" < ${ts(periodInstants({ from: query.to, to: query.to }).end)}`);
  const from = sql`FROM "Disruption" ds JOIN "SocThreat" t ON t."id" = ds."threatId" JOIN "Organisation" og ON og."id" = t."organisationId" ${whereOf(where)}`;
  return paged(
    sql`SELECT COUNT(*) AS n ${from}`,
    (limit) => sql`SELECT ds."id" AS id, ds."reference" AS reference, ds."disruptedOn" AS disrupted_on, ds."strand" AS strand, ds."category" AS category, ds."role" AS role,
        og."name" AS organisation_name, t."id" AS threat_id, t."urn" AS threat_urn, t."name" AS threat_name
      ${from} ORDER BY ds."disruptedOn" DESC, ds."reference" ASC${limit}`,
    query.page,
    (row) => ({
      id: String(row.id),
      reference: String(row.reference),
      disruptedOn: asDate(row.disrupted_on),
      strand: row.strand as Strand,
      category: String(row.category),
      role: String(row.role),
      organisationName: String(row.organisation_name),
      threat: threatOf(row),
    }),
  );
}

// --- Unmet demand --------------------------------------------------------------------------------

export type UnmetDemandRecord = {
  id: string;
  shortfall: Shortfall;
  capabilityNeeded: CapabilityNeeded;
  raisedOn: Date;
  resolvedOn: Date | null;
  organisationName: string;
  threat: ThreatRef;
};

/** Unmet demand on threats in scope, filtered by place, shortfall, capability and open; the latest raised first. */
export async function listUnmetDemandRecords(user: Actor, query: UnmetDemandRecordsQuery): Promise<RecordsPage<UnmetDemandRecord>> {
  const where = placeConditions(user, sql`t."organisationId"`, query);
  if (!where) return none();
  if (query.shortfall) where.push(sql`u."shortfall" = ${literal(query.shortfall)}`);
  if (query.capability) where.push(sql`u."capabilityNeeded" = ${literal(query.capability)}`);
  if (query.open) where.push(sql`u."resolvedOn" IS NULL`);
  const from = sql`FROM "UnmetDemand" u JOIN "SocThreat" t ON t."id" = u."threatId" JOIN "Organisation" og ON og."id" = t."organisationId" ${whereOf(where)}`;
  return paged(
    sql`SELECT COUNT(*) AS n ${from}`,
    (limit) => sql`SELECT u."id" AS id, u."shortfall" AS shortfall, u."capabilityNeeded" AS capability, u."raisedOn" AS raised_on, u."resolvedOn" AS resolved_on,
        og."name" AS organisation_name, t."id" AS threat_id, t."urn" AS threat_urn, t."name" AS threat_name
      ${from} ORDER BY u."raisedOn" DESC, u."id" ASC${limit}`,
    query.page,
    (row) => ({
      id: String(row.id),
      shortfall: row.shortfall as Shortfall,
      capabilityNeeded: row.capability as CapabilityNeeded,
      raisedOn: asDate(row.raised_on),
      resolvedOn: asDateOrNull(row.resolved_on),
      organisationName: String(row.organisation_name),
      threat: threatOf(row),
    }),
  );
}

// --- Open actions --------------------------------------------------------------------------------

export type ActionRecord = {
  id: string;
  description: string;
  strand: Strand;
  status: ActionStatus;
  dueOn: Date | null;
  planId: string;
  organisationName: string;
  threat: ThreatRef;
};

/** Open actions on the ACTIVE plans of live threats in scope (the 4P balance), filtered by place and strand; by due date. */
export async function listOpenActionRecords(user: Actor, query: ActionRecordsQuery): Promise<RecordsPage<ActionRecord>> {
  const where = placeConditions(user, sql`t."organisationId"`, query);
  if (!where) return none();
  where.push(sql`a."status" IN (${OPEN})`, sql`p."status" = 'ACTIVE'`, sql`t."status" IN (${LIVE})`);
  if (query.strand) where.push(sql`a."strand" = ${literal(query.strand)}`);
  const from = sql`FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" JOIN "SocThreat" t ON t."id" = p."threatId"
    JOIN "Organisation" og ON og."id" = t."organisationId" ${whereOf(where)}`;
  return paged(
    sql`SELECT COUNT(*) AS n ${from}`,
    (limit) => sql`SELECT a."id" AS id, a."description" AS description, a."strand" AS strand, a."status" AS status, a."dueOn" AS due_on, p."id" AS plan_id,
        og."name" AS organisation_name, t."id" AS threat_id, t."urn" AS threat_urn, t."name" AS threat_name
      ${from} ORDER BY CASE WHEN a."dueOn" IS NULL THEN 1 ELSE 0 END, a."dueOn" ASC, t."urn" ASC, a."id" ASC${limit}`,
    query.page,
    (row) => ({
      id: String(row.id),
      description: String(row.description),
      strand: row.strand as Strand,
      status: row.status as ActionStatus,
      dueOn: asDateOrNull(row.due_on),
      planId: String(row.plan_id),
      organisationName: String(row.organisation_name),
      threat: threatOf(row),
    }),
  );
}

// --- Active plans --------------------------------------------------------------------------------

export type PlanRecord = {
  id: string;
  nextReviewDue: Date | null;
  lastReviewedAt: Date | null;
  /** Reviewed within cadence: no PLAN_NEVER_REVIEWED or PLAN_REVIEW_OVERDUE flag. */
  inCadence: boolean;
  organisationName: string;
  threat: ThreatRef;
};

/**
 * The ACTIVE plans of live threats in scope (the reviews figure), filtered by place and by whether
 * the compliance engine flags them PLAN_NEVER_REVIEWED or PLAN_REVIEW_OVERDUE at `now`; by next review due.
 */
export async function listActivePlanRecords(user: Actor, query: PlanRecordsQuery, now: Date = new Date()): Promise<RecordsPage<PlanRecord>> {
  const where = placeConditions(user, sql`t."organisationId"`, query);
  if (!where) return none();
  const flags = await flagRowsSql({ organisationPath: user.organisationPath }, now);
  const outOfCadence = sql`SELECT f.subject_id FROM (${flags}) f WHERE f.code IN (${list(OUT_OF_CADENCE_FLAGS)})`;
  where.push(sql`p."status" = 'ACTIVE'`, sql`t."status" IN (${LIVE})`);
  if (query.cadence === 'within') where.push(sql`p."id" NOT IN (${outOfCadence})`);
  if (query.cadence === 'outside') where.push(sql`p."id" IN (${outOfCadence})`);
  const from = sql`FROM "FourPPlan" p JOIN "SocThreat" t ON t."id" = p."threatId" JOIN "Organisation" og ON og."id" = t."organisationId" ${whereOf(where)}`;
  const page = await paged(
    sql`SELECT COUNT(*) AS n ${from}`,
    (limit) => sql`SELECT p."id" AS id, p."nextReviewDue" AS next_due,
        (SELECT MAX(pr."reviewedAt") FROM "PlanReview" pr WHERE pr."planId" = p."id") AS last_reviewed,
        og."name" AS organisation_name, t."id" AS threat_id, t."urn" AS threat_urn, t."name" AS threat_name
      ${from} ORDER BY CASE WHEN p."nextReviewDue" IS NULL THEN 1 ELSE 0 END, p."nextReviewDue" ASC, t."urn" ASC${limit}`,
    query.page,
    (row) => ({
      id: String(row.id),
      nextReviewDue: asDateOrNull(row.next_due),
      lastReviewedAt: asDateOrNull(row.last_reviewed),
      inCadence: true,
      organisationName: String(row.organisation_name),
      threat: threatOf(row),
    }),
  );
  if (page.rows.length) {
    const flagged = await prisma.$queryRaw<{ subject_id: string }[]>(
      sql`SELECT f.subject_id FROM (${flags}) f WHERE f.code IN (${list(OUT_OF_CADENCE_FLAGS)}) AND f.subject_id IN (${join(page.rows.map((r) => r.id))})`,
    );
    const out = new Set(flagged.map((r) => r.subject_id));
    for (const row of page.rows) row.inCadence = !out.has(row.id);
  }
  return page;
}

/** The name of an organisation in the user's scope (for a records page's caption); null outside it. */
export async function organisationNameInScope(user: Actor, organisationId: string | undefined): Promise<string | null> {
  if (!organisationId) return null;
  const row = await prisma.organisation.findFirst({ where: { id: organisationId, path: { startsWith: user.organisationPath } }, select: { name: true } });
  return row?.name ?? null;
}
