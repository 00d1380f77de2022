/**
 * Compliance thresholds. No national cadence is published (DESIGN.md, "Compliance flags"): these
 * defaults are Quadrant's, and each organisation may override any of them. An organisation
 * without its own value inherits its parent's, up to the root, then these defaults.
 */
export type ComplianceThresholds = {
  /** THREAT_NO_LRO: days after mapping before an active threat without an LRO is flagged. */
  noLroDays: number;
  /** THREAT_NO_PLAN: days after mapping before an active threat without an active plan is flagged. */
  noPlanDays: number;
  /** Review cadence in days, by tier (index 0 is tier 1). */
  reviewCadenceTier1Days: number;
  reviewCadenceTier2Days: number;
  reviewCadenceTier3Days: number;
  reviewCadenceTier4Days: number;
  reviewCadenceTier5Days: number;
  /** ACTION_STALE: days an open action may go without an update. */
  actionStaleDays: number;
  /** PLAN_PURSUE_ONLY: share of open actions (percent) that are Pursue above which a plan is flagged. */
  pursueOnlyPercent: number;
  /** PLAN_NO_PARTNER: days within which a partner engagement must be recorded. */
  partnerEngagementDays: number;
  /** DISRUPTION_NOT_ON_APMIS: days a disruption may go without an APMIS reference. */
  apmisRecordingDays: number;
  /** POSSIBLE_UNMET_DEMAND: days with no disruption and no completed action. */
  possibleUnmetDemandDays: number;
  /** LRO_OVERLOADED: active threats held at which a warning, then an alert, is raised. */
  lroCaseloadWarning: number;
  lroCaseloadAlert: number;
  /** MORILE_OVERDUE: months without an assessment. */
  morileOverdueMonths: number;
  /** MORILE_UNMODERATED: days an assessment may stay unmoderated. */
  morileUnmoderatedDays: number;
  /** ORDER_NOT_MONITORED: days without a compliance check, and days before expiry to warn. */
  orderCheckDays: number;
  orderExpiryWarningDays: number;
  /** The England and Wales share of Pursue disruptions (percent) set beside a force's own. */
  nationalPursuePercent: number;
};

export const SETTING_KEYS = [
  'noLroDays',
  'noPlanDays',
  'reviewCadenceTier1Days',
  'reviewCadenceTier2Days',
  'reviewCadenceTier3Days',
  'reviewCadenceTier4Days',
  'reviewCadenceTier5Days',
  'actionStaleDays',
  'pursueOnlyPercent',
  'partnerEngagementDays',
  'apmisRecordingDays',
  'possibleUnmetDemandDays',
  'lroCaseloadWarning',
  'lroCaseloadAlert',
  'morileOverdueMonths',
  'morileUnmoderatedDays',
  'orderCheckDays',
  'orderExpiryWarningDays',
  'nationalPursuePercent',
] as const satisfies readonly (keyof ComplianceThresholds)[];

export const DEFAULT_THRESHOLDS: ComplianceThresholds = {
  noLroDays: 14,
  noPlanDays: 28,
  reviewCadenceTier1Days: 28,
  reviewCadenceTier2Days: 28,
  reviewCadenceTier3Days: 56,
  reviewCadenceTier4Days: 56,
  reviewCadenceTier5Days: 56,
  actionStaleDays: 30,
  pursueOnlyPercent: 70,
  partnerEngagementDays: 90,
  apmisRecordingDays: 7,
  possibleUnmetDemandDays: 90,
  lroCaseloadWarning: 4,
  lroCaseloadAlert: 6,
  morileOverdueMonths: 6,
  morileUnmoderatedDays: 14,
  orderCheckDays: 90,
  orderExpiryWarningDays: 90,
  // The 2025 inspection report's England and Wales average (year ending 30 June 2024).
  nationalPursuePercent: 54,
};

/** One organisation's own overrides: null or absent means "inherit". */
export type ThresholdOverrides = { [K in keyof ComplianceThresholds]?: number | null };

/**
 * The thresholds in force for an organisation, given the overrides of its ancestors and itself,
 * root first. The nearest organisation with a value wins.
 */
export function resolveThresholds(chainRootFirst: readonly (ThresholdOverrides | null | undefined)[]): ComplianceThresholds {
  const out: ComplianceThresholds = { ...DEFAULT_THRESHOLDS };
  for (const overrides of chainRootFirst) {
    if (!overrides) continue;
    for (const key of SETTING_KEYS) {
      const value = overrides[key];
      if (typeof value === 'number') out[key] = value;
    }
  }
  return out;
}

/** Review cadence for a tier (1 highest, 5 lowest), in days. */
export function reviewCadenceDays(thresholds: ComplianceThresholds, tier: number): number {
  const clamped = Math.min(5, Math.max(1, Math.trunc(tier))) as 1 | 2 | 3 | 4 | 5;
  return thresholds[`reviewCadenceTier${clamped}Days`];
}
