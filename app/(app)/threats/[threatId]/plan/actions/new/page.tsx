import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddActionForm } from '@/components/actions/add-action-form';
import { dueDateHint } from '@/components/actions/overdue';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getLivePlanForActions, listActionOwnerOptions } from '@/lib/db/actions';
import { listPlanObjectives } from '@/lib/db/plans';
import { STRANDS, type Strand } from '@/lib/domain/vocabulary';
import { createActionAction } from './actions';

export const metadata: Metadata = { title: 'Add an action' };

type SearchParams = Promise<{ strand?: string | string[]; objectiveId?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NewActionPage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: SearchParams }) {
  const { threatId } = await params;
  const query = await searchParams;
  const user = await requireUser();
  const found = await getLivePlanForActions(user, threatId);
  requirePermission(user, 'plan:edit', found?.resource ?? null);
  if (!found) notFound();
  const { plan } = found;

  const [objectives, owners] = await Promise.all([listPlanObjectives(plan.id), listActionOwnerOptions(threatId)]);
  // The plan page links here from a strand or an objective: preset what it names, if it is this plan's.
  const objective = objectives.find((o) => o.id === first(query.objectiveId));
  const askedStrand = first(query.strand);
  const strand: Strand | undefined = STRANDS.find((s) => s === askedStrand) ?? objective?.strand;
  const planHref = `/threats/${threatId}/plan`;

  return (
    <>
      <Link className="govuk-back-link" href={planHref}>
        Back to the plan
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {plan.threatUrn} {plan.threatName}
          </span>
          <h1 className="govuk-heading-l">Add an action</h1>
          <AddActionForm
            threatId={threatId}
            planId={plan.id}
            strand={strand}
            objectiveId={objective && objective.strand === strand ? objective.id : undefined}
            cancelHref={planHref}
            save={createActionAction}
            objectives={objectives}
            users={owners.users}
            partnerOrganisations={owners.partnerOrganisations}
            dueDateHint={dueDateHint(new Date())}
          />
        </div>
      </div>
    </>
  );
}
