/**
 * The dashboard's tables as rows and columns (issue 6 part 5): one organisation per row and a
 * total row for the whole scope, headers in words, each with its period and method. The one source
 * for the CSV and XLSX downloads of each table, the inspection evidence pack and the print view,
 * so a figure reads the same on screen, on paper and in a spreadsheet. Pure: DashboardData in.
 */
import { FLAG_CODES, FLAG_LABELS } from '@/lib/domain/compliance/flags';
import type { DashboardData, DashboardRow } from '@/lib/domain/dashboard';
import { CAPABILITIES_NEEDED, CAPABILITY_NEEDED_LABELS, SHORTFALLS, SHORTFALL_LABELS, STRANDS, STRAND_LABELS } from '@/lib/domain/vocabulary';

export const DASHBOARD_TABLE_KEYS = ['reviews', 'flags', 'balance', 'disruptions', 'unmet-demand', 'caseload', 'trend'] as const;
export type DashboardTableKey = (typeof DASHBOARD_TABLE_KEYS)[number];

export function isDashboardTableKey(value: string): value is DashboardTableKey {
  return (DASHBOARD_TABLE_KEYS as readonly string[]).includes(value);
}

export type TableCell = string | number | null;

export type DashboardTable = {
  key: DashboardTableKey;
  title: string;
  /** How the figures are counted, in a sentence or two (as the dashboard states it). */
  method: string;
  header: string[];
  /** One row per organisation, then the total row (trend: one row per day). */
  rows: TableCell[][];
  /** Whether the last row is the scope's total (set in bold where the format allows). */
  hasTotalRow: boolean;
};

/** How each figure is counted: the dashboard's methods (lib/domain/dashboard.ts), in words. */
export const DASHBOARD_METHODS: Record<DashboardTableKey, string> = {
  reviews:
    'Of the live threats (mapped or active) with an active 4P plan, those whose plan has been reviewed and whose next review is not overdue: the same rules as the Never reviewed and Review overdue flags.',
  flags: 'Compliance flags raised now on the records of each organisation, by flag and severity, with the thresholds each organisation has set.',
  balance: 'Open actions (not started, in progress or blocked) on the active plans of live threats, by strand.',
  disruptions:
    'Inspection report Figure 1, Annex B method: lead disruptions only, assessed major, moderate or minor (not none or negative), dated within the period; Pursue as a percentage of them, beside the national average set in the settings.',
  'unmet-demand': 'Unmet demand recorded on threats, by shortfall and capability needed; open means not yet resolved.',
  caseload: 'Officers holding at least one live threat as LRO: threats held, caseload, overloaded LROs (at or over the warning threshold) and LRO training.',
  trend: 'The scope’s daily compliance snapshots, summed over its organisations, for the last 90 days.',
};

export const DASHBOARD_TITLES: Record<DashboardTableKey, string> = {
  reviews: 'Plans reviewed within cadence',
  flags: 'Compliance flags',
  balance: '4P balance of open actions',
  disruptions: 'Share of Pursue among disruptions',
  'unmet-demand': 'Unmet demand',
  caseload: 'LRO caseload and training',
  trend: 'Trend',
};

/** The organisation column: the scope's own records are told apart from the whole scope. */
function organisationLabel(row: DashboardRow): string {
  return row.own ? `${row.organisation.name} (own records)` : row.organisation.name;
}

function totalLabel(data: DashboardData): string {
  return `Total: all of ${data.scope.name}`;
}

/** Percentage-point difference, one decimal place; null without a percentage. */
function pointsAbove(percent: number | null, average: number): number | null {
  return percent === null ? null : Math.round((percent - average) * 10) / 10;
}

type RowTable = { header: string[]; cells: (row: DashboardRow) => TableCell[] };

function perOrganisation(data: DashboardData, key: DashboardTableKey, table: RowTable): DashboardTable {
  return {
    key,
    title: DASHBOARD_TITLES[key],
    method: DASHBOARD_METHODS[key],
    header: ['Organisation', ...table.header],
    rows: [...data.organisations.map((row) => [organisationLabel(row), ...table.cells(row)]), [totalLabel(data), ...table.cells(data.total)]],
    hasTotalRow: true,
  };
}

function reviewsTable(data: DashboardData): DashboardTable {
  return perOrganisation(data, 'reviews', {
    header: ['Active plans', 'Reviewed within cadence', 'Reviewed within cadence (%)'],
    cells: (row) => [row.reviews.activePlans, row.reviews.reviewedInCadence, row.reviews.percent],
  });
}

function flagsTable(data: DashboardData): DashboardTable {
  const count = (row: DashboardRow, code: (typeof FLAG_CODES)[number]) => row.flags.find((f) => f.code === code) ?? { alerts: 0, warnings: 0 };
  return perOrganisation(data, 'flags', {
    header: ['All alerts', 'All warnings', ...FLAG_CODES.flatMap((code) => [`${FLAG_LABELS[code]}: alerts`, `${FLAG_LABELS[code]}: warnings`])],
    cells: (row) => [
      row.flags.reduce((sum, f) => sum + f.alerts, 0),
      row.flags.reduce((sum, f) => sum + f.warnings, 0),
      ...FLAG_CODES.flatMap((code) => {
        const figure = count(row, code);
        return [figure.alerts, figure.warnings];
      }),
    ],
  });
}

function balanceTable(data: DashboardData): DashboardTable {
  return perOrganisation(data, 'balance', {
    header: ['Open actions', ...STRANDS.map((s) => STRAND_LABELS[s]), ...STRANDS.map((s) => `${STRAND_LABELS[s]} (%)`)],
    cells: (row) => [row.balance.total, ...STRANDS.map((s) => row.balance.counts[s]), ...STRANDS.map((s) => row.balance.percents[s])],
  });
}

function disruptionsTable(data: DashboardData): DashboardTable {
  const average = data.nationalPursuePercent;
  return perOrganisation(data, 'disruptions', {
    header: [
      'Lead disruptions (major, moderate or minor)',
      ...STRANDS.map((s) => STRAND_LABELS[s]),
      'Pursue share (%)',
      'National average (%)',
      'Difference (percentage points)',
    ],
    cells: (row) => [row.disruptions.lead, ...STRANDS.map((s) => row.disruptions.byStrand[s]), row.disruptions.percent, average, pointsAbove(row.disruptions.percent, average)],
  });
}

function unmetDemandTable(data: DashboardData): DashboardTable {
  const rows = [...data.organisations, data.total];
  // Columns for the shortfall and capability pairs any row has, in vocabulary order.
  const pairs = SHORTFALLS.flatMap((shortfall) => CAPABILITIES_NEEDED.map((capabilityNeeded) => ({ shortfall, capabilityNeeded }))).filter((pair) =>
    rows.some((row) => row.unmetDemand.some((f) => f.shortfall === pair.shortfall && f.capabilityNeeded === pair.capabilityNeeded)),
  );
  const figure = (row: DashboardRow, pair: (typeof pairs)[number]) =>
    row.unmetDemand.find((f) => f.shortfall === pair.shortfall && f.capabilityNeeded === pair.capabilityNeeded) ?? { open: 0, total: 0 };
  const sum = (row: DashboardRow, shortfall: (typeof SHORTFALLS)[number] | null, field: 'open' | 'total') =>
    row.unmetDemand.filter((f) => shortfall === null || f.shortfall === shortfall).reduce((n, f) => n + f[field], 0);
  return perOrganisation(data, 'unmet-demand', {
    header: [
      'Open',
      'Recorded',
      ...SHORTFALLS.flatMap((s) => [`${SHORTFALL_LABELS[s]}: open`, `${SHORTFALL_LABELS[s]}: recorded`]),
      ...pairs.flatMap((p) => [`${SHORTFALL_LABELS[p.shortfall]}, ${CAPABILITY_NEEDED_LABELS[p.capabilityNeeded].toLowerCase()}: open`, `${SHORTFALL_LABELS[p.shortfall]}, ${CAPABILITY_NEEDED_LABELS[p.capabilityNeeded].toLowerCase()}: recorded`]),
    ],
    cells: (row) => [
      sum(row, null, 'open'),
      sum(row, null, 'total'),
      ...SHORTFALLS.flatMap((s) => [sum(row, s, 'open'), sum(row, s, 'total')]),
      ...pairs.flatMap((p) => [figure(row, p).open, figure(row, p).total]),
    ],
  });
}

function caseloadTable(data: DashboardData): DashboardTable {
  return perOrganisation(data, 'caseload', {
    header: ['LROs', 'Live threats with an LRO', 'Average caseload', 'Highest caseload', 'Overloaded LROs', 'LROs trained', 'LROs not trained'],
    cells: ({ caseload: c }) => [c.lros, c.threatsHeld, c.averageCaseload, c.maxCaseload, c.overloaded, c.trained, c.untrained],
  });
}

function trendTable(data: DashboardData): DashboardTable {
  return {
    key: 'trend',
    title: DASHBOARD_TITLES.trend,
    method: DASHBOARD_METHODS.trend,
    header: [
      'Day',
      'Active plans',
      'Reviewed within cadence',
      'Flag alerts',
      'Flag warnings',
      'Open actions',
      'Open Pursue actions',
      'Lead disruptions (Annex B)',
      'Pursue disruptions',
      'Open unmet demand',
    ],
    rows: data.trend.map((p) => [
      p.day,
      p.activePlans,
      p.plansReviewedInCadence,
      p.flagAlerts,
      p.flagWarnings,
      p.openActions,
      p.openPursue,
      p.leadDisruptions,
      p.pursueDisruptions,
      p.openUnmetDemand,
    ]),
    hasTotalRow: false,
  };
}

const BUILDERS: Record<DashboardTableKey, (data: DashboardData) => DashboardTable> = {
  reviews: reviewsTable,
  flags: flagsTable,
  balance: balanceTable,
  disruptions: disruptionsTable,
  'unmet-demand': unmetDemandTable,
  caseload: caseloadTable,
  trend: trendTable,
};

/** One of the dashboard's tables, from its figures. */
export function dashboardTable(data: DashboardData, key: DashboardTableKey): DashboardTable {
  return BUILDERS[key](data);
}

/**
 * The flags table turned for paper: one row per flag, one column per organisation and the total,
 * each cell "alerts / warnings" (the wide table has two columns per flag, too many to print).
 */
export function flagsByFlagTable(data: DashboardData): DashboardTable & { numericColumns: false } {
  const rows = [...data.organisations, data.total];
  const cell = (row: DashboardRow, code: (typeof FLAG_CODES)[number]) => {
    const f = row.flags.find((x) => x.code === code);
    return `${f?.alerts ?? 0} / ${f?.warnings ?? 0}`;
  };
  return {
    key: 'flags',
    title: `${DASHBOARD_TITLES.flags} (alerts / warnings)`,
    method: DASHBOARD_METHODS.flags,
    header: ['Flag', ...data.organisations.map(organisationLabel), totalLabel(data)],
    rows: [
      ['All flags', ...rows.map((r) => `${r.flags.reduce((n, f) => n + f.alerts, 0)} / ${r.flags.reduce((n, f) => n + f.warnings, 0)}`)],
      ...FLAG_CODES.map((code) => [FLAG_LABELS[code], ...rows.map((r) => cell(r, code))]),
    ],
    hasTotalRow: false,
    numericColumns: false,
  };
}

/**
 * The line under the marking in a download: what the table is, for which scope and period, and
 * its method. E.g. "Plans reviewed within cadence: Yorkshire and the Humber, year ending 31 October
 * 2026. Method: ..."
 */
export function tableCaption(data: DashboardData, table: Pick<DashboardTable, 'title' | 'method' | 'key'>): string {
  const period = table.key === 'trend' ? 'the last 90 days' : data.period.label;
  return `${table.title}: ${data.scope.name}, ${period}. Method: ${table.method}`;
}

/** A table as plain rows for a CSV or a sheet: the caption, a blank line, the header, the rows. */
export function tableRows(data: DashboardData, table: DashboardTable): TableCell[][] {
  return [[tableCaption(data, table)], [], table.header, ...table.rows];
}

/** The file name of a table's download, e.g. quadrant-dashboard-reviews-2026-10.csv. */
export function dashboardTableFilename(key: DashboardTableKey, periodTo: string, format: 'csv' | 'xlsx'): string {
  return `quadrant-dashboard-${key}-${periodTo.slice(0, 7)}.${format}`;
}
