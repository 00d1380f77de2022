import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AssessmentHistoryTable, type AssessmentHistoryRow } from '@/components/morile/assessment-history-table';
import { RiskScoreChart } from '@/components/morile/risk-score-chart';
import { FlagList } from '@/components/flags/flag-list';
import { MultilineText } from '@/components/plans/multiline-text';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { recordAudit } from '@/lib/audit';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { getThreatFlags } from '@/lib/db/compliance';
import { getMorileThreat, listThreatAssessments, type AssessmentRow } from '@/lib/db/morile';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { daysAwaitingModeration, latestModerated, SCALE_EXPLANATION } from '@/lib/domain/morile';
import { CONFIDENCE_LABELS, MORILE_PRIORITY_LABELS } from '@/lib/domain/vocabulary';

export const metadata: Metadata = { title: 'MoRiLE assessments' };

const MORILE_FLAGS = new Set(['MORILE_OVERDUE', 'MORILE_UNMODERATED']);

function moderatedLabel(assessment: AssessmentRow): string | null {
  if (!assessment.moderatedAt) return null;
  return `${formatDate(assessment.moderatedAt, 'short')}${assessment.moderatedByName ? ` by ${assessment.moderatedByName}` : ''}`;
}

/**
 * A threat's MoRiLE assessments (issue 5, "MoRiLE assessments"): the latest moderated one, which
 * the threat's tier follows; the risk score over time; the history, with "Moderate" for the
 * co-ordinators who may; and "Record an assessment" for the LRO and managers. Shown to those who
 * may read the threat's plan, as on the threat page.
 */
export default async function MorilePage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { threatId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser();
  const found = await getMorileThreat(user, threatId);
  requirePermission(user, 'plan:read', found?.resource ?? null);
  if (!found) notFound();
  const { threat, resource, cadenceDays } = found;
  const now = new Date();

  await recordAudit({ actorId: user.id, action: 'morile.view', entityType: 'SocThreat', entityId: threat.id, organisationId: threat.organisationId, threatId: threat.id });

  const [assessments, flags] = await Promise.all([listThreatAssessments(threat.id), getThreatFlags(threat.id, now)]);
  const isArchived = threat.status === 'ARCHIVED';
  const canAssess = !isArchived && can(user, 'morile:assess', resource);
  const canModerate = !isArchived && can(user, 'morile:moderate', resource);
  const latest = latestModerated(assessments);
  const newest = assessments[0] ?? null;
  const plan = threat.livePlan?.status === 'ACTIVE' ? threat.livePlan : null;
  const base = `/threats/${threat.id}/morile`;

  const rows: AssessmentHistoryRow[] = assessments.map((a) => ({
    id: a.id,
    assessedOnLabel: formatDate(a.assessedOn, 'short'),
    assessedByName: a.assessedByName,
    harm: a.harm,
    likelihood: a.likelihood,
    riskScore: a.riskScore,
    confidence: a.confidence,
    priority: a.priority,
    tier: a.tier,
    moderatedLabel: moderatedLabel(a),
    daysAwaiting: daysAwaitingModeration(a.assessedOn, now),
    moderateHref: canModerate && !a.moderatedAt && a.assessedById !== user.id ? `${base}/${a.id}/moderate` : null,
  }));

  return (
    <>
      {saved === 'assessed' ? (
        <NotificationBanner type="success" heading="MoRiLE assessment recorded">
          <p className="govuk-body">A co-ordinator moderates it. Once moderated, the threat takes its tier if it is the latest assessment.</p>
        </NotificationBanner>
      ) : null}
      {saved === 'moderated' ? <NotificationBanner type="success" heading={`Assessment moderated. The threat is tier ${threat.tier}.`} /> : null}
      <Breadcrumbs
        items={[
          { href: '/threats', text: 'Threats' },
          { href: `/threats/${threat.id}`, text: threat.name },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">MoRiLE assessments</h1>
      <p className="govuk-body">
        The threat&apos;s tier follows its latest moderated assessment, and its 4P plan&apos;s review cadence follows the tier. {SCALE_EXPLANATION}
      </p>

      <SummaryList
        rows={[
          { key: 'Tier', value: <Tag colour="purple">Tier {threat.tier}</Tag> },
          { key: 'Review cadence', value: `Every ${cadenceDays} days for tier ${threat.tier} threats` },
          { key: '4P plan next review due', value: plan ? formatDate(plan.nextReviewDue) || 'Not set' : 'No active 4P plan' },
          { key: 'Next assessment due', value: newest ? formatDate(newest.nextReassessmentDue) : 'Not yet assessed' },
        ]}
      />

      <section aria-labelledby="morile-flags-heading">
        <h2 className="govuk-heading-m" id="morile-flags-heading">
          MoRiLE flags
        </h2>
        <FlagList flags={flags.filter((flag) => MORILE_FLAGS.has(flag.code))} emptyText="No MoRiLE flags." />
      </section>

      {canAssess ? <Button href={`${base}/new`}>Record an assessment</Button> : null}
      {isArchived ? <InsetText>This threat is archived. Its assessments are kept as a record and can no longer be changed.</InsetText> : null}

      <section aria-labelledby="latest-heading">
        <h2 className="govuk-heading-m" id="latest-heading">
          Latest moderated assessment
        </h2>
        {latest ? (
          <SummaryList
            rows={[
              { key: 'Date assessed', value: `${formatDate(latest.assessedOn)}${latest.assessedByName ? ` by ${latest.assessedByName}` : ''}` },
              { key: 'Harm score', value: String(latest.harm) },
              { key: 'Likelihood score', value: String(latest.likelihood) },
              { key: 'Risk score', value: `${latest.riskScore} (harm ${latest.harm} multiplied by likelihood ${latest.likelihood})` },
              { key: 'Confidence', value: CONFIDENCE_LABELS[latest.confidence] },
              { key: 'Priority', value: MORILE_PRIORITY_LABELS[latest.priority] },
              { key: 'Tier', value: String(latest.tier) },
              { key: 'Moderated', value: moderatedLabel(latest) ?? '' },
              { key: 'Next assessment due', value: formatDate(latest.nextReassessmentDue) },
              { key: 'Notes', value: latest.notes ? <MultilineText text={latest.notes} /> : 'None' },
            ]}
          />
        ) : (
          <InsetText>No assessment of this threat has been moderated yet.</InsetText>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 className="govuk-heading-m" id="history-heading">
          History
        </h2>
        {assessments.length ? (
          <>
            <RiskScoreChart
              points={assessments.map((a) => ({
                id: a.id,
                assessedOnKey: londonDateKey(a.assessedOn),
                assessedOnLabel: formatDate(a.assessedOn, 'short'),
                riskScore: a.riskScore,
                tier: a.tier,
                isModerated: a.moderatedAt !== null,
              }))}
            />
            <AssessmentHistoryTable rows={rows} caption={`MoRiLE assessments (${assessments.length}), latest first`} />
          </>
        ) : (
          <InsetText>No MoRiLE assessment has been recorded.</InsetText>
        )}
      </section>
    </>
  );
}
