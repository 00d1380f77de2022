/**
 * The co-ordinator's dashboard (issue 6 part 4): the shape of its figures and the pure arithmetic
 * behind them. The database fills DashboardData (lib/db/dashboard.ts, aggregated in SQL); the
 * page, the exports and the evidence pack all read this one shape, so a figure on screen and the
 * same figure in a download cannot differ.
 *
 * Methods, as the screen states them:
 * - Plans reviewed within cadence: of the live threats (MAPPED or ACTIVE) with an ACTIVE plan,
 *   those whose plan has been reviewed and is not overdue (no PLAN_NEVER_REVIEWED and no
 *   PLAN_REVIEW_OVERDUE flag): the same rules as the flags.
 * - 4P balance of open actions: actions NOT_STARTED, IN_PROGRESS or BLOCKED on the ACTIVE plans of
 *   live threats, by strand.
 * - Share of Pursue disruptions (the inspection report's Figure 1, Annex B method): lead
 *   disruptions only, assessed MAJOR, MODERATE or MINOR (not NONE or NEGATIVE), dated within the
 *   chosen 12-month period; Pursue as a percentage of them.
 * - Unmet demand: records by shortfall and capability needed; "open" means not yet resolved.
 * - LRO caseload and training: officers holding live threats as LRO.
 */
import type { FlagCode } from '@/lib/domain/compliance/flags';
import { addCalendarDays, addCalendarMonths, londonDayStart } from '@/lib/domain/dates';
import type { CapabilityNeeded, Shortfall, Strand } from '@/lib/domain/vocabulary';

// lib/domain imports nothing outside it (ESLint's layer rule): the same union as lib/auth/policy.ts's
// OrganisationKind, which assigns to and from this one.
export type OrganisationKind = 'NATIONAL' | 'REGION' | 'ROCU' | 'FORCE' | 'LPA' | 'PARTNER';

export type StrandCounts = Record<Strand, number>;

/** The disruption categories Annex B counts (not NONE or NEGATIVE). */
export const ANNEX_B_CATEGORIES = ['MAJOR', 'MODERATE', 'MINOR'] as const;

/** The flags that take an active plan out of "reviewed within cadence" (never both on one plan). */
export const OUT_OF_CADENCE_FLAGS = ['PLAN_NEVER_REVIEWED', 'PLAN_REVIEW_OVERDUE'] as const satisfies readonly FlagCode[];

/** A chosen 12-month period: London calendar dates, both inclusive (yyyy-mm-dd). */
export type DashboardPeriod = { from: string; to: string; label: string };

export type DashboardOrganisation = { id: string; name: string; kind: OrganisationKind };

export type ReviewFigure = { activePlans: number; reviewedInCadence: number; percent: number | null };

export type FlagFigure = { code: FlagCode; alerts: number; warnings: number };

export type BalanceFigure = { counts: StrandCounts; total: number; percents: Record<Strand, number | null> };

/** Annex B: lead disruptions assessed MAJOR, MODERATE or MINOR within the period. */
export type DisruptionShareFigure = { lead: number; pursue: number; percent: number | null; byStrand: StrandCounts };

export type UnmetDemandFigure = { shortfall: Shortfall; capabilityNeeded: CapabilityNeeded; open: number; total: number };

export type CaseloadFigure = {
  /** Officers holding at least one live threat as LRO. */
  lros: number;
  /** Live threats with an LRO. */
  threatsHeld: number;
  averageCaseload: number | null;
  maxCaseload: number;
  /** LROs at or over the caseload warning threshold. */
  overloaded: number;
  trained: number;
  untrained: number;
};

/** The figures of one organisation (its subtree summed), or of the whole scope. */
export type DashboardRow = {
  organisation: DashboardOrganisation;
  /**
   * True for the scope organisation's own row: only the records it owns directly, not its
   * subtree (the drill-down links then filter by that organisation exactly).
   */
  own?: boolean;
  reviews: ReviewFigure;
  /** Every flag code, in FLAG_CODES order, zeros included. */
  flags: FlagFigure[];
  balance: BalanceFigure;
  disruptions: DisruptionShareFigure;
  /** Every shortfall x capability pair with any record, in vocabulary order. */
  unmetDemand: UnmetDemandFigure[];
  caseload: CaseloadFigure;
};

/** One day of the trend: the scope's snapshot figures summed (ComplianceSnapshot). */
export type TrendPoint = {
  day: string;
  activePlans: number;
  plansReviewedInCadence: number;
  flagAlerts: number;
  flagWarnings: number;
  openActions: number;
  openPursue: number;
  leadDisruptions: number;
  pursueDisruptions: number;
  openUnmetDemand: number;
};

export type DashboardData = {
  /** The user's organisation: the scope. */
  scope: DashboardOrganisation;
  generatedAt: Date;
  period: DashboardPeriod;
  /** The national average share of Pursue disruptions the co-ordinator has set (settings). */
  nationalPursuePercent: number;
  /** The whole scope. */
  total: DashboardRow;
  /**
   * One row per direct child of the scope organisation (partners excluded), each with its subtree
   * summed, and one for the scope organisation itself when it owns records directly; by name.
   */
  organisations: DashboardRow[];
  trend: TrendPoint[];
};

/** part / whole as a percentage rounded to one decimal place; null when there is no whole. */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Counts by strand with their total and each strand's share (percentOf). */
export function balanceOf(counts: StrandCounts): BalanceFigure {
  const total = counts.PURSUE + counts.PREVENT + counts.PROTECT + counts.PREPARE;
  return {
    counts,
    total,
    percents: {
      PURSUE: percentOf(counts.PURSUE, total),
      PREVENT: percentOf(counts.PREVENT, total),
      PROTECT: percentOf(counts.PROTECT, total),
      PREPARE: percentOf(counts.PREPARE, total),
    },
  };
}

/**
 * The 12 months ending with the given month (yyyy-mm): from the first day of the month eleven
 * months before to the last day of that month, both inclusive. "Year ending 30 June 2024" is
 * periodEnding('2024-06').
 */
export function periodEnding(month: string): DashboardPeriod {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`Not a month: ${month}`);
  const first = `${month}-01`;
  const to = addCalendarDays(addCalendarMonths(first, 1), -1);
  const from = addCalendarMonths(first, -11);
  const [y, m, d] = to.split('-').map(Number);
  const label = `year ending ${d} ${new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
  return { from, to, label };
}

/**
 * The instants bounding a period of London dates, for comparing stored instants: from the start
 * of London's day `from` (inclusive) to the start of the day after `to` (exclusive).
 */
export function periodInstants(period: Pick<DashboardPeriod, 'from' | 'to'>): { start: Date; end: Date } {
  return { start: londonDayStart(period.from), end: londonDayStart(addCalendarDays(period.to, 1)) };
}
