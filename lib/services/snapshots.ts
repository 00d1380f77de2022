import 'server-only';
import { emptyFigures, figuresByOrganisation, listOrganisationsOwningThreats, replaceSnapshotsForDay, type SnapshotInput } from '@/lib/db/dashboard';
import { addCalendarDays, addCalendarMonths, londonDateKey } from '@/lib/domain/dates';

// The daily compliance snapshots behind the dashboard's trend (issue 6 part 4). Each day, for
// every organisation that owns threats, its own figures (not its subtree's) as the dashboard
// computes them (lib/db/dashboard.ts figuresByOrganisation: the same SQL, grouped by exact
// organisation), for the London day of `now`. Taking the day again replaces its rows.

/** The 12 months to a day, both inclusive: the snapshot's Annex B period. */
export function twelveMonthsTo(day: string): { from: string; to: string } {
  return { from: addCalendarDays(addCalendarMonths(day, -12), 1), to: day };
}

export type SnapshotRunResult = { day: string; organisations: number };

/** Takes (or retakes) the snapshots of the London day of `now`. */
export async function takeDailySnapshots(now: Date = new Date()): Promise<SnapshotRunResult> {
  const day = londonDateKey(now);
  const [owners, figures] = await Promise.all([listOrganisationsOwningThreats(), figuresByOrganisation('/', now, twelveMonthsTo(day))]);
  const snapshots = owners.map((organisationId): SnapshotInput => {
    const own = figures.get(organisationId) ?? emptyFigures();
    const flags = [...own.flags].flatMap(([code, counts]) => [
      { code, severity: 'alert' as const, count: counts.alerts },
      { code, severity: 'warning' as const, count: counts.warnings },
    ]);
    return {
      organisationId,
      liveThreats: own.liveThreats,
      activePlans: own.activePlans,
      plansReviewedInCadence: own.plansReviewedInCadence,
      flagAlerts: flags.filter((x) => x.severity === 'alert').reduce((sum, x) => sum + x.count, 0),
      flagWarnings: flags.filter((x) => x.severity === 'warning').reduce((sum, x) => sum + x.count, 0),
      open: own.openActions,
      leadDisruptions: own.disruptions.PURSUE + own.disruptions.PREVENT + own.disruptions.PROTECT + own.disruptions.PREPARE,
      pursueDisruptions: own.disruptions.PURSUE,
      openUnmetDemand: [...own.unmetDemand.values()].reduce((sum, u) => sum + u.open, 0),
      flags,
    };
  });
  await replaceSnapshotsForDay(day, snapshots);
  return { day, organisations: snapshots.length };
}
