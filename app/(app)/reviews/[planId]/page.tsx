import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StrandSection } from '@/components/plans/strand-section';
import { FlagList } from '@/components/flags/flag-list';
import { PlanChanges } from '@/components/reviews/plan-changes';
import { RecordReviewForm } from '@/components/reviews/record-review-form';
import { ReviewHistoryTable } from '@/components/reviews/review-history-table';
import { PlanStatusTag } from '@/components/threats/threat-tags';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { SummaryList } from '@/components/ui/summary-list';
import { recordAudit } from '@/lib/audit';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getThreatFlags } from '@/lib/db/compliance';
import { getPlanContents } from '@/lib/db/plans';
import { getChangesSinceLastReview, getReviewSubject, listPlanReviews } from '@/lib/db/reviews';
import { formatDate, formatDateTime, londonDateKey } from '@/lib/domain/dates';
import { latestNextReviewDate, proposedNextReviewDate } from '@/lib/domain/review-diff';
import { STRANDS, type ReviewOutcome } from '@/lib/domain/vocabulary';
import { toDateParts } from '@/lib/validation/date-parts';
import { recordReviewAction } from './actions';

export const metadata: Metadata = { title: 'Review a 4P plan' };

/**
 * A manager's review of one plan: the threat and the plan as they stand, its flags, what changed
 * since the last review, the earlier reviews, and the review form.
 */
export default async function ReviewPlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const user = await requireUser();
  const subject = await getReviewSubject(user, planId);
  requirePermission(user, 'plan:review', subject?.resource ?? null);
  if (!subject) notFound();
  const { plan, threat, cadenceDays, isHolder } = subject;
  const now = new Date();

  // Reading the plan here is a view of a sensitive record, like the plan page.
  await recordAudit({ actorId: user.id, action: 'plan.view', entityType: 'FourPPlan', entityId: plan.id, organisationId: threat.organisationId, threatId: threat.id });

  const [contents, flags, changes, reviews] = await Promise.all([
    getPlanContents(plan.id),
    getThreatFlags(threat.id, now),
    getChangesSinceLastReview(plan, now),
    listPlanReviews(plan.id),
  ]);
  const today = londonDateKey(now);
  const planHref = `/threats/${threat.id}/plan`;
  const proposed = proposedNextReviewDate(today, cadenceDays);
  const latest = latestNextReviewDate(today, cadenceDays);
  const changedSinceReview = flags.some((flag) => flag.code === 'PLAN_CHANGED_SINCE_REVIEW');

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/reviews', text: 'Reviews' },
          { href: `/threats/${threat.id}`, text: threat.name },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Review the 4P plan</h1>

      <SummaryList
        rows={[
          {
            key: 'Threat',
            value: (
              <Link className="govuk-link" href={`/threats/${threat.id}`} prefetch={false}>
                {threat.urn} {threat.name}
              </Link>
            ),
          },
          { key: 'Tier', value: String(threat.tier) },
          { key: 'Organisation', value: threat.organisationName },
          { key: 'LRO', value: threat.leadResponsibleOfficerName ?? 'No LRO' },
          { key: 'Plan status', value: <PlanStatusTag status={plan.status} /> },
          { key: 'Plan version', value: String(plan.version) },
          { key: 'Review due', value: formatDate(plan.nextReviewDue) || 'Not set' },
          { key: 'Last changed', value: formatDateTime(plan.materiallyChangedAt) || 'Not recorded' },
        ]}
      />
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="#record-review">
            Go to the review form
          </a>
        </li>
        <li>
          <Link className="govuk-link" href={planHref} prefetch={false}>
            Open the plan page
          </Link>
        </li>
      </ul>

      <section aria-labelledby="flags-heading">
        <h2 className="govuk-heading-m" id="flags-heading">
          Flags
        </h2>
        <FlagList flags={flags} emptyText="No compliance flags." />
      </section>

      <PlanChanges changes={changes} changedSinceReview={changedSinceReview} historyHref={`${planHref}/history`} />

      <section aria-labelledby="previous-reviews-heading">
        <h2 className="govuk-heading-m" id="previous-reviews-heading">
          Previous reviews
        </h2>
        {reviews.length ? <ReviewHistoryTable reviews={reviews} caption={`Reviews of this plan (${reviews.length}), newest first`} /> : <p className="govuk-body">Never reviewed.</p>}
      </section>

      <h2 className="govuk-heading-l govuk-!-margin-top-6">The plan as it stands</h2>
      {STRANDS.map((strand) => (
        <StrandSection
          key={strand}
          threatId={threat.id}
          strand={strand}
          objectives={contents.objectives.filter((o) => o.strand === strand)}
          actions={contents.actions.filter((a) => a.strand === strand)}
          canEdit={false}
          today={today}
        />
      ))}

      <h2 className="govuk-heading-l" id="record-review">
        Record your review
      </h2>
      {plan.status !== 'ACTIVE' ? (
        <InsetText>Only an active plan can be reviewed. This plan is {plan.status === 'DRAFT' ? 'still a draft' : 'closed'}.</InsetText>
      ) : isHolder ? (
        <InsetText>You cannot review a plan you hold as LRO or deputy. Another manager reviews it.</InsetText>
      ) : (
        <RecordReviewForm
          threatId={threat.id}
          review={{
            planId: plan.id,
            version: plan.version,
            seenAt: now.toISOString(),
            outcome: '' as ReviewOutcome,
            comments: '',
            nextReviewDue: toDateParts(proposed),
          }}
          nextReviewHint={`Proposed from the ${cadenceDays}-day cadence for tier ${threat.tier} threats. It can be any date up to ${formatDate(new Date(`${latest}T00:00:00.000Z`))}.`}
          save={recordReviewAction}
        />
      )}
    </>
  );
}
