import type { Metadata } from 'next';
import Link from 'next/link';
import { PlanDetailsForm } from '@/components/plans/plan-details-form';
import { listPartnerOrganisations, listPlanOwnerOfficers } from '@/lib/db/plans';
import { updatePlanDetailsAction } from '../plan-actions';
import { loadEditablePlan } from '../plan-context';

export const metadata: Metadata = { title: 'Change plan details' };

export default async function EditPlanDetailsPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const { threat, plan } = await loadEditablePlan(threatId);
  const [officers, partners] = await Promise.all([listPlanOwnerOfficers(threat.organisationPath), listPartnerOrganisations()]);
  // The current owner stays choosable even if they would not be offered now (e.g. moved force).
  if (plan.owner?.kind === 'USER' && !officers.some((o) => o.value === plan.owner!.id)) {
    officers.unshift({ value: plan.owner.id, text: `${plan.owner.name} (${plan.owner.organisationName})` });
  }

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Change plan details</h1>
      <PlanDetailsForm
        threatId={threat.id}
        officers={officers}
        partners={partners}
        save={updatePlanDetailsAction}
        plan={{
          planId: plan.id,
          version: plan.version,
          intelligenceGaps: plan.intelligenceGaps ?? '',
          ownerKind: plan.owner?.kind ?? ('' as 'USER'),
          ownerUserId: plan.owner?.kind === 'USER' ? plan.owner.id : '',
          ownerOrganisationId: plan.owner?.kind === 'ORGANISATION' ? plan.owner.id : '',
        }}
      />
    </>
  );
}
