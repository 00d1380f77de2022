import type { Metadata } from 'next';
import Link from 'next/link';
import { ClosePlanForm } from '@/components/plans/close-plan-form';
import { InsetText } from '@/components/ui/inset-text';
import { closePlanAction } from '../plan-actions';
import { loadEditablePlan } from '../plan-context';

export const metadata: Metadata = { title: 'Close the plan' };

export default async function ClosePlanPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const { threat, plan } = await loadEditablePlan(threatId);

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Close the plan</h1>
      {plan.status === 'ACTIVE' ? (
        <>
          <p className="govuk-body">
            Closing the plan records its debrief and keeps it, read only, as the record of what was done. The threat can then have a new plan.
          </p>
          <ClosePlanForm threatId={threat.id} save={closePlanAction} plan={{ planId: plan.id, version: plan.version, outcome: '', whatWorked: '', learning: '' }} />
        </>
      ) : (
        <InsetText>Only an active plan can be closed. This plan is still a draft.</InsetText>
      )}
    </>
  );
}
