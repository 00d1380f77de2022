import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentForm } from '@/components/morile/assessment-form';
import { InsetText } from '@/components/ui/inset-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getMorileThreat } from '@/lib/db/morile';
import { londonDateKey } from '@/lib/domain/dates';
import { SCALE_EXPLANATION } from '@/lib/domain/morile';
import { toDateParts } from '@/lib/validation/date-parts';
import type { RecordAssessmentInput } from '@/lib/validation/morile';
import { recordAssessmentAction } from '../actions';

export const metadata: Metadata = { title: 'Record a MoRiLE assessment' };

/** Recording a MoRiLE assessment of a threat: for its LRO or deputy and its organisation's managers. */
export default async function RecordAssessmentPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getMorileThreat(user, threatId);
  requirePermission(user, 'morile:assess', found?.resource ?? null);
  if (!found) notFound();
  const { threat, thresholds } = found;
  const today = toDateParts(londonDateKey(new Date()));

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/morile`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Record a MoRiLE assessment</h1>
      {threat.status === 'ARCHIVED' ? (
        <InsetText>This threat is archived. Its MoRiLE assessments can no longer be recorded.</InsetText>
      ) : (
        <>
          <p className="govuk-body">{SCALE_EXPLANATION}</p>
          <p className="govuk-body">
            The threat is tier {threat.tier} now. A co-ordinator moderates the assessment; then, if it is the latest, the threat takes its tier. The next assessment falls due{' '}
            {thresholds.morileOverdueMonths} months after the date assessed.
          </p>
          <AssessmentForm
            threatId={threat.id}
            example={`${today.day} ${today.month} ${today.year}`}
            save={recordAssessmentAction}
            // Nothing chosen yet: the radios start empty, and the schema asks for each.
            assessment={{
              threatId: threat.id,
              assessedOn: today,
              harm: '',
              likelihood: '',
              confidence: '' as RecordAssessmentInput['confidence'],
              priority: '' as RecordAssessmentInput['priority'],
              tier: '' as RecordAssessmentInput['tier'],
              notes: '',
            }}
          />
        </>
      )}
    </>
  );
}
