/**
 * The compliance thresholds of one organisation at `now`, turned into instants, so that a query
 * compares stored dates with fixed instants and never does time-zone arithmetic
 * (lib/db/compliance-sql.ts). Each cutoff is exact for the rule in rules.ts it stands for:
 * - "daysSince(x, now) >= N" (N London days have passed) is `x < dayCutoff(now, N)`;
 *   its negation "daysSince(x, now) < N" (recent) is `x >= dayCutoff(now, N)`.
 * - "a date has passed" (daysSince >= 1) is `x < dayCutoff(now, 1)`, the start of today.
 * - MORILE_OVERDUE, "londonDateKey(x) <= addCalendarMonths(today, -M)", is `x < morileCutoff`.
 * dates.ts londonDayStart explains why `londonDateKey(x) < key` is exactly `x < londonDayStart(key)`.
 */
import { addCalendarDays, addCalendarMonths, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import { reviewCadenceDays, type ComplianceThresholds } from '@/lib/domain/settings';

/** The instant before which `daysSince(x, now) >= days`, for any whole `days` (even 0 or negative). */
export function dayCutoff(now: Date, days: number): Date {
  return londonDayStart(addCalendarDays(londonDateKey(now), 1 - days));
}

/** The instant before which `londonDateKey(x) <= addCalendarMonths(londonDateKey(now), -months)`. */
export function monthCutoff(now: Date, months: number): Date {
  return londonDayStart(addCalendarDays(addCalendarMonths(londonDateKey(now), -months), 1));
}

export const TIERS = [1, 2, 3, 4, 5] as const;

export type TierCutoffs = {
  /**
   * `daysSince(x, now) > cadence`: PLAN_NEVER_REVIEWED (activated more than one cadence ago) and
   * the PLAN_REVIEW_OVERDUE alert (next review due more than one cadence ago).
   */
  oneCadenceBefore: Date;
  /** PLAN_NEVER_REVIEWED alert: activated more than two cadences ago, `daysSince > 2 * cadence`. */
  twoCadencesBefore: Date;
};

export type ComplianceCutoffs = {
  /** The start of today in London: a date before it has passed (ACTION_OVERDUE, PLAN_REVIEW_OVERDUE, expired orders). */
  todayStart: Date;
  /** `now` itself: LRO training counts when completed on or before it and expiring after it. */
  now: Date;
  noLroBefore: Date;
  noPlanBefore: Date;
  actionStaleBefore: Date;
  partnerBefore: Date;
  apmisBefore: Date;
  /** POSSIBLE_UNMET_DEMAND: mapped before it; a disruption, completion or unmet demand on or after it is recent. */
  unmetDemandBefore: Date;
  morileOverdueBefore: Date;
  morileUnmoderatedBefore: Date;
  orderCheckBefore: Date;
  /** ORDER_NOT_MONITORED warning: an order expiring before it expires within `orderExpiryWarningDays`. */
  orderExpiryBefore: Date;
  /** Review cutoffs by tier (index 0 is tier 1), from the tier's cadence. */
  tiers: TierCutoffs[];
  pursueOnlyPercent: number;
  lroCaseloadWarning: number;
  lroCaseloadAlert: number;
};

export function complianceCutoffs(thresholds: ComplianceThresholds, now: Date): ComplianceCutoffs {
  return {
    todayStart: dayCutoff(now, 1),
    now,
    noLroBefore: dayCutoff(now, thresholds.noLroDays),
    noPlanBefore: dayCutoff(now, thresholds.noPlanDays),
    actionStaleBefore: dayCutoff(now, thresholds.actionStaleDays),
    partnerBefore: dayCutoff(now, thresholds.partnerEngagementDays),
    apmisBefore: dayCutoff(now, thresholds.apmisRecordingDays),
    unmetDemandBefore: dayCutoff(now, thresholds.possibleUnmetDemandDays),
    morileOverdueBefore: monthCutoff(now, thresholds.morileOverdueMonths),
    morileUnmoderatedBefore: dayCutoff(now, thresholds.morileUnmoderatedDays),
    orderCheckBefore: dayCutoff(now, thresholds.orderCheckDays),
    // -daysSince(expiresOn) <= W  <=>  daysSince(expiresOn) >= -W
    orderExpiryBefore: dayCutoff(now, -thresholds.orderExpiryWarningDays),
    // daysSince > c  <=>  daysSince >= c + 1
    tiers: TIERS.map((tier) => {
      const cadence = reviewCadenceDays(thresholds, tier);
      return { oneCadenceBefore: dayCutoff(now, cadence + 1), twoCadencesBefore: dayCutoff(now, 2 * cadence + 1) };
    }),
    pursueOnlyPercent: thresholds.pursueOnlyPercent,
    lroCaseloadWarning: thresholds.lroCaseloadWarning,
    lroCaseloadAlert: thresholds.lroCaseloadAlert,
  };
}
