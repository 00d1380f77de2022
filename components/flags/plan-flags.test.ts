import { describe, expect, it } from 'vitest';
import { planFlagsOf } from './plan-flags';
import type { ComplianceFlag, FlagCode, FlagSubjectKind } from '@/lib/domain/compliance/flags';

const flag = (code: FlagCode, kind: FlagSubjectKind): ComplianceFlag => ({
  code,
  severity: 'warning',
  subject: { kind, id: `${kind}-1` },
  threatId: 't1',
  organisationId: 'o1',
  message: code,
});

describe('planFlagsOf', () => {
  it.each([
    ['PLAN_REVIEW_OVERDUE', 'PLAN', true],
    ['PLAN_PURSUE_ONLY', 'PLAN', true],
    ['ACTION_STALE', 'ACTION', true],
    ['ACTION_NO_OWNER', 'ACTION', true],
    ['THREAT_NO_PLAN', 'THREAT', true],
    ['ARCHIVED_WITH_OPEN_ACTIONS', 'THREAT', true],
    ['THREAT_NO_LRO', 'THREAT', false],
    ['POSSIBLE_UNMET_DEMAND', 'THREAT', false],
    ['MORILE_OVERDUE', 'THREAT', false],
    ['MORILE_UNMODERATED', 'ASSESSMENT', false],
    ['DISRUPTION_NOT_ON_APMIS', 'DISRUPTION', false],
    ['ORDER_NOT_MONITORED', 'ORDER', false],
    ['LRO_UNTRAINED', 'OFFICER', false],
  ] as const)('%s (%s) is shown on the plan page: %s', (code, kind, shown) => {
    expect(planFlagsOf([flag(code, kind)])).toHaveLength(shown ? 1 : 0);
  });
});
