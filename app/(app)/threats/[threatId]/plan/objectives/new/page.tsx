import type { Metadata } from 'next';
import Link from 'next/link';
import { AddObjectiveForm } from '@/components/plans/objective-form';
import { STRANDS, STRAND_LABELS, type Strand } from '@/lib/domain/vocabulary';
import { createObjectiveAction } from '../../plan-actions';
import { loadEditablePlan } from '../../plan-context';

export const metadata: Metadata = { title: 'Add an objective' };

export default async function AddObjectivePage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: Promise<{ strand?: string }> }) {
  const { threatId } = await params;
  const { strand } = await searchParams;
  const { threat, plan } = await loadEditablePlan(threatId);
  const chosen = STRANDS.includes(strand as Strand) ? (strand as Strand) : undefined;

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">{chosen ? `Add a ${STRAND_LABELS[chosen]} objective` : 'Add an objective'}</h1>
      <AddObjectiveForm
        threatId={threat.id}
        save={createObjectiveAction}
        objective={{ planId: plan.id, strand: chosen ?? ('' as Strand), title: '', successMeasure: '' }}
      />
    </>
  );
}
