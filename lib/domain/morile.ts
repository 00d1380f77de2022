/**
 * MoRiLE assessments (DESIGN.md, "Domain model"; issue 5, "MoRiLE assessments"): the scales, the
 * risk score, its banding into tiers, when a threat is next due a reassessment, and what
 * moderating an assessment does to the threat's tier and its plan's review date. Pure: `now` and
 * the thresholds are parameters.
 *
 * Scales (the seed's, prisma/seed.ts `scoreForTier`): harm and likelihood are each scored as a
 * whole number from 1 (lowest) to 5 (highest), and the risk score is harm multiplied by
 * likelihood, from 1 to 25. The screens say so beside the figures.
 */
import { addCalendarDays, addCalendarMonths, daysSince, londonDateKey } from '@/lib/domain/dates';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const RISK_SCORE_MIN = SCORE_MIN * SCORE_MIN;
export const RISK_SCORE_MAX = SCORE_MAX * SCORE_MAX;

export const CONFIDENCES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const MORILE_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type MorilePriority = (typeof MORILE_PRIORITIES)[number];

/** How the screens explain the scales and the score. */
export const SCALE_EXPLANATION = `Harm and likelihood are each scored from ${SCORE_MIN} to ${SCORE_MAX}. The risk score is harm multiplied by likelihood, from ${RISK_SCORE_MIN} to ${RISK_SCORE_MAX}.`;

/**
 * The risk score bands of each tier (tier 1 the highest risk), as the seed assigns them. The
 * assessor chooses the tier: the band is a guide, and a professional judgement may differ.
 */
export const TIER_BANDS: readonly { tier: 1 | 2 | 3 | 4 | 5; low: number; high: number }[] = [
  { tier: 1, low: 20, high: 25 },
  { tier: 2, low: 15, high: 19 },
  { tier: 3, low: 10, high: 14 },
  { tier: 4, low: 5, high: 9 },
  { tier: 5, low: 1, high: 4 },
];

/** Risk score: harm multiplied by likelihood. */
export function riskScore(harm: number, likelihood: number): number {
  return harm * likelihood;
}

/** The tier whose band holds a risk score (scores outside 1-25 are clamped into it). */
export function bandTier(score: number): 1 | 2 | 3 | 4 | 5 {
  const clamped = Math.min(RISK_SCORE_MAX, Math.max(RISK_SCORE_MIN, Math.trunc(score)));
  return TIER_BANDS.find((band) => clamped >= band.low && clamped <= band.high)!.tier;
}

/**
 * What is wrong with a harm or likelihood score as typed, in GOV.UK words, or null when it is a
 * whole number on the scale. `label` names it in lower case ("harm score").
 */
export function scoreProblem(value: string | number | null | undefined, label: string): string | null {
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return `Enter the ${label}`;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `${Label} must be a number`;
  if (!/^-?\d+$/.test(text)) return `${Label} must be a whole number`;
  const n = Number(text);
  if (n < SCORE_MIN || n > SCORE_MAX) return `${Label} must be between ${SCORE_MIN} and ${SCORE_MAX}`;
  return null;
}

/**
 * When a threat is next due a MoRiLE assessment: `months` calendar months after the day assessed
 * (the organisation's `morileOverdueMonths`, after which MORILE_OVERDUE is raised). A date key.
 */
export function nextReassessmentDue(assessedOnKey: string, months: number): string {
  return addCalendarMonths(assessedOnKey, months);
}

/** London calendar days an unmoderated assessment has waited since the day it was assessed. */
export function daysAwaitingModeration(assessedOn: Date, now: Date): number {
  return Math.max(0, daysSince(assessedOn, now));
}

export type AssessmentOrderFields = { id: string; assessedOn: Date; createdAt: Date };

/**
 * Orders assessments oldest first: by the date assessed, then (two on one day) the one recorded
 * later counts as the later, then by id so that the order never depends on the database.
 */
export function compareAssessments(a: AssessmentOrderFields, b: AssessmentOrderFields): number {
  return a.assessedOn.getTime() - b.assessedOn.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The latest of the moderated assessments (by date assessed), or null when none is moderated. */
export function latestModerated<A extends AssessmentOrderFields & { moderatedAt: Date | null }>(assessments: readonly A[]): A | null {
  let out: A | null = null;
  for (const assessment of assessments) {
    if (!assessment.moderatedAt) continue;
    if (!out || compareAssessments(assessment, out) > 0) out = assessment;
  }
  return out;
}

/**
 * A plan's next review date after its threat's review cadence changes: one cadence after its last
 * review, or, never reviewed, after its activation (what PLAN_NEVER_REVIEWED measures from). A
 * date key, or null for a plan never made active.
 */
export function recomputedNextReviewDue(plan: { activatedAt: Date | null; lastReviewedAt: Date | null }, cadenceDays: number): string | null {
  const from = plan.lastReviewedAt ?? plan.activatedAt;
  return from ? addCalendarDays(londonDateKey(from), cadenceDays) : null;
}

export type ModerationFacts = {
  /** The assessment to be moderated. */
  assessment: AssessmentOrderFields & { tier: number };
  /** Every assessment of the threat (the one to be moderated among them or not). */
  assessments: readonly (AssessmentOrderFields & { moderatedAt: Date | null; tier: number })[];
  threatTier: number;
  /** The threat's live plan, if it is ACTIVE (only an active plan has a review date). */
  activePlan: { activatedAt: Date | null; lastReviewedAt: Date | null; nextReviewDue: Date | null } | null;
  /** Review cadence in days for a tier, by the threat's organisation's thresholds. */
  cadenceDays: (tier: number) => number;
};

export type ModerationOutcome = {
  /** Whether the assessment becomes the latest moderated one of its threat. */
  becomesLatest: boolean;
  tierBefore: number;
  tierAfter: number;
  cadenceBefore: number;
  cadenceAfter: number;
  /** The active plan's review date before and after (date keys), null without an active plan. */
  nextReviewDueBefore: string | null;
  nextReviewDueAfter: string | null;
};

/**
 * What moderating an assessment does. The threat's tier follows its latest moderated assessment
 * (issue 5): once moderated, if this one is the latest by date assessed and its tier differs, the
 * threat takes its tier, and the active plan's next review falls one new cadence after the last
 * review (or activation). Moderating an older assessment changes nothing.
 */
export function moderationOutcome(facts: ModerationFacts): ModerationOutcome {
  const others = facts.assessments.filter((a) => a.id !== facts.assessment.id);
  const latestOther = latestModerated(others);
  const becomesLatest = !latestOther || compareAssessments(facts.assessment, latestOther) > 0;
  const tierBefore = facts.threatTier;
  const tierAfter = becomesLatest ? facts.assessment.tier : tierBefore;
  const plan = facts.activePlan;
  const nextReviewDueBefore = plan?.nextReviewDue ? londonDateKey(plan.nextReviewDue) : null;
  const nextReviewDueAfter =
    plan && tierAfter !== tierBefore ? (recomputedNextReviewDue(plan, facts.cadenceDays(tierAfter)) ?? nextReviewDueBefore) : nextReviewDueBefore;
  return {
    becomesLatest,
    tierBefore,
    tierAfter,
    cadenceBefore: facts.cadenceDays(tierBefore),
    cadenceAfter: facts.cadenceDays(tierAfter),
    nextReviewDueBefore,
    nextReviewDueAfter,
  };
}

/** The sentence the moderation page shows about what confirming will do. */
export function moderationEffectSentence(outcome: ModerationOutcome): string {
  if (!outcome.becomesLatest) {
    return `A later assessment has already been moderated, so moderating this one does not change the threat's tier (tier ${outcome.tierBefore}).`;
  }
  if (outcome.tierAfter === outcome.tierBefore) {
    return `Moderating this assessment keeps the threat at tier ${outcome.tierBefore}, and its review cadence at ${outcome.cadenceBefore} days.`;
  }
  const cadence =
    outcome.cadenceAfter === outcome.cadenceBefore
      ? `its review cadence stays at ${outcome.cadenceBefore} days`
      : `its review cadence from ${outcome.cadenceBefore} to ${outcome.cadenceAfter} days`;
  return `Moderating this assessment changes the threat from tier ${outcome.tierBefore} to tier ${outcome.tierAfter}, and ${cadence}.`;
}
