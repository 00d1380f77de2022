import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MultilineText } from '@/components/plans/multiline-text';
import { PrintButton } from '@/components/print/print-button';
import { PrintReviews, PrintStrand } from '@/components/print/plan-print';
import { SummaryList } from '@/components/ui/summary-list';
import { recordAudit } from '@/lib/audit';
import { getLatestActionUpdates, getPlanPrintThreat } from '@/lib/db/plan-print';
import { getPlanContents, type PlanSummary } from '@/lib/db/plans';
import { listPlanReviews } from '@/lib/db/reviews';
import { formatDate, formatDateTime } from '@/lib/domain/dates';
import { PLAN_STATUS_LABELS, STRANDS, THREAT_AREA_LABELS, THREAT_STATUS_LABELS, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import { loadPlanContext } from '../plan-context';

export const metadata: Metadata = { title: '4P plan: print view' };

function ownerText(owner: PlanSummary['owner']): string {
  if (!owner) return 'Not set';
  if (owner.kind === 'ORGANISATION') return `${owner.name} (partner organisation)`;
  return `${[owner.rank, owner.name].filter(Boolean).join(' ')} (${owner.organisationName})`;
}

/**
 * The live 4P plan on paper (issue 6 part 5): the threat's summary, the plan's details, each
 * strand's objectives and actions with owners, due dates, status and latest update, and the
 * reviews; no navigation, links or buttons when printed, OFFICIAL-SENSITIVE at the top and bottom
 * of every printed page. Whoever may read the plan may print it (plan:read, loadPlanContext);
 * audited as a view of the plan, as the plan page is.
 */
export default async function PlanPrintPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const { user, threat, plan } = await loadPlanContext(threatId);
  if (!plan) notFound();
  // A view of the plan, as the plan page records one (views stay out of the plan's history).
  await recordAudit({ actorId: user.id, action: 'plan.view', entityType: 'FourPPlan', entityId: plan.id, organisationId: threat.organisationId, threatId: threat.id, after: { view: 'print' } });

  const [facts, contents, reviews] = await Promise.all([getPlanPrintThreat(threat.id), getPlanContents(plan.id), listPlanReviews(plan.id)]);
  const latest = await getLatestActionUpdates(contents.actions.map((a) => a.id));
  const actions = contents.actions.map((a) => ({ ...a, latestUpdate: latest.get(a.id) ?? null }));
  const now = new Date();

  return (
    <div className="app-plan app-print">
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" href={`/threats/${threat.id}/plan`}>
          Back to the plan
        </Link>
      </p>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">4P plan</h1>
      <PrintButton />

      <SummaryList
        card={{ title: 'Threat', headingLevel: 2 }}
        rows={[
          { key: 'URN', value: threat.urn },
          { key: 'Name', value: threat.name },
          { key: 'Type', value: THREAT_TYPE_LABELS[facts.type] },
          { key: 'Tier', value: String(facts.tier) },
          { key: 'Status', value: THREAT_STATUS_LABELS[threat.status as keyof typeof THREAT_STATUS_LABELS] ?? threat.status },
          { key: 'Threat areas', value: facts.areas.map((a) => THREAT_AREA_LABELS[a]).join(', ') || 'None recorded' },
          { key: 'Organisation', value: threat.organisationName },
          { key: 'LRO', value: facts.leadResponsibleOfficer ?? 'None appointed' },
          { key: 'Deputy', value: facts.deputy ?? 'None appointed' },
          { key: 'Mapped', value: formatDate(facts.mappedOn) },
        ]}
      />

      <SummaryList
        card={{ title: 'Plan details', headingLevel: 2 }}
        rows={[
          { key: 'Status', value: PLAN_STATUS_LABELS[plan.status] },
          { key: 'Version', value: String(plan.version) },
          { key: 'Plan owner', value: ownerText(plan.owner) },
          {
            key: 'Intelligence gaps',
            value: plan.intelligenceGaps ? <MultilineText text={plan.intelligenceGaps} className="govuk-body govuk-!-margin-bottom-1" /> : 'None recorded',
          },
          { key: 'Next review due', value: formatDate(plan.nextReviewDue) || 'Not set' },
          ...(plan.closedAt ? [{ key: 'Closed', value: formatDate(plan.closedAt) }] : []),
          { key: 'Printed', value: `${formatDateTime(now)} by ${user.name}` },
        ]}
      />

      {STRANDS.map((strand) => (
        <PrintStrand key={strand} strand={strand} objectives={contents.objectives.filter((o) => o.strand === strand)} actions={actions.filter((a) => a.strand === strand)} />
      ))}

      <PrintReviews reviews={reviews} />
    </div>
  );
}
