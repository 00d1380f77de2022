import { describe, expect, it } from 'vitest';
import {
  dashboardPeriod,
  disruptionRecordsHref,
  disruptionRecordsQuerySchema,
  flagRecordsHref,
  lroRecordsHref,
  planRecordsQuerySchema,
  unmetDemandRecordsQuerySchema,
  yearEndingOptions,
} from './dashboard';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('dashboardPeriod', () => {
  it('defaults to the year ending this London month', () => {
    expect(dashboardPeriod({}, NOW)).toEqual({ yearEnding: '2026-11', period: { from: '2025-12-01', to: '2026-11-30', label: 'year ending 30 November 2026' } });
  });

  it('takes a chosen month', () => {
    expect(dashboardPeriod({ yearEnding: '2024-06' }, NOW).period.label).toBe('year ending 30 June 2024');
  });

  it('reads the London month: 23:30 UTC on 31 May in summer is June', () => {
    expect(dashboardPeriod({}, new Date('2026-05-31T23:30:00Z')).yearEnding).toBe('2026-06');
  });

  it.each([{ yearEnding: '2026-13' }, { yearEnding: 'x' }, { yearEnding: '2027-01' }, { yearEnding: ['nonsense'] }])('falls back to this month for %j', (params) => {
    expect(dashboardPeriod(params, NOW).yearEnding).toBe('2026-11');
  });
});

describe('yearEndingOptions', () => {
  it('offers this month and the ones before, latest first', () => {
    expect(yearEndingOptions(NOW, 3)).toEqual([
      { value: '2026-11', text: 'November 2026' },
      { value: '2026-10', text: 'October 2026' },
      { value: '2026-09', text: 'September 2026' },
    ]);
    expect(yearEndingOptions(new Date('2026-01-10T12:00:00Z'), 2).map((o) => o.value)).toEqual(['2026-01', '2025-12']);
  });
});

describe('records queries', () => {
  it('reads the disruption filters the dashboard links with', () => {
    const href = disruptionRecordsHref({ organisationId: 'org_1' }, { from: '2025-12-01', to: '2026-11-30' }, 'PURSUE');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(disruptionRecordsQuerySchema.parse(params)).toEqual({ within: 'org_1', strand: 'PURSUE', lead: '1', annexB: '1', from: '2025-12-01', to: '2026-11-30', page: 1 });
  });

  it('drops nonsense', () => {
    expect(disruptionRecordsQuerySchema.parse({ within: "x' OR 1=1", strand: 'PURSUIT', from: '2026-02-30', lead: 'yes' })).toEqual({ page: 1 });
    expect(unmetDemandRecordsQuerySchema.parse({ shortfall: 'TIME', capability: 'ANALYSIS', open: '1' })).toEqual({ capability: 'ANALYSIS', open: '1', page: 1 });
    expect(planRecordsQuerySchema.parse({ cadence: 'sometimes', organisation: 'o1' })).toEqual({ organisation: 'o1', page: 1 });
  });

  it('links a subtree row with `within` and the scope’s own row with `organisation`', () => {
    expect(flagRecordsHref({ organisationId: 'o1' }, { code: 'ACTION_STALE' })).toBe('/compliance/flags?code=ACTION_STALE&within=o1');
    expect(flagRecordsHref({ organisationId: 'o1', own: true }, { code: 'ACTION_STALE', severity: 'alert' })).toBe('/compliance/flags?code=ACTION_STALE&severity=alert&organisation=o1');
    expect(lroRecordsHref({ organisationId: 'o1' }, { training: 'untrained' })).toBe('/lros?within=o1&caseload=holding&training=untrained');
  });
});
