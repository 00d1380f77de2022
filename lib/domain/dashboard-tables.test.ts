import { describe, expect, it } from 'vitest';
import { FLAG_CODES } from './compliance/flags';
import { balanceOf, percentOf, periodEnding, type DashboardData, type DashboardRow } from './dashboard';
import { DASHBOARD_TABLE_KEYS, dashboardTable, dashboardTableFilename, flagsByFlagTable, isDashboardTableKey, tableCaption, tableRows } from './dashboard-tables';

type RowInput = {
  id: string;
  name: string;
  own?: boolean;
  plans: [number, number];
  flags?: Partial<Record<(typeof FLAG_CODES)[number], [number, number]>>;
  actions: [number, number, number, number];
  disruptions: [number, number, number, number];
  unmet?: DashboardRow['unmetDemand'];
  caseload?: Partial<DashboardRow['caseload']>;
};

function row(input: RowInput): DashboardRow {
  const [pursue, prevent, protect, prepare] = input.disruptions;
  const lead = pursue + prevent + protect + prepare;
  return {
    organisation: { id: input.id, name: input.name, kind: 'FORCE' },
    own: input.own,
    reviews: { activePlans: input.plans[0], reviewedInCadence: input.plans[1], percent: percentOf(input.plans[1], input.plans[0]) },
    flags: FLAG_CODES.map((code) => ({ code, alerts: input.flags?.[code]?.[0] ?? 0, warnings: input.flags?.[code]?.[1] ?? 0 })),
    balance: balanceOf({ PURSUE: input.actions[0], PREVENT: input.actions[1], PROTECT: input.actions[2], PREPARE: input.actions[3] }),
    disruptions: { lead, pursue, percent: percentOf(pursue, lead), byStrand: { PURSUE: pursue, PREVENT: prevent, PROTECT: protect, PREPARE: prepare } },
    unmetDemand: input.unmet ?? [],
    caseload: { lros: 0, threatsHeld: 0, averageCaseload: null, maxCaseload: 0, overloaded: 0, trained: 0, untrained: 0, ...input.caseload },
  };
}

const north = row({
  id: 'n',
  name: 'North force',
  plans: [4, 3],
  flags: { THREAT_NO_LRO: [2, 0], ACTION_STALE: [0, 5] },
  actions: [6, 1, 1, 0],
  disruptions: [3, 1, 0, 0],
  unmet: [{ shortfall: 'CAPACITY', capabilityNeeded: 'SURVEILLANCE', open: 1, total: 2 }],
  caseload: { lros: 2, threatsHeld: 5, averageCaseload: 2.5, maxCaseload: 4, overloaded: 1, trained: 1, untrained: 1 },
});
const south = row({ id: 's', name: 'South force', plans: [0, 0], actions: [0, 0, 0, 0], disruptions: [0, 0, 0, 0] });
const own = row({ id: 'r', name: 'The region', own: true, plans: [1, 0], actions: [1, 1, 0, 0], disruptions: [1, 1, 0, 0], unmet: [{ shortfall: 'CAPABILITY', capabilityNeeded: 'ANALYSIS', open: 0, total: 1 }] });
const total = row({
  id: 'r',
  name: 'The region',
  plans: [5, 3],
  flags: { THREAT_NO_LRO: [2, 0], ACTION_STALE: [0, 5] },
  actions: [7, 2, 1, 0],
  disruptions: [4, 2, 0, 0],
  unmet: [
    { shortfall: 'CAPACITY', capabilityNeeded: 'SURVEILLANCE', open: 1, total: 2 },
    { shortfall: 'CAPABILITY', capabilityNeeded: 'ANALYSIS', open: 0, total: 1 },
  ],
  caseload: { lros: 2, threatsHeld: 5, averageCaseload: 2.5, maxCaseload: 4, overloaded: 1, trained: 1, untrained: 1 },
});

const data: DashboardData = {
  scope: { id: 'r', name: 'The region', kind: 'REGION' },
  generatedAt: new Date('2026-11-25T12:00:00Z'),
  period: periodEnding('2026-10'),
  nationalPursuePercent: 54,
  total,
  organisations: [north, south, own],
  trend: [
    { day: '2026-11-24', activePlans: 5, plansReviewedInCadence: 2, flagAlerts: 3, flagWarnings: 4, openActions: 9, openPursue: 6, leadDisruptions: 5, pursueDisruptions: 4, openUnmetDemand: 1 },
    { day: '2026-11-25', activePlans: 5, plansReviewedInCadence: 3, flagAlerts: 2, flagWarnings: 5, openActions: 10, openPursue: 7, leadDisruptions: 6, pursueDisruptions: 4, openUnmetDemand: 1 },
  ],
};

const column = (key: (typeof DASHBOARD_TABLE_KEYS)[number], name: string) => {
  const table = dashboardTable(data, key);
  const index = table.header.indexOf(name);
  expect(index, `${key} has a column "${name}"`).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[index]);
};

describe('dashboardTable', () => {
  it('has one row per organisation and the scope’s total last, for every per-organisation table', () => {
    for (const key of DASHBOARD_TABLE_KEYS.filter((k) => k !== 'trend')) {
      const table = dashboardTable(data, key);
      expect(table.rows.map((r) => r[0])).toEqual(['North force', 'South force', 'The region (own records)', 'Total: all of The region']);
      expect(table.hasTotalRow).toBe(true);
      expect(table.header[0]).toBe('Organisation');
      for (const r of table.rows) expect(r).toHaveLength(table.header.length);
    }
  });

  it('reviews: active plans, reviewed within cadence and the percentage', () => {
    const table = dashboardTable(data, 'reviews');
    expect(table.header).toEqual(['Organisation', 'Active plans', 'Reviewed within cadence', 'Reviewed within cadence (%)']);
    expect(table.rows[0]).toEqual(['North force', 4, 3, 75]);
    expect(table.rows[1]).toEqual(['South force', 0, 0, null]);
    expect(table.rows[3]).toEqual(['Total: all of The region', 5, 3, 60]);
  });

  it('flags: alerts and warnings of every flag, with totals', () => {
    expect(column('flags', 'All alerts')).toEqual([2, 0, 0, 2]);
    expect(column('flags', 'All warnings')).toEqual([5, 0, 0, 5]);
    expect(column('flags', 'No LRO: alerts')).toEqual([2, 0, 0, 2]);
    expect(column('flags', 'Action not updated: warnings')).toEqual([5, 0, 0, 5]);
    expect(dashboardTable(data, 'flags').header).toHaveLength(1 + 2 + FLAG_CODES.length * 2);
  });

  it('balance: open actions by strand and each strand’s share', () => {
    const table = dashboardTable(data, 'balance');
    expect(table.header).toEqual(['Organisation', 'Open actions', 'Pursue', 'Prevent', 'Protect', 'Prepare', 'Pursue (%)', 'Prevent (%)', 'Protect (%)', 'Prepare (%)']);
    expect(table.rows[0]).toEqual(['North force', 8, 6, 1, 1, 0, 75, 12.5, 12.5, 0]);
    expect(table.rows[1]).toEqual(['South force', 0, 0, 0, 0, 0, null, null, null, null]);
  });

  it('disruptions: Annex B lead disruptions, Pursue share against the national average', () => {
    expect(column('disruptions', 'Lead disruptions (major, moderate or minor)')).toEqual([4, 0, 2, 6]);
    expect(column('disruptions', 'Pursue share (%)')).toEqual([75, null, 50, 66.7]);
    expect(column('disruptions', 'National average (%)')).toEqual([54, 54, 54, 54]);
    expect(column('disruptions', 'Difference (percentage points)')).toEqual([21, null, -4, 12.7]);
  });

  it('unmet demand: open and recorded by shortfall, and a column pair for each shortfall and capability with records', () => {
    const table = dashboardTable(data, 'unmet-demand');
    expect(table.header).toEqual([
      'Organisation',
      'Open',
      'Recorded',
      'Capacity: open',
      'Capacity: recorded',
      'Capability: open',
      'Capability: recorded',
      'Capacity, surveillance: open',
      'Capacity, surveillance: recorded',
      'Capability, analysis: open',
      'Capability, analysis: recorded',
    ]);
    expect(table.rows[0]).toEqual(['North force', 1, 2, 1, 2, 0, 0, 1, 2, 0, 0]);
    expect(table.rows[2]).toEqual(['The region (own records)', 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(table.rows[3]).toEqual(['Total: all of The region', 1, 3, 1, 2, 0, 1, 1, 2, 0, 1]);
  });

  it('caseload: LROs, threats held, caseload and training', () => {
    expect(dashboardTable(data, 'caseload').rows[0]).toEqual(['North force', 2, 5, 2.5, 4, 1, 1, 1]);
    expect(dashboardTable(data, 'caseload').rows[1]).toEqual(['South force', 0, 0, null, 0, 0, 0, 0]);
  });

  it('trend: one row per day, no total row', () => {
    const table = dashboardTable(data, 'trend');
    expect(table.hasTotalRow).toBe(false);
    expect(table.rows).toEqual([
      ['2026-11-24', 5, 2, 3, 4, 9, 6, 5, 4, 1],
      ['2026-11-25', 5, 3, 2, 5, 10, 7, 6, 4, 1],
    ]);
  });
});

describe('flagsByFlagTable', () => {
  it('turns the flags table for paper: a row per flag, a column per organisation and the total', () => {
    const table = flagsByFlagTable(data);
    expect(table.header).toEqual(['Flag', 'North force', 'South force', 'The region (own records)', 'Total: all of The region']);
    expect(table.rows).toHaveLength(FLAG_CODES.length + 1);
    expect(table.rows[0]).toEqual(['All flags', '2 / 5', '0 / 0', '0 / 0', '2 / 5']);
    expect(table.rows.find((r) => r[0] === 'No LRO')).toEqual(['No LRO', '2 / 0', '0 / 0', '0 / 0', '2 / 0']);
  });
});

describe('captions and files', () => {
  it('says the table, the scope, the period and the method', () => {
    const table = dashboardTable(data, 'disruptions');
    expect(tableCaption(data, table)).toBe(`Share of Pursue among disruptions: The region, year ending 31 October 2026. Method: ${table.method}`);
    expect(table.method).toMatch(/Annex B/);
    expect(tableCaption(data, dashboardTable(data, 'trend'))).toMatch(/^Trend: The region, the last 90 days\./);
  });

  it('tableRows puts the caption, a blank line and the header before the rows', () => {
    const table = dashboardTable(data, 'reviews');
    const rows = tableRows(data, table);
    expect(rows[0]).toEqual([tableCaption(data, table)]);
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual(table.header);
    expect(rows.slice(3)).toEqual(table.rows);
  });

  it('knows its keys and names its files by table and month', () => {
    expect(isDashboardTableKey('unmet-demand')).toBe(true);
    expect(isDashboardTableKey('users')).toBe(false);
    expect(dashboardTableFilename('reviews', '2026-10-31', 'xlsx')).toBe('quadrant-dashboard-reviews-2026-10.xlsx');
  });
});
