import type { Metadata } from 'next';
import Link from 'next/link';
import { EngagementForm } from '@/components/plans/engagement-form';
import { listPartnerOrganisations } from '@/lib/db/plans';
import { emptyDateParts, toDateParts } from '@/lib/validation/date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import type { EngagementKind } from '@/lib/domain/vocabulary';
import { recordEngagementAction } from '../../plan-actions';
import { loadEditablePlan } from '../../plan-context';

export const metadata: Metadata = { title: 'Record partner engagement' };

export default async function RecordEngagementPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const { threat, plan } = await loadEditablePlan(threatId);
  const partners = await listPartnerOrganisations();
  const today = toDateParts(londonDateKey(new Date()));

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Record partner engagement</h1>
      <EngagementForm
        threatId={threat.id}
        partners={partners}
        example={`${today.day} ${today.month} ${today.year}`}
        save={recordEngagementAction}
        engagement={{ planId: plan.id, partnerOrganisationId: '', engagedOn: { ...emptyDateParts }, kind: '' as EngagementKind, summary: '' }}
      />
    </>
  );
}
