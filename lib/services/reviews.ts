import 'server-only';
import type { ActionConfig } from './authed-action';
import { loadPlanResource } from '@/lib/db/plan-resources';
import { getPlanReviewFacts, lastPlanChange, snapshotPlan } from '@/lib/db/reviews';
import { formatDateTime, londonDateKey } from '@/lib/domain/dates';
import { dateKeyToDate, nextReviewDateProblem } from '@/lib/domain/review-diff';
import { AppError } from '@/lib/errors';
import { recordReviewSchema } from '@/lib/validation/reviews';

// A manager's review of a 4P plan (issue 4, "Reviews"): the outcome, comments and next review
// date, with a snapshot of the plan as the reviewer saw it, so that later changes show (and raise
// PLAN_CHANGED_SINCE_REVIEW). Run by authedAction: plan:review on the plan's threat.

export const REVIEW_HOLDER_MESSAGE = 'You cannot review a plan you hold as LRO or deputy';
export const REVIEW_DRAFT_MESSAGE = 'Only an active plan can be reviewed. This plan is still a draft.';
export const REVIEW_CLOSED_MESSAGE = 'Only an active plan can be reviewed. This plan is closed.';

function stalePlanMessage(last: { by: string | null; at: Date } | null): string {
  const who = last ? `${last.by ?? 'Someone'} changed the plan on ${formatDateTime(last.at)}` : 'The plan has changed';
  return `${who}, after you opened this page. Your review has not been saved. Look at the plan again as it stands now, then save your review.`;
}

type LoadedReviewPlan = NonNullable<Awaited<ReturnType<typeof loadPlanResource>>>['record'] & { isHolder: boolean };

export const recordReview: ActionConfig<typeof recordReviewSchema, LoadedReviewPlan, { reviewId: string; threatId: string }> = {
  name: 'plan.reviewed',
  schema: recordReviewSchema,
  verb: 'plan:review',
  async load({ user, input, tx }) {
    const loaded = await loadPlanResource(tx, user, input.planId);
    if (!loaded) return null;
    const { leadResponsibleOfficerId, deputyId } = loaded.resource;
    return { record: { ...loaded.record, isHolder: leadResponsibleOfficerId === user.id || deputyId === user.id }, resource: loaded.resource };
  },
  async handler({ input, record, user, tx }) {
    // A review is a second pair of eyes: whoever holds the threat does not review their own plan.
    if (record.isHolder) throw new AppError('FORBIDDEN', REVIEW_HOLDER_MESSAGE);
    const facts = await getPlanReviewFacts(tx, record.id);
    if (facts.status === 'DRAFT') throw new AppError('FORBIDDEN', REVIEW_DRAFT_MESSAGE);
    if (facts.status === 'CLOSED') throw new AppError('FORBIDDEN', REVIEW_CLOSED_MESSAGE);

    // The reviewer judged the plan they saw: a plan changed since the page was opened is refused.
    // Status updates on actions are not material (they do not move materiallyChangedAt); the
    // snapshot records the statuses as they are when the review is saved.
    const seenAt = new Date(input.seenAt);
    const isStale = Number.isNaN(seenAt.getTime()) || facts.version !== input.version || (facts.materiallyChangedAt !== null && facts.materiallyChangedAt > seenAt);
    if (isStale) throw new AppError('CONFLICT', stalePlanMessage(await lastPlanChange(tx, record.threatId, Number.isNaN(seenAt.getTime()) ? new Date(0) : seenAt)));

    const now = new Date();
    const nextReviewDueKey = input.nextReviewDue!;
    const problem = nextReviewDateProblem(nextReviewDueKey, londonDateKey(now), facts.cadenceDays);
    if (problem) throw new AppError('VALIDATION', 'There is a problem', { nextReviewDue: [problem] });

    // The same conditions again, in the write itself, so a change committed meanwhile still counts.
    const nextReviewDue = dateKeyToDate(nextReviewDueKey);
    const { count } = await tx.fourPPlan.updateMany({
      where: { id: record.id, version: input.version, status: 'ACTIVE', OR: [{ materiallyChangedAt: null }, { materiallyChangedAt: { lte: seenAt } }] },
      data: { nextReviewDue },
    });
    if (count === 0) throw new AppError('CONFLICT', stalePlanMessage(await lastPlanChange(tx, record.threatId, seenAt)));

    const snapshot = await snapshotPlan(tx, { id: record.id, version: input.version }, now);
    const review = await tx.planReview.create({
      data: {
        planId: record.id,
        reviewerId: user.id,
        reviewedAt: now,
        outcome: input.outcome,
        comments: input.comments,
        nextReviewDue,
        planVersion: input.version,
        snapshot: JSON.stringify(snapshot),
      },
      select: { id: true },
    });
    return {
      data: { reviewId: review.id, threatId: record.threatId },
      message: 'Review recorded',
      audit: {
        action: 'plan.reviewed',
        entityType: 'PlanReview',
        entityId: review.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { nextReviewDue: facts.nextReviewDue ? londonDateKey(facts.nextReviewDue) : null },
        after: { outcome: input.outcome, comments: input.comments, nextReviewDue: nextReviewDueKey },
      },
    };
  },
};
