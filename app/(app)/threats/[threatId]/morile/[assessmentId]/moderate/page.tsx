import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ModerateAssessmentForm } from '@/components/morile/moderate-assessment-form';
import { MultilineText } from '@/components/plans/multiline-text';
import { InsetText } from '@/components/ui/inset-text';
import { SummaryList } from '@/components/ui/summary-list';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getModerationPreview, getMorileThreat, getThreatAssessment } from '@/lib/db/morile';
import { formatDate, formatDateTime } from '@/lib/domain/dates';
import { daysAwaitingModeration, moderationEffectSentence } from '@/lib/domain/morile';
import { CONFIDENCE_LABELS, MORILE_PRIORITY_LABELS } from '@/lib/domain/vocabulary';
import { moderateAssessmentAction } from '../../actions';

export const metadata: Metadata = { title: 'Moderate a MoRiLE assessment' };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const longDate = (key: string | null) => (key ? formatDate(new Date(`${key}T00:00:00.000Z`)) : null);

/**
 * A co-ordinator's confirmation before moderating an assessment: the assessment, and what
 * moderating it will do to the threat's tier and its plan's review cadence and date.
 */
export default async function ModerateAssessmentPage({ params }: { params: Promise<{ threatId: string; assessmentId: string }> }) {
  const { threatId, assessmentId } = await params;
  const user = await requireUser();
  const found = await getMorileThreat(user, threatId);
  requirePermission(user, 'morile:moderate', found?.resource ?? null);
  if (!found) notFound();
  const assessment = await getThreatAssessment(threatId, assessmentId);
  if (!assessment) notFound();
  const { threat } = found;
  const back = `/threats/${threat.id}/morile`;

  let body;
  if (assessment.moderatedAt) {
    body = (
      <InsetText>
        This assessment was moderated{assessment.moderatedByName ? ` by ${assessment.moderatedByName}` : ''} on {formatDateTime(assessment.moderatedAt)}. It cannot be moderated again.
      </InsetText>
    );
  } else if (threat.status === 'ARCHIVED') {
    body = <InsetText>This threat is archived. Its MoRiLE assessments can no longer be moderated.</InsetText>;
  } else if (assessment.assessedById === user.id) {
    body = <InsetText>You cannot moderate an assessment you recorded. Another co-ordinator moderates it.</InsetText>;
  } else {
    const { outcome } = await getModerationPreview(assessment.id);
    const moves = outcome.nextReviewDueAfter !== outcome.nextReviewDueBefore;
    body = (
      <>
        <div className="govuk-inset-text" data-testid="moderation-effect">
          <p className="govuk-body">{moderationEffectSentence(outcome)}</p>
          {moves && outcome.nextReviewDueAfter ? (
            <p className="govuk-body">
              The 4P plan&apos;s next review moves from {longDate(outcome.nextReviewDueBefore) ?? 'no date'} to {longDate(outcome.nextReviewDueAfter)}, {outcome.cadenceAfter} days after its{' '}
              {threat.livePlan?.lastReviewedAt ? 'last review' : 'activation'}.
            </p>
          ) : null}
        </div>
        <ModerateAssessmentForm threatId={threat.id} moderation={{ assessmentId: assessment.id, threatVersion: threat.version }} save={moderateAssessmentAction} />
      </>
    );
  }

  return (
    <>
      <Link className="govuk-back-link" href={back}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Moderate a MoRiLE assessment</h1>
      <SummaryList
        card={{ title: `Assessment of ${formatDate(assessment.assessedOn)}`, headingLevel: 2 }}
        rows={[
          { key: 'Assessed by', value: assessment.assessedByName ?? 'Not recorded' },
          { key: 'Harm score', value: String(assessment.harm) },
          { key: 'Likelihood score', value: String(assessment.likelihood) },
          { key: 'Risk score', value: `${assessment.riskScore} (harm ${assessment.harm} multiplied by likelihood ${assessment.likelihood})` },
          { key: 'Confidence', value: CONFIDENCE_LABELS[assessment.confidence] },
          { key: 'Priority', value: MORILE_PRIORITY_LABELS[assessment.priority] },
          { key: 'Tier', value: String(assessment.tier) },
          {
            key: 'Awaiting moderation',
            value: assessment.moderatedAt ? 'No' : days(daysAwaitingModeration(assessment.assessedOn, new Date())),
          },
          { key: 'Notes', value: assessment.notes ? <MultilineText text={assessment.notes} /> : 'None' },
        ]}
      />
      {body}
    </>
  );
}
