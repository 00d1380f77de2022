import 'server-only';
import type { ActionConfig } from './authed-action';
import type { AuditInput } from '@/lib/audit';
import { assessmentModeration, getModerationPreview, loadAssessmentResource, loadAssessmentThreat } from '@/lib/db/morile';
import { getEffectiveThresholds } from '@/lib/db/settings';
import { lastChangeOf } from '@/lib/db/threats';
import { formatDateTime } from '@/lib/domain/dates';
import { nextReassessmentDue, riskScore } from '@/lib/domain/morile';
import { dateKeyToDate } from '@/lib/domain/review-diff';
import { AppError, conflict } from '@/lib/errors';
import { moderateAssessmentSchema, recordAssessmentSchema } from '@/lib/validation/morile';

// MoRiLE assessments (issue 5, "MoRiLE assessments"): the LRO (or a manager) records an
// assessment; a co-ordinator moderates it; the threat's tier follows its latest moderated
// assessment, and its plan's review cadence with it. Each is run by authedAction: the record is
// loaded within the user's scope, the policy asked, and the write and its audit events (with
// threatId, so the threat's history shows them) commit together.

export const ARCHIVED_THREAT_MESSAGE = 'This threat is archived. Its MoRiLE assessments can no longer be recorded or moderated.';
export const OWN_ASSESSMENT_MESSAGE = 'You cannot moderate an assessment you recorded. Another co-ordinator moderates it.';

function alreadyModeratedMessage(by: { by: string | null; at: Date } | null): string {
  return by
    ? `This assessment was moderated by ${by.by ?? 'someone else'} on ${formatDateTime(by.at)}. It cannot be moderated again.`
    : 'This assessment has already been moderated. It cannot be moderated again.';
}

type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadAssessmentThreat>>>['record'];
type LoadedAssessment = NonNullable<Awaited<ReturnType<typeof loadAssessmentResource>>>['record'];

/**
 * Record a MoRiLE assessment (morile:assess: the LRO or deputy holding the threat, managers of its
 * organisation). The risk score is computed (harm x likelihood), and the next reassessment falls
 * due `morileOverdueMonths` after the day assessed, by the threat's organisation's thresholds.
 */
export const recordAssessment: ActionConfig<typeof recordAssessmentSchema, LoadedThreat, { assessmentId: string; threatId: string }> = {
  name: 'morile.assessed',
  schema: recordAssessmentSchema,
  verb: 'morile:assess',
  load: ({ user, input, tx }) => loadAssessmentThreat(tx, user, input.threatId),
  async handler({ input, record, user, tx }) {
    if (record.status === 'ARCHIVED') throw new AppError('FORBIDDEN', ARCHIVED_THREAT_MESSAGE);
    // Not in the future: the schema has checked, against London's today.
    const assessedOnKey = input.assessedOn!;
    const thresholds = await getEffectiveThresholds(record.organisationPath, tx);
    const score = riskScore(input.harm, input.likelihood);
    const dueKey = nextReassessmentDue(assessedOnKey, thresholds.morileOverdueMonths);
    const assessment = await tx.morileAssessment.create({
      data: {
        threatId: record.id,
        assessedOn: dateKeyToDate(assessedOnKey),
        harm: input.harm,
        likelihood: input.likelihood,
        riskScore: score,
        confidence: input.confidence,
        priority: input.priority,
        tier: input.tier,
        notes: input.notes || null,
        assessedById: user.id,
        nextReassessmentDue: dateKeyToDate(dueKey),
      },
      select: { id: true },
    });
    return {
      data: { assessmentId: assessment.id, threatId: record.id },
      message: 'MoRiLE assessment recorded',
      audit: {
        action: 'morile.assessed',
        entityType: 'MorileAssessment',
        entityId: assessment.id,
        organisationId: record.organisationId,
        threatId: record.id,
        after: {
          assessedOn: assessedOnKey,
          harm: input.harm,
          likelihood: input.likelihood,
          riskScore: score,
          confidence: input.confidence,
          priority: input.priority,
          tier: input.tier,
          notes: input.notes || null,
          nextReassessmentDue: dueKey,
        },
      },
    };
  },
};

/**
 * Moderate an assessment (morile:moderate: co-ordinators of the threat's organisation or above).
 * Only an unmoderated one, and not by the person who recorded it. If it becomes the threat's
 * latest moderated assessment and its tier differs, the threat takes that tier (its version
 * bumped) and the active plan's next review date moves to the new cadence, counted from the last
 * review or, never reviewed, from activation (lib/domain/morile.ts moderationOutcome).
 */
export const moderateAssessment: ActionConfig<
  typeof moderateAssessmentSchema,
  LoadedAssessment,
  { assessmentId: string; threatId: string; tierBefore: number; tierAfter: number }
> = {
  name: 'morile.moderated',
  schema: moderateAssessmentSchema,
  verb: 'morile:moderate',
  load: ({ user, input, tx }) => loadAssessmentResource(tx, user, input.assessmentId),
  async handler({ input, record, user, tx }) {
    if (record.moderatedAt) throw new AppError('CONFLICT', alreadyModeratedMessage(await assessmentModeration(tx, record.id)));
    if (record.assessedById === user.id) throw new AppError('FORBIDDEN', OWN_ASSESSMENT_MESSAGE);
    const { threat, outcome } = await getModerationPreview(record.id, tx);
    if (threat.status === 'ARCHIVED') throw new AppError('FORBIDDEN', ARCHIVED_THREAT_MESSAGE);
    // The page described a change of tier for the threat as it then stood.
    if (threat.version !== input.threatVersion) {
      const last = await lastChangeOf(tx, 'SocThreat', threat.id);
      throw conflict(last?.by ?? null, last?.at ?? new Date());
    }

    const now = new Date();
    // Only if still unmoderated: two co-ordinators confirming at once moderate it once.
    const { count } = await tx.morileAssessment.updateMany({ where: { id: record.id, moderatedAt: null }, data: { moderatedAt: now, moderatedById: user.id } });
    if (count === 0) throw new AppError('CONFLICT', alreadyModeratedMessage(await assessmentModeration(tx, record.id)));

    const audit: Omit<AuditInput, 'actorId'>[] = [
      {
        action: 'morile.moderated',
        entityType: 'MorileAssessment',
        entityId: record.id,
        organisationId: record.organisationId,
        threatId: threat.id,
        before: { moderatedAt: null },
        after: { moderatedAt: now.toISOString(), moderatedById: user.id, tier: record.tier, becomesLatest: outcome.becomesLatest },
      },
    ];

    if (outcome.tierAfter !== outcome.tierBefore) {
      const changed = await tx.socThreat.updateMany({ where: { id: threat.id, version: input.threatVersion }, data: { tier: outcome.tierAfter, version: { increment: 1 } } });
      if (changed.count === 0) {
        const last = await lastChangeOf(tx, 'SocThreat', threat.id);
        throw conflict(last?.by ?? null, last?.at ?? now);
      }
      const plan = threat.livePlan?.status === 'ACTIVE' ? threat.livePlan : null;
      // The review date is scheduling that follows the tier, not a change to the plan's content:
      // the plan's version stays, so nobody editing the plan meanwhile is refused.
      if (plan && outcome.nextReviewDueAfter && outcome.nextReviewDueAfter !== outcome.nextReviewDueBefore) {
        await tx.fourPPlan.update({ where: { id: plan.id }, data: { nextReviewDue: dateKeyToDate(outcome.nextReviewDueAfter) }, select: { id: true } });
      }
      audit.push({
        action: 'threat.tier-changed',
        entityType: 'SocThreat',
        entityId: threat.id,
        organisationId: threat.organisationId,
        threatId: threat.id,
        before: { tier: outcome.tierBefore, reviewCadenceDays: outcome.cadenceBefore, nextReviewDue: outcome.nextReviewDueBefore },
        after: { tier: outcome.tierAfter, reviewCadenceDays: outcome.cadenceAfter, nextReviewDue: outcome.nextReviewDueAfter, assessmentId: record.id },
      });
    }

    return {
      data: { assessmentId: record.id, threatId: threat.id, tierBefore: outcome.tierBefore, tierAfter: outcome.tierAfter },
      message: 'MoRiLE assessment moderated',
      audit,
    };
  },
};
