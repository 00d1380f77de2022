import { describe, expect, it } from 'vitest';
import {
  FLAG_CODES,
  FLAG_DESCRIPTIONS,
  FLAG_LABELS,
  compareFlags,
  flagHref,
  flagKey,
  isFlagCode,
  type ComplianceFlag,
  type FlagCode,
  type FlagSubjectKind,
} from './flags';

const flag = (over: Partial<ComplianceFlag> & Pick<ComplianceFlag, 'code'>): ComplianceFlag => ({
  severity: 'warning',
  subject: { kind: 'THREAT', id: 'threat-1' },
  threatId: 'threat-1',
  organisationId: 'org-wyp',
  message: 'A sentence.',
  ...over,
});

describe('the flag vocabulary', () => {
  it('has a label and a description for every code, and nothing else', () => {
    expect(Object.keys(FLAG_LABELS).sort()).toEqual([...FLAG_CODES].sort());
    expect(Object.keys(FLAG_DESCRIPTIONS).sort()).toEqual([...FLAG_CODES].sort());
    expect(new Set(FLAG_CODES).size).toBe(19);
  });

  it.each<[unknown, boolean]>([
    ['ACTION_STALE', true],
    ['ARCHIVED_WITH_OPEN_ACTIONS', true],
    ['action_stale', false],
    ['', false],
    [null, false],
    [42, false],
  ])('isFlagCode(%j) is %s', (value, expected) => {
    expect(isFlagCode(value)).toBe(expected);
  });

  it('keys a flag by code, subject and severity', () => {
    const stale: ComplianceFlag = flag({ code: 'ACTION_STALE', subject: { kind: 'ACTION', id: 'a1' } });
    const reworded: ComplianceFlag = { ...stale, message: 'Another sentence.' };
    expect(flagKey(stale)).toBe('ACTION_STALE:ACTION:a1:warning');
    expect(flagKey(reworded)).toBe(flagKey(stale));
    expect(flagKey({ ...stale, severity: 'alert' })).not.toBe(flagKey(stale));
  });
});

describe('flagHref: where a flag is fixed', () => {
  const cases: [FlagCode, FlagSubjectKind, string, string | null, string][] = [
    ['THREAT_NO_LRO', 'THREAT', 't1', 't1', '/threats/t1/lro'],
    ['THREAT_NO_PLAN', 'THREAT', 't1', 't1', '/threats/t1/plan'],
    ['PLAN_NEVER_REVIEWED', 'PLAN', 'p1', 't1', '/threats/t1/plan#reviews'],
    ['PLAN_REVIEW_OVERDUE', 'PLAN', 'p1', 't1', '/threats/t1/plan#reviews'],
    ['PLAN_CHANGED_SINCE_REVIEW', 'PLAN', 'p1', 't1', '/threats/t1/plan#reviews'],
    ['ACTION_OVERDUE', 'ACTION', 'a1', 't1', '/threats/t1/plan/actions/a1'],
    ['ACTION_STALE', 'ACTION', 'a1', 't1', '/threats/t1/plan/actions/a1'],
    ['ACTION_NO_OWNER', 'ACTION', 'a1', 't1', '/threats/t1/plan/actions/a1'],
    ['ACTION_NO_DUE_DATE', 'ACTION', 'a1', 't1', '/threats/t1/plan/actions/a1'],
    ['PLAN_PURSUE_ONLY', 'PLAN', 'p1', 't1', '/threats/t1/plan/actions/new'],
    ['PLAN_NO_PARTNER', 'PLAN', 'p1', 't1', '/threats/t1/plan/engagements/new'],
    ['DISRUPTION_NOT_ON_APMIS', 'DISRUPTION', 'd1', 't1', '/threats/t1/disruptions'],
    ['POSSIBLE_UNMET_DEMAND', 'THREAT', 't1', 't1', '/threats/t1/unmet-demand/new'],
    ['LRO_UNTRAINED', 'OFFICER', 'u1', null, '/lros/u1'],
    ['LRO_OVERLOADED', 'OFFICER', 'u1', null, '/lros/u1'],
    ['MORILE_OVERDUE', 'THREAT', 't1', 't1', '/threats/t1/morile'],
    ['MORILE_UNMODERATED', 'ASSESSMENT', 'm1', 't1', '/threats/t1/morile'],
    ['ORDER_NOT_MONITORED', 'ORDER', 'o1', 't1', '/orders/o1'],
    ['ARCHIVED_WITH_OPEN_ACTIONS', 'THREAT', 't1', 't1', '/threats/t1/plan'],
  ];

  it('covers every code', () => {
    expect(cases.map(([code]) => code)).toEqual([...FLAG_CODES]);
  });

  it.each(cases)('%s about %s %s (threat %s) -> %s', (code, kind, id, threatId, href) => {
    expect(flagHref({ code, subject: { kind, id }, threatId })).toBe(href);
  });

  it('encodes an officer id, and sends an order to its own page, with or without a threat', () => {
    expect(flagHref({ code: 'LRO_OVERLOADED', subject: { kind: 'OFFICER', id: 'a b/c&d' }, threatId: null })).toBe('/lros/a%20b%2Fc%26d');
    expect(flagHref({ code: 'ORDER_NOT_MONITORED', subject: { kind: 'ORDER', id: 'o1' }, threatId: null })).toBe('/orders/o1');
  });
});

describe('compareFlags: alerts first, then in the order of the codes, then by message', () => {
  it('sorts', () => {
    const flags = [
      flag({ code: 'ARCHIVED_WITH_OPEN_ACTIONS', message: 'c' }),
      flag({ code: 'ACTION_STALE', message: 'b' }),
      flag({ code: 'ORDER_NOT_MONITORED', severity: 'alert', message: 'z' }),
      flag({ code: 'ACTION_STALE', message: 'a' }),
      flag({ code: 'THREAT_NO_LRO', severity: 'alert', message: 'y' }),
      flag({ code: 'PLAN_PURSUE_ONLY', severity: 'warning', message: 'w' }),
      flag({ code: 'PLAN_PURSUE_ONLY', severity: 'alert', message: 'x' }),
      flag({ code: 'THREAT_NO_LRO', severity: 'alert', message: 'x' }),
    ];
    expect([...flags].sort(compareFlags).map((f) => `${f.severity} ${f.code} ${f.message}`)).toEqual([
      'alert THREAT_NO_LRO x',
      'alert THREAT_NO_LRO y',
      'alert PLAN_PURSUE_ONLY x',
      'alert ORDER_NOT_MONITORED z',
      'warning ACTION_STALE a',
      'warning ACTION_STALE b',
      'warning PLAN_PURSUE_ONLY w',
      'warning ARCHIVED_WITH_OPEN_ACTIONS c',
    ]);
  });

  it('puts any alert before any warning, whatever the code', () => {
    const lastCodeAlert = flag({ code: FLAG_CODES[FLAG_CODES.length - 1]!, severity: 'alert' });
    const firstCodeWarning = flag({ code: FLAG_CODES[0], severity: 'warning' });
    expect(compareFlags(lastCodeAlert, firstCodeWarning)).toBeLessThan(0);
    expect(compareFlags(firstCodeWarning, lastCodeAlert)).toBeGreaterThan(0);
    expect(compareFlags(firstCodeWarning, { ...firstCodeWarning })).toBe(0);
  });
});
