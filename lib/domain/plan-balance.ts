import { OPEN_ACTION_STATUSES, STRANDS, type ActionStatus, type Strand } from '@/lib/domain/vocabulary';

export type StrandBalance = { strand: Strand; open: number; percent: number };

export type PlanBalance = {
  strands: StrandBalance[];
  totalOpen: number;
  /** The plan leans on Pursue: no open Prevent or Protect action, or Pursue over the threshold. */
  isPursueOnly: boolean;
  /** No open Prepare action (a warning, not a failure). */
  hasNoPrepare: boolean;
};

/**
 * The 4P balance of a plan's open actions, as the PLAN_PURSUE_ONLY flag reads it (DESIGN.md,
 * "Compliance flags": no open Prevent or Protect action, or over `pursueOnlyPercent` of open
 * actions Pursue; a warning where there is no Prepare action). The inspection found plans
 * concentrating on Pursue with little Prevent or Protect. Percentages are whole numbers.
 */
export function planBalance(actions: readonly { strand: Strand; status: ActionStatus }[], pursueOnlyPercent: number): PlanBalance {
  const open = Object.fromEntries(STRANDS.map((s) => [s, 0])) as Record<Strand, number>;
  for (const action of actions) if (OPEN_ACTION_STATUSES.includes(action.status)) open[action.strand] += 1;
  const totalOpen = STRANDS.reduce((n, s) => n + open[s], 0);
  const strands = STRANDS.map((strand) => ({ strand, open: open[strand], percent: totalOpen ? Math.round((open[strand] / totalOpen) * 100) : 0 }));
  return {
    strands,
    totalOpen,
    // Pursue over the threshold in whole numbers (11 of 20 is exactly 55%, which 11 / 20 * 100 is not).
    isPursueOnly: totalOpen > 0 && (open.PREVENT + open.PROTECT === 0 || open.PURSUE * 100 > pursueOnlyPercent * totalOpen),
    hasNoPrepare: totalOpen > 0 && open.PREPARE === 0,
  };
}
