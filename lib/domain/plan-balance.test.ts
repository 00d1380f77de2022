import { describe, expect, it } from 'vitest';
import { planBalance } from './plan-balance';
import type { ActionStatus, Strand } from '@/lib/domain/vocabulary';

const actions = (spec: Partial<Record<Strand, number>>, status: ActionStatus = 'IN_PROGRESS') =>
  Object.entries(spec).flatMap(([strand, n]) => Array.from({ length: n }, () => ({ strand: strand as Strand, status })));

describe('planBalance', () => {
  it('counts open actions only, per strand, with whole-number shares', () => {
    const balance = planBalance([...actions({ PURSUE: 2, PREVENT: 1 }), ...actions({ PROTECT: 5 }, 'COMPLETE'), ...actions({ PREPARE: 1 }, 'BLOCKED')], 70);
    expect(balance.totalOpen).toBe(4);
    expect(balance.strands).toEqual([
      { strand: 'PURSUE', open: 2, percent: 50 },
      { strand: 'PREVENT', open: 1, percent: 25 },
      { strand: 'PROTECT', open: 0, percent: 0 },
      { strand: 'PREPARE', open: 1, percent: 25 },
    ]);
    expect(balance).toMatchObject({ isPursueOnly: false, hasNoPrepare: false });
  });

  it.each([
    ['no open Prevent or Protect action', { PURSUE: 1, PREPARE: 1 }, true],
    ['Pursue over the threshold', { PURSUE: 8, PREVENT: 1, PREPARE: 1 }, true],
    ['Pursue exactly at the threshold', { PURSUE: 7, PREVENT: 2, PREPARE: 1 }, false],
    ['balanced', { PURSUE: 1, PROTECT: 1, PREPARE: 1 }, false],
  ])('%s -> pursue only: %s', (_name, spec, expected) => {
    expect(planBalance(actions(spec), 70).isPursueOnly).toBe(expected);
  });

  it('warns of no Prepare action, and raises nothing for a plan with no open actions', () => {
    expect(planBalance(actions({ PURSUE: 1, PREVENT: 1 }), 70).hasNoPrepare).toBe(true);
    expect(planBalance([], 70)).toMatchObject({ totalOpen: 0, isPursueOnly: false, hasNoPrepare: false });
  });
});
