import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActivatePlanForm } from '@/components/plans/activate-plan-form';
import { Table } from '@/components/ui/table';
import { WarningText } from '@/components/ui/warning-text';
import { listPlanObjectives } from '@/lib/db/plans';
import { STRANDS, STRAND_LABELS } from '@/lib/domain/vocabulary';
import { activatePlanAction } from '../plan-actions';
import { loadEditablePlan } from '../plan-context';

export const metadata: Metadata = { title: 'Make the plan active' };

export default async function ActivatePlanPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const { threat, plan } = await loadEditablePlan(threatId);
  if (plan.status !== 'DRAFT') redirect(`/threats/${threat.id}/plan`);
  const objectives = await listPlanObjectives(plan.id);
  const count = (strand: (typeof STRANDS)[number]) => objectives.filter((o) => o.strand === strand).length;
  const missing = STRANDS.filter((s) => count(s) === 0).map((s) => STRAND_LABELS[s]);

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/plan`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Make the plan active</h1>
      <p className="govuk-body">An active plan is the one the LRO works to and managers review. You can still add and change objectives and actions once it is active.</p>
      <Table
        caption="Objectives by strand"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: 'Strand' }, { text: 'Objectives', isNumeric: true }]}
        rows={STRANDS.map((s) => [STRAND_LABELS[s], { content: count(s), isNumeric: true }])}
      />
      {objectives.length > 0 && missing.length > 0 ? <WarningText>The plan has no {missing.join(', ')} objective. A balanced plan works on all four strands.</WarningText> : null}
      <ActivatePlanForm threatId={threat.id} plan={{ planId: plan.id, version: plan.version }} save={activatePlanAction} />
    </>
  );
}
