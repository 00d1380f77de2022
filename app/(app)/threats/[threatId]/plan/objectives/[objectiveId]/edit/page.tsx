import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditObjectiveForm } from '@/components/plans/objective-form';
import { getObjective } from '@/lib/db/plans';
import { updateObjectiveAction } from '../../../plan-actions';
import { loadEditablePlan } from '../../../plan-context';

export const metadata: Metadata = { title: 'Change objective' };

export default async function EditObjectivePage({ params }: { params: Promise<{ threatId: string; objectiveId: string }> }) {
  const { threatId, objectiveId } = await params;
  const { threat, plan } = await loadEditablePlan(threatId);
  const objective = await getObjective(plan.id, objectiveId);
  if (!objective) notFound();

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Change objective</h1>
      <EditObjectiveForm
        threatId={threat.id}
        hasActions={objective.actionCount > 0}
        save={updateObjectiveAction}
        objective={{
          objectiveId: objective.id,
          lastUpdatedAt: objective.updatedAt.toISOString(),
          strand: objective.strand,
          title: objective.title,
          successMeasure: objective.successMeasure,
        }}
      />
    </>
  );
}
