import 'server-only';
import { prisma, raw, sql, sqlDialect, type Sql } from './client';
import { countFlagsByOrganisation } from './compliance-sql';
import { countTrainingByOrganisation } from './lro-register';
import { pathPrefixSql } from './scope';
import { getEffectiveThresholds } from './settings';
import { relationsFor, type Actor, type OrganisationKind } from '@/lib/auth/policy';
import { FLAG_CODES, type FlagCode } from '@/lib/domain/compliance/flags';
import {
  ANNEX_B_CATEGORIES,
  balanceOf,
  OUT_OF_CADENCE_FLAGS,
  periodInstants,
  percentOf,
  type CaseloadFigure,
  type DashboardData,
  type DashboardOrganisation,
  type DashboardPeriod,
  type DashboardRow,
  type StrandCounts,
  type TrendPoint,
  type UnmetDemandFigure,
} from '@/lib/domain/dashboard';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { CAPABILITIES_NEEDED, LIVE_THREAT_STATUSES, OPEN_ACTION_STATUSES, SHORTFALLS, STRANDS, type CapabilityNeeded, type Shortfall, type Strand } from '@/lib/domain/vocabulary';

// The co-ordinator's dashboard (issue 6 part 4), aggregated in SQL. Every figure family is one
// query over the scope, grouped by the exact organisation that owns the records; the handful of
// per-organisation results (at most organisations x categories rows) are then rolled up to the
// dashboard's rows in TypeScript. The daily snapshots (lib/services/snapshots.ts) read the same
// per-organisation figures (figuresByOrganisation), so a snapshot and the dashboard cannot count
// differently. Plans reviewed within cadence are the active plans less those flagged
// PLAN_NEVER_REVIEWED or PLAN_REVIEW_OVERDUE by the compliance engine (compliance-sql.ts): the
// two flags never fall on the same plan, so the subtraction is exact and agrees with the flags.

const list = (values: readonly string[]) => raw(values.map((v) => `'${v}'`).join(', '));
const LIVE = list(LIVE_THREAT_STATUSES);
const OPEN = list(OPEN_ACTION_STATUSES);
const ANNEX_B = list(ANNEX_B_CATEGORIES);

/** An instant as a bound parameter, typed for PostgreSQL where it cannot infer it. */
const ts = (date: Date): Sql => (sqlDialect() === 'postgres' ? sql`CAST(${date} AS timestamp(3))` : sql`${date}`);

const n = (value: number | bigint | null | undefined): number => Number(value ?? 0);

const zeroStrands = (): StrandCounts => ({ PURSUE: 0, PREVENT: 0, PROTECT: 0, PREPARE: 0 });

/** The organisations at `organisationPath` and below, as a condition on an organisation id column. */
function inScope(column: Sql, organisationPath: string): Sql {
  return sql`${column} IN (SELECT o."id" FROM "Organisation" o WHERE ${pathPrefixSql(sql`o."path"`, organisationPath)})`;
}


// --- SQL builders: each yields one figure family for every organisation under a path ---------------

/** Live threats and the ACTIVE plans of live threats, by the threat's organisation. */
export function threatFiguresSql(organisationPath: string): Sql {
  return sql`SELECT t."organisationId" AS organisation_id, COUNT(DISTINCT t."id") AS live_threats, COUNT(p."id") AS active_plans
    FROM "SocThreat" t LEFT JOIN "FourPPlan" p ON p."threatId" = t."id" AND p."status" = 'ACTIVE'
    WHERE t."status" IN (${LIVE}) AND ${inScope(sql`t."organisationId"`, organisationPath)}
    GROUP BY t."organisationId"`;
}

/** Open actions on the ACTIVE plans of live threats, by the threat's organisation and strand. */
export function openActionsSql(organisationPath: string): Sql {
  return sql`SELECT t."organisationId" AS organisation_id, a."strand" AS strand, COUNT(*) AS n
    FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" JOIN "SocThreat" t ON t."id" = p."threatId"
    WHERE a."status" IN (${OPEN}) AND p."status" = 'ACTIVE' AND t."status" IN (${LIVE}) AND ${inScope(sql`t."organisationId"`, organisationPath)}
    GROUP BY t."organisationId", a."strand"`;
}

/** Annex B: lead disruptions assessed MAJOR, MODERATE or MINOR within the period, by the threat's organisation and strand. */
export function annexBDisruptionsSql(organisationPath: string, period: Pick<DashboardPeriod, 'from' | 'to'>): Sql {
  const { start, end } = periodInstants(period);
  return sql`SELECT t."organisationId" AS organisation_id, ds."strand" AS strand, COUNT(*) AS n
    FROM "Disruption" ds JOIN "SocThreat" t ON t."id" = ds."threatId"
    WHERE ds."role" = 'LEAD' AND ds."category" IN (${ANNEX_B})
      AND ds."disruptedOn" >= ${ts(start)} AND ds."disruptedOn" < ${ts(end)}
      AND ${inScope(sql`t."organisationId"`, organisationPath)}
    GROUP BY t."organisationId", ds."strand"`;
}

/** Unmet demand by the threat's organisation, shortfall and capability: all records and the open ones. */
export function unmetDemandSql(organisationPath: string): Sql {
  return sql`SELECT t."organisationId" AS organisation_id, u."shortfall" AS shortfall, u."capabilityNeeded" AS capability,
      COUNT(*) AS total, SUM(CASE WHEN u."resolvedOn" IS NULL THEN 1 ELSE 0 END) AS open
    FROM "UnmetDemand" u JOIN "SocThreat" t ON t."id" = u."threatId"
    WHERE ${inScope(sql`t."organisationId"`, organisationPath)}
    GROUP BY t."organisationId", u."shortfall", u."capabilityNeeded"`;
}

/** Officers holding live threats as LRO, by the officer's organisation: how many, threats held, the most held by one. */
export function caseloadSql(organisationPath: string): Sql {
  return sql`SELECT ol.organisation_id AS organisation_id, COUNT(*) AS lros, SUM(ol.live) AS held, MAX(ol.live) AS max_live
    FROM (
      SELECT u."id" AS officer_id, u."organisationId" AS organisation_id, COUNT(*) AS live
      FROM "User" u JOIN "SocThreat" t ON t."leadResponsibleOfficerId" = u."id"
      WHERE t."status" IN (${LIVE}) AND ${inScope(sql`u."organisationId"`, organisationPath)}
      GROUP BY u."id", u."organisationId"
    ) ol
    GROUP BY ol.organisation_id`;
}

// --- Figures of one organisation (its own records) ---------------------------------------------------

export type OrganisationFigures = {
  liveThreats: number;
  activePlans: number;
  plansReviewedInCadence: number;
  /** Flags by code: alerts and warnings. */
  flags: Map<FlagCode, { alerts: number; warnings: number }>;
  openActions: StrandCounts;
  /** Annex B disruptions within the period, by strand. */
  disruptions: StrandCounts;
  /** `${shortfall}:${capability}` -> counts. */
  unmetDemand: Map<string, { open: number; total: number }>;
};

export function emptyFigures(): OrganisationFigures {
  return {
    liveThreats: 0,
    activePlans: 0,
    plansReviewedInCadence: 0,
    flags: new Map(),
    openActions: zeroStrands(),
    disruptions: zeroStrands(),
    unmetDemand: new Map(),
  };
}


/**
 * Every figure of every organisation at `organisationPath` and below that owns any, each for its
 * own records only (not its subtree), at `now` and for the period: five queries, run together.
 */
export async function figuresByOrganisation(organisationPath: string, now: Date, period: Pick<DashboardPeriod, 'from' | 'to'>): Promise<Map<string, OrganisationFigures>> {
  type Grouped = { organisation_id: string; strand: Strand; n: number | bigint };
  const [threats, flags, actions, disruptions, unmet] = await Promise.all([
    prisma.$queryRaw<{ organisation_id: string; live_threats: number | bigint; active_plans: number | bigint }[]>(threatFiguresSql(organisationPath)),
    countFlagsByOrganisation(organisationPath, now),
    prisma.$queryRaw<Grouped[]>(openActionsSql(organisationPath)),
    prisma.$queryRaw<Grouped[]>(annexBDisruptionsSql(organisationPath, period)),
    prisma.$queryRaw<{ organisation_id: string; shortfall: Shortfall; capability: CapabilityNeeded; total: number | bigint; open: number | bigint | null }[]>(
      unmetDemandSql(organisationPath),
    ),
  ]);
  const out = new Map<string, OrganisationFigures>();
  const of = (id: string) => {
    let figures = out.get(id);
    if (!figures) out.set(id, (figures = emptyFigures()));
    return figures;
  };
  for (const row of threats) {
    const f = of(row.organisation_id);
    f.liveThreats = n(row.live_threats);
    f.activePlans = n(row.active_plans);
  }
  for (const row of flags) {
    const f = of(row.organisationId);
    const counts = f.flags.get(row.code) ?? { alerts: 0, warnings: 0 };
    if (row.severity === 'alert') counts.alerts += row.count;
    else counts.warnings += row.count;
    f.flags.set(row.code, counts);
  }
  for (const row of actions) of(row.organisation_id).openActions[row.strand] += n(row.n);
  for (const row of disruptions) of(row.organisation_id).disruptions[row.strand] += n(row.n);
  for (const row of unmet) {
    const f = of(row.organisation_id);
    f.unmetDemand.set(`${row.shortfall}:${row.capability}`, { open: n(row.open), total: n(row.total) });
  }
  for (const f of out.values()) {
    const outOfCadence = OUT_OF_CADENCE_FLAGS.reduce((sum, code) => sum + (f.flags.get(code)?.alerts ?? 0) + (f.flags.get(code)?.warnings ?? 0), 0);
    f.plansReviewedInCadence = f.activePlans - outOfCadence;
  }
  return out;
}

// --- Rows ----------------------------------------------------------------------------------------

type Caseload = { lros: number; held: number; max: number; trained: number; untrained: number };

type Accumulator = { figures: OrganisationFigures; caseload: Caseload };

function emptyAccumulator(): Accumulator {
  return { figures: emptyFigures(), caseload: { lros: 0, held: 0, max: 0, trained: 0, untrained: 0 } };
}

function addFigures(into: OrganisationFigures, from: OrganisationFigures) {
  into.liveThreats += from.liveThreats;
  into.activePlans += from.activePlans;
  into.plansReviewedInCadence += from.plansReviewedInCadence;
  for (const [code, counts] of from.flags) {
    const existing = into.flags.get(code) ?? { alerts: 0, warnings: 0 };
    into.flags.set(code, { alerts: existing.alerts + counts.alerts, warnings: existing.warnings + counts.warnings });
  }
  for (const strand of STRANDS) {
    into.openActions[strand] += from.openActions[strand];
    into.disruptions[strand] += from.disruptions[strand];
  }
  for (const [key, counts] of from.unmetDemand) {
    const existing = into.unmetDemand.get(key) ?? { open: 0, total: 0 };
    into.unmetDemand.set(key, { open: existing.open + counts.open, total: existing.total + counts.total });
  }
}

function toRow(organisation: DashboardOrganisation, { figures: f, caseload: c }: Accumulator, own: boolean): DashboardRow {
  const lead = STRANDS.reduce((sum, s) => sum + f.disruptions[s], 0);
  const unmetDemand: UnmetDemandFigure[] = [];
  for (const shortfall of SHORTFALLS) {
    for (const capabilityNeeded of CAPABILITIES_NEEDED) {
      const counts = f.unmetDemand.get(`${shortfall}:${capabilityNeeded}`);
      if (counts && counts.total > 0) unmetDemand.push({ shortfall, capabilityNeeded, open: counts.open, total: counts.total });
    }
  }
  const overloaded = (f.flags.get('LRO_OVERLOADED')?.alerts ?? 0) + (f.flags.get('LRO_OVERLOADED')?.warnings ?? 0);
  const caseload: CaseloadFigure = {
    lros: c.lros,
    threatsHeld: c.held,
    averageCaseload: c.lros ? Math.round((c.held / c.lros) * 10) / 10 : null,
    maxCaseload: c.max,
    overloaded,
    trained: c.trained,
    untrained: c.untrained,
  };
  return {
    organisation,
    own,
    reviews: { activePlans: f.activePlans, reviewedInCadence: f.plansReviewedInCadence, percent: percentOf(f.plansReviewedInCadence, f.activePlans) },
    flags: FLAG_CODES.map((code) => ({ code, alerts: f.flags.get(code)?.alerts ?? 0, warnings: f.flags.get(code)?.warnings ?? 0 })),
    balance: balanceOf({ ...f.openActions }),
    disruptions: { lead, pursue: f.disruptions.PURSUE, percent: percentOf(f.disruptions.PURSUE, lead), byStrand: { ...f.disruptions } },
    unmetDemand,
    caseload,
  };
}

/** Whether a row has anything to show (the scope's own row is left out when it owns nothing). */
function hasRecords({ figures: f, caseload: c }: Accumulator): boolean {
  return (
    f.liveThreats > 0 ||
    f.activePlans > 0 ||
    f.flags.size > 0 ||
    STRANDS.some((s) => f.openActions[s] > 0 || f.disruptions[s] > 0) ||
    f.unmetDemand.size > 0 ||
    c.lros > 0
  );
}

// --- Trend ---------------------------------------------------------------------------------------

/** Days of snapshots the trend shows, today included. */
export const TREND_DAYS = 90;

/** The snapshots of the organisations at `organisationPath` and below, summed per day, from `fromDay` to `toDay`. */
export async function trendPoints(organisationPath: string, fromDay: string, toDay: string): Promise<TrendPoint[]> {
  const rows = await prisma.$queryRaw<Record<string, string | number | bigint | null>[]>(sql`
    SELECT s."day" AS day, SUM(s."activePlans") AS active_plans, SUM(s."plansReviewedInCadence") AS reviewed,
           SUM(s."flagAlerts") AS alerts, SUM(s."flagWarnings") AS warnings, SUM(s."openActions") AS open_actions,
           SUM(s."openPursue") AS open_pursue, SUM(s."leadDisruptions") AS lead, SUM(s."pursueDisruptions") AS pursue,
           SUM(s."openUnmetDemand") AS unmet
      FROM "ComplianceSnapshot" s
     WHERE ${inScope(sql`s."organisationId"`, organisationPath)} AND s."day" >= ${fromDay} AND s."day" <= ${toDay}
     GROUP BY s."day" ORDER BY s."day"`);
  return rows.map((row) => ({
    day: String(row.day),
    activePlans: n(row.active_plans as number),
    plansReviewedInCadence: n(row.reviewed as number),
    flagAlerts: n(row.alerts as number),
    flagWarnings: n(row.warnings as number),
    openActions: n(row.open_actions as number),
    openPursue: n(row.open_pursue as number),
    leadDisruptions: n(row.lead as number),
    pursueDisruptions: n(row.pursue as number),
    openUnmetDemand: n(row.unmet as number),
  }));
}

// --- The dashboard -------------------------------------------------------------------------------

/**
 * The dashboard of the user's scope (their organisation and below; compliance:read) at `now`, for
 * the period. One row per direct child organisation (partners excluded) with its subtree summed,
 * and one for the scope organisation's own records when it has any; the total is the whole scope.
 * About ten queries in all, whatever the number of organisations or records.
 */
export async function getDashboard(user: Actor, opts: { period: DashboardPeriod }, now: Date = new Date()): Promise<DashboardData> {
  if (!relationsFor(user, 'compliance:read').has('organisation')) throw new Error('Not allowed to read compliance figures');
  const path = user.organisationPath;
  const today = londonDateKey(now);
  const [organisations, figures, caseloads, training, thresholds, trend] = await Promise.all([
    prisma.organisation.findMany({ where: { path: { startsWith: path } }, select: { id: true, name: true, kind: true, path: true, parentId: true } }),
    figuresByOrganisation(path, now, opts.period),
    prisma.$queryRaw<{ organisation_id: string; lros: number | bigint; held: number | bigint | null; max_live: number | bigint | null }[]>(caseloadSql(path)),
    countTrainingByOrganisation(user, now),
    getEffectiveThresholds(path),
    trendPoints(path, addCalendarDays(today, -(TREND_DAYS - 1)), today),
  ]);
  const scopeRow = organisations.find((o) => o.id === user.organisationId);
  if (!scopeRow) throw new Error('The user’s organisation was not found');
  const organisationOf = (o: { id: string; name: string; kind: string }): DashboardOrganisation => ({ id: o.id, name: o.name, kind: o.kind as OrganisationKind });

  // Each organisation's row: the direct child whose path prefixes it, or the scope's own row.
  const children = organisations.filter((o) => o.parentId === scopeRow.id && o.kind !== 'PARTNER');
  const rowOf = new Map<string, string>();
  for (const o of organisations) {
    if (o.id === scopeRow.id) rowOf.set(o.id, scopeRow.id);
    else {
      const child = children.find((c) => o.path.startsWith(c.path));
      if (child) rowOf.set(o.id, child.id);
    }
  }
  const accumulators = new Map<string, Accumulator>([[scopeRow.id, emptyAccumulator()], ...children.map((c) => [c.id, emptyAccumulator()] as const)]);
  const total = emptyAccumulator();
  const targets = (organisationId: string) => [total, accumulators.get(rowOf.get(organisationId) ?? '')].filter((a): a is Accumulator => a !== undefined);

  for (const [organisationId, f] of figures) for (const a of targets(organisationId)) addFigures(a.figures, f);
  for (const row of caseloads) {
    for (const a of targets(row.organisation_id)) {
      a.caseload.lros += n(row.lros);
      a.caseload.held += n(row.held);
      a.caseload.max = Math.max(a.caseload.max, n(row.max_live));
    }
  }
  for (const row of training) {
    for (const a of targets(row.organisationId)) {
      a.caseload.trained += row.trained;
      a.caseload.untrained += row.untrained;
    }
  }

  const rows = children.map((c) => toRow(organisationOf(c), accumulators.get(c.id)!, false));
  const own = accumulators.get(scopeRow.id)!;
  if (hasRecords(own)) rows.push(toRow(organisationOf(scopeRow), own, true));
  rows.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'en-GB') || a.organisation.id.localeCompare(b.organisation.id));

  return {
    scope: organisationOf(scopeRow),
    generatedAt: now,
    period: opts.period,
    nationalPursuePercent: thresholds.nationalPursuePercent,
    total: toRow(organisationOf(scopeRow), total, false),
    organisations: rows,
    trend,
  };
}

// --- Snapshots -----------------------------------------------------------------------------------

export type SnapshotInput = {
  organisationId: string;
  liveThreats: number;
  activePlans: number;
  plansReviewedInCadence: number;
  flagAlerts: number;
  flagWarnings: number;
  open: StrandCounts;
  leadDisruptions: number;
  pursueDisruptions: number;
  openUnmetDemand: number;
  flags: { code: FlagCode; severity: 'alert' | 'warning'; count: number }[];
};

/** The day's snapshot of each organisation: figures replaced (deleted and written again) in one transaction. */
export async function replaceSnapshotsForDay(day: string, snapshots: readonly SnapshotInput[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.complianceSnapshot.deleteMany({ where: { day } });
    for (const s of snapshots) {
      await tx.complianceSnapshot.create({
        data: {
          organisationId: s.organisationId,
          day,
          liveThreats: s.liveThreats,
          activePlans: s.activePlans,
          plansReviewedInCadence: s.plansReviewedInCadence,
          flagAlerts: s.flagAlerts,
          flagWarnings: s.flagWarnings,
          openActions: s.open.PURSUE + s.open.PREVENT + s.open.PROTECT + s.open.PREPARE,
          openPursue: s.open.PURSUE,
          openPrevent: s.open.PREVENT,
          openProtect: s.open.PROTECT,
          openPrepare: s.open.PREPARE,
          leadDisruptions: s.leadDisruptions,
          pursueDisruptions: s.pursueDisruptions,
          openUnmetDemand: s.openUnmetDemand,
          flags: { create: s.flags.filter((f) => f.count > 0).map((f) => ({ code: f.code, severity: f.severity, count: f.count })) },
        },
      });
    }
  });
}

/** The ids of the organisations that own threats (any status). */
export async function listOrganisationsOwningThreats(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(sql`SELECT DISTINCT t."organisationId" AS id FROM "SocThreat" t ORDER BY t."organisationId"`);
  return rows.map((r) => r.id);
}
