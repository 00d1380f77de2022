import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { CreatePlanButton } from '@/components/plans/create-plan-button';
import { FlagSummary } from '@/components/flags/flag-summary';
import { planFlagsOf } from '@/components/flags/plan-flags';
import { EngagementsTable } from '@/components/plans/engagements-table';
import { MultilineText } from '@/components/plans/multiline-text';
import { planBalance } from '@/lib/domain/plan-balance';
import { PlanBalanceSummary } from '@/components/plans/plan-balance-summary';
import { StrandSection } from '@/components/plans/strand-section';
import { PlanReviewsSection } from '@/components/reviews/plan-reviews-section';
import { ReviewRequestBanner } from '@/components/reviews/review-request-banner';
import { PlanStatusTag } from '@/components/threats/threat-tags';
import { recordAudit } from '@/lib/audit';
import { getThreatFlags } from '@/lib/db/compliance';
import { getPlanContents, type PlanSummary } from '@/lib/db/plans';
import { getPlanReviewsPanel } from '@/lib/db/reviews';
import { getEffectiveThresholds } from '@/lib/db/settings';
import { formatDate, formatDateTime, londonDateKey } from '@/lib/domain/dates';
import { STRANDS } from '@/lib/domain/vocabulary';
import { createPlanAction } from './plan-actions';
import { loadPlanContext } from './plan-context';

export const metadata: Metadata = { title: '4P plan' };

const SAVED_MESSAGES: Record<string, string> = {
  created: '4P plan created',
  details: 'Plan details saved',
  'objective-added': 'Objective added',
  'objective-saved': 'Objective saved',
  activated: 'The plan is now active',
  closed: 'The plan is closed',
  engagement: 'Partner engagement recorded',
  reviewed: 'Review recorded',
};

function ownerText(owner: PlanSummary['owner']): string {
  if (!owner) return 'Not set';
  if (owner.kind === 'ORGANISATION') return `${owner.name} (partner organisation)`;
  return `${[owner.rank, owner.name].filter(Boolean).join(' ')} (${owner.organisationName})`;
}

type SearchParams = Promise<{ saved?: string; notice?: string }>;

export default async function PlanPage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: SearchParams }) {
  const { threatId } = await params;
  const { saved, notice } = await searchParams;
  const { user, threat, plan, mayEdit, canEdit } = await loadPlanContext(threatId);
  const base = `/threats/${threat.id}/plan`;
  // The plan's reviews; the latest, if it asked for changes, heads the page for the LRO.
  const reviewsPanel = plan ? await getPlanReviewsPanel(user, plan.id) : null;
  // After the access check: the plan's flags here, the threat's others on the threat page.
  const threatFlags = await getThreatFlags(threat.id, new Date());
  const flags = planFlagsOf(threatFlags);

  const header = (
    <>
      {saved && SAVED_MESSAGES[saved] ? <NotificationBanner type="success" heading={SAVED_MESSAGES[saved]} /> : null}
      {notice === 'closed' ? <NotificationBanner heading="This 4P plan is closed. A closed plan cannot be changed." /> : null}
      {plan && plan.status !== 'CLOSED' ? <ReviewRequestBanner review={reviewsPanel?.reviews[0]} /> : null}
      <Breadcrumbs
        items={[
          { href: '/threats', text: 'Threats' },
          { href: `/threats/${threat.id}`, text: threat.name },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">4P plan</h1>
      <FlagSummary flags={flags} className="app-no-print">
        {threatFlags.length > flags.length ? (
          <p className="govuk-body">
            <Link className="govuk-link" href={`/threats/${threat.id}`}>
              The threat has {threatFlags.length - flags.length} more {threatFlags.length - flags.length === 1 ? 'flag' : 'flags'}
            </Link>{' '}
            (MoRiLE, disruptions, orders or its LRO).
          </p>
        ) : null}
      </FlagSummary>
    </>
  );

  if (!plan) {
    return (
      <>
        {header}
        <InsetText>This threat has no 4P plan.</InsetText>
        {mayEdit ? <CreatePlanButton threatId={threat.id} create={createPlanAction} /> : null}
      </>
    );
  }

  // Views of plans are audited, like views of threats (DESIGN.md: "views of sensitive records").
  await recordAudit({ actorId: user.id, action: 'plan.view', entityType: 'FourPPlan', entityId: plan.id, organisationId: threat.organisationId, threatId: threat.id });

  const [contents, thresholds] = await Promise.all([getPlanContents(plan.id), getEffectiveThresholds(threat.organisationPath)]);
  const balance = planBalance(contents.actions, thresholds.pursueOnlyPercent);
  const today = londonDateKey(new Date());
  const isClosed = plan.status === 'CLOSED';

  return (
    <div className="app-plan">
      {header}

      {isClosed ? (
        <InsetText>
          This plan was closed on {formatDate(plan.closedAt)}. It is kept as a record and cannot be changed.
          {mayEdit ? ' The threat has no live plan: you can create a new one.' : null}
        </InsetText>
      ) : null}
      {isClosed && mayEdit ? <CreatePlanButton threatId={threat.id} create={createPlanAction} /> : null}

      <SummaryList
        card={{
          title: 'Plan details',
          headingLevel: 2,
          actions: canEdit ? [{ href: `${base}/edit`, text: 'Change', visuallyHiddenText: 'intelligence gaps and plan owner' }] : undefined,
        }}
        rows={[
          { key: 'Status', value: <PlanStatusTag status={plan.status} /> },
          { key: 'Version', value: String(plan.version) },
          { key: 'Plan owner', value: ownerText(plan.owner) },
          {
            key: 'Intelligence gaps',
            value: plan.intelligenceGaps ? <MultilineText text={plan.intelligenceGaps} className="govuk-body govuk-!-margin-bottom-1" /> : 'None recorded',
          },
          { key: 'Next review due', value: formatDate(plan.nextReviewDue) || 'Not set' },
          { key: 'Created', value: formatDate(plan.createdAt) },
          ...(plan.activatedAt ? [{ key: 'Made active', value: formatDate(plan.activatedAt) }] : []),
          ...(plan.materiallyChangedAt ? [{ key: 'Last changed', value: formatDateTime(plan.materiallyChangedAt) }] : []),
          ...(plan.closedAt ? [{ key: 'Closed', value: formatDate(plan.closedAt) }] : []),
        ]}
      />

      {isClosed ? (
        <SummaryList
          card={{ title: 'Closure debrief', headingLevel: 2 }}
          rows={[
            { key: 'Outcome', value: <MultilineText text={plan.closureOutcome ?? ''} className="govuk-body govuk-!-margin-bottom-1" /> },
            { key: 'What worked', value: <MultilineText text={plan.closureWhatWorked ?? ''} className="govuk-body govuk-!-margin-bottom-1" /> },
            { key: 'Learning to share', value: <MultilineText text={plan.closureLearning ?? ''} className="govuk-body govuk-!-margin-bottom-1" /> },
          ]}
        />
      ) : null}

      {canEdit && plan.status === 'DRAFT' ? (
        <>
          <InsetText>This plan is a draft. Make it active once it has its objectives.</InsetText>
          <Button href={`${base}/activate`}>Make the plan active</Button>
        </>
      ) : null}
      {canEdit && plan.status === 'ACTIVE' ? (
        <Button href={`${base}/close`} variant="secondary">
          Close the plan
        </Button>
      ) : null}

      <p className="govuk-body app-no-print">
        <Link className="govuk-link" href={`${base}/history`} prefetch={false}>
          View the plan&apos;s history
        </Link>
      </p>
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" href={`${base}/print`} prefetch={false} data-testid="plan-print-link">
          Print the plan
        </Link>
      </p>

      {reviewsPanel && (plan.status !== 'DRAFT' || reviewsPanel.reviews.length > 0) ? (
        <PlanReviewsSection
          reviews={reviewsPanel.reviews}
          nextReviewDue={plan.status === 'ACTIVE' ? plan.nextReviewDue : null}
          reviewHref={reviewsPanel.canReview ? `/reviews/${plan.id}` : undefined}
        />
      ) : null}

      <PlanBalanceSummary balance={balance} pursueOnlyPercent={thresholds.pursueOnlyPercent} />

      {STRANDS.map((strand) => (
        <StrandSection
          key={strand}
          threatId={threat.id}
          strand={strand}
          objectives={contents.objectives.filter((o) => o.strand === strand)}
          actions={contents.actions.filter((a) => a.strand === strand)}
          canEdit={canEdit}
          today={today}
        />
      ))}

      <section aria-labelledby="engagement-heading">
        <h2 className="govuk-heading-l" id="engagement-heading">
          Partner engagement
        </h2>
        {contents.engagements.length ? (
          <EngagementsTable engagements={contents.engagements} total={contents.engagementCount} />
        ) : (
          <p className="govuk-body">No partner engagement has been recorded on this plan.</p>
        )}
        {canEdit ? (
          <p className="govuk-body app-no-print">
            <Link className="govuk-link" href={`${base}/engagements/new`} prefetch={false}>
              Record partner engagement
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
