import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { PlanStatusTag, ThreatStatusTag } from '@/components/threats/threat-tags';
import { CreatePlanButton } from '@/components/plans/create-plan-button';
import { FlagSummary } from '@/components/flags/flag-summary';
import { ThreatOrdersSection } from '@/components/orders/threat-orders-section';
import { HandoverPanel } from '@/components/handover/handover-panel';
import { MultilineText } from '@/components/plans/multiline-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can, hasVerb } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit';
import { countPlanActions, getThreatDetail } from '@/lib/db/threats';
import { getThreatFlags } from '@/lib/db/compliance';
import { listThreatOrders } from '@/lib/db/orders';
import { createPlanAction } from './plan/plan-actions';
import { getHandoverPanel } from '@/lib/services/handovers';
import { acknowledgeHandoverAction } from './handover-actions';
import { formatDate } from '@/lib/domain/dates';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  CONFIDENCE_LABELS,
  MORILE_PRIORITY_LABELS,
  OPEN_ACTION_STATUSES,
  STRANDS,
  STRAND_LABELS,
  THREAT_AREA_LABELS,
  THREAT_TYPE_LABELS,
} from '@/lib/domain/vocabulary';

type Params = Promise<{ threatId: string }>;

export const metadata: Metadata = { title: 'Threat' };

const person = (p: { name: string; rank: string | null } | null) => (p ? [p.rank, p.name].filter(Boolean).join(' ') : null);

export default async function ThreatPage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string }> }) {
  const { threatId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser();
  const found = await getThreatDetail(user, threatId);
  requirePermission(user, 'threat:read', found?.resource ?? null);
  if (!found) notFound();
  const { threat, resource } = found;
  const canReadPlan = can(user, 'plan:read', resource);
  const canEdit = can(user, 'threat:update', resource);

  // Views of threat records are audited (DESIGN.md: "including ... views of sensitive records").
  await recordAudit({ actorId: user.id, action: 'threat.view', entityType: 'SocThreat', entityId: threat.id, organisationId: threat.organisation.id, threatId: threat.id });

  const plan = canReadPlan ? threat.livePlan : null;
  const actionCounts = plan ? await countPlanActions(plan.id) : null;
  const lastReview = plan?.reviews[0] ?? null;
  // Flags name actions, officers and orders: shown to those who may read the plan, not to a
  // partner who sees the threat only because it is shared or they own an action on it.
  const now = new Date();
  const flags = canReadPlan ? await getThreatFlags(threat.id, now) : null;
  // The incoming LRO's handover (issue 5, item 3): shown to them until they have read it.
  const handover = flags ? await getHandoverPanel(user, threat.id, now, flags) : null;
  // Ancillary orders on the threat (issue 5, item 5): those the user may see, with their flags.
  const orders = canReadPlan && hasVerb(user, 'order:read') ? await listThreatOrders(user, threat.id, now) : null;

  return (
    <>
      {saved === 'details' ? <NotificationBanner type="success" heading="Threat details saved" /> : null}
      {saved === 'handover' ? <NotificationBanner type="success" heading="Handover acknowledged" titleId="handover-saved-title" /> : null}
      <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" href="/threats">
              Threats
            </Link>
          </li>
        </ol>
      </nav>
      <span className="govuk-caption-l">{threat.urn}</span>
      <h1 className="govuk-heading-l">{threat.name}</h1>
      <p className="govuk-body">
        <ThreatStatusTag status={threat.status} /> <Tag colour="purple">Tier {threat.tier}</Tag>
      </p>
      {handover ? <HandoverPanel handover={handover} acknowledge={acknowledgeHandoverAction} /> : null}
      {flags ? <FlagSummary flags={flags} /> : null}

      <SummaryList
        card={{
          title: 'Threat details',
          headingLevel: 2,
          actions: canEdit ? [{ href: `/threats/${threat.id}/edit`, text: 'Change', visuallyHiddenText: 'threat details' }] : undefined,
        }}
        rows={[
          { key: 'Type', value: THREAT_TYPE_LABELS[threat.type] },
          { key: 'Tier', value: String(threat.tier) },
          { key: 'Threat areas', value: threat.areas.map((a) => THREAT_AREA_LABELS[a.area]).join(', ') || 'None recorded' },
          { key: 'Owning organisation', value: threat.organisation.name },
          { key: 'Mapped on', value: formatDate(threat.mappedOn) },
          ...(threat.status === 'ARCHIVED' ? [{ key: 'Reason archived', value: threat.archivedReason ?? 'Not recorded' }] : []),
          { key: 'Shared with', value: threat.shares.map((s) => s.organisation.name).join(', ') || 'Not shared' },
          { key: 'What frontline officers should look out for', value: threat.lookOutFor ? <MultilineText text={threat.lookOutFor} /> : 'Not recorded' },
        ]}
      />

      {/* LRO and deputy card (issue 3, item 4): a manager changes them at /threats/[threatId]/lro. */}
      {saved === 'lro' ? <NotificationBanner type="success" heading="LRO and deputy saved" titleId="lro-saved-title" /> : null}
      <SummaryList
        card={{
          title: 'Lead responsible officer',
          headingLevel: 2,
          actions: can(user, 'threat:assign-lro', resource) ? [{ href: `/threats/${threat.id}/lro`, text: 'Change LRO and deputy' }] : undefined,
        }}
        rows={[
          { key: 'LRO', value: person(threat.leadResponsibleOfficer) ?? <strong className="app-text-warning">No LRO appointed</strong> },
          { key: 'Deputy', value: person(threat.deputy) ?? 'No deputy appointed' },
        ]}
      />

      {/* Frontline briefing (issue 5, item 7): read-only, for officers who can sign in. */}
      <div className="app-no-print">
        <h2 className="govuk-heading-m">Frontline briefing</h2>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/threats/${threat.id}/briefing`}>
            View the frontline briefing
          </Link>
        </p>
        <p className="govuk-hint">
          Who the LRO is, the headline actions and what to look out for, without the intelligence, on one page that reads on a phone. You can share its address with officers who
          can sign in to Quadrant. It is not a public link: the briefing is OFFICIAL-SENSITIVE, and each view is recorded.
        </p>
      </div>

      {canReadPlan ? (
        <>
          <h2 className="govuk-heading-m">4P plan</h2>
          {plan ? (
            <>
              <SummaryList
                rows={[
                  { key: 'Status', value: <PlanStatusTag status={plan.status} /> },
                  { key: 'Version', value: String(plan.version) },
                  { key: 'Next review due', value: formatDate(plan.nextReviewDue) || 'Not set' },
                  {
                    key: 'Last review',
                    value: lastReview ? `${formatDate(lastReview.reviewedAt)} by ${lastReview.reviewer.name}: ${lastReview.outcome.replace('_', ' ').toLowerCase()}` : 'Never reviewed',
                  },
                  { key: 'Objectives', value: String(plan._count.objectives) },
                  { key: 'Partner engagements recorded', value: String(plan._count.engagements) },
                ]}
              />
              {actionCounts ? (
                <Table
                  caption="Actions by strand and status"
                  captionSize="s"
                  head={[{ text: 'Strand' }, ...ACTION_STATUSES.map((s) => ({ text: ACTION_STATUS_LABELS[s], isNumeric: true })), { text: 'Open', isNumeric: true }]}
                  firstCellIsHeader
                  rows={STRANDS.map((strand) => [
                    STRAND_LABELS[strand],
                    ...ACTION_STATUSES.map((s) => ({ content: actionCounts[strand][s] ?? 0, isNumeric: true })),
                    { content: OPEN_ACTION_STATUSES.reduce((n, s) => n + (actionCounts[strand][s] ?? 0), 0), isNumeric: true },
                  ])}
                />
              ) : null}
              <p className="govuk-body">
                <Link className="govuk-link" href={`/threats/${threat.id}/plan`}>
                  View 4P plan
                </Link>
              </p>
            </>
          ) : (
            <>
              <InsetText>This threat has no live 4P plan.</InsetText>
              {can(user, 'plan:edit', resource) ? <CreatePlanButton threatId={threat.id} create={createPlanAction} /> : null}
            </>
          )}

          <h2 className="govuk-heading-m">MoRiLE assessments</h2>
          {threat.assessments.length ? (
            <div className="app-table-scroll" tabIndex={0} role="region" aria-label="MoRiLE assessments table">
              <Table
                caption="MoRiLE assessments, latest first"
                captionSize="s"
                head={[
                  { text: 'Assessed' },
                  { text: 'Harm', isNumeric: true },
                  { text: 'Likelihood', isNumeric: true },
                  { text: 'Risk score', isNumeric: true },
                  { text: 'Confidence' },
                  { text: 'Priority' },
                  { text: 'Tier', isNumeric: true },
                  { text: 'Moderated' },
                  { text: 'Reassess by' },
                ]}
                rows={threat.assessments.map((a) => ({
                  key: a.id,
                  cells: [
                    formatDate(a.assessedOn, 'short'),
                    { content: a.harm, isNumeric: true },
                    { content: a.likelihood, isNumeric: true },
                    { content: a.riskScore, isNumeric: true },
                    CONFIDENCE_LABELS[a.confidence],
                    MORILE_PRIORITY_LABELS[a.priority],
                    { content: a.tier, isNumeric: true },
                    a.moderatedAt ? `${formatDate(a.moderatedAt, 'short')}${a.moderatedBy ? ` by ${a.moderatedBy.name}` : ''}` : <Tag colour="yellow">Not moderated</Tag>,
                    formatDate(a.nextReassessmentDue, 'short'),
                  ],
                }))}
              />
            </div>
          ) : (
            <InsetText>No MoRiLE assessment has been recorded.</InsetText>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" href={`/threats/${threat.id}/morile`}>
              View MoRiLE assessments, record or moderate one
            </Link>
          </p>

          <h2 className="govuk-heading-m">Disruptions</h2>
          <p className="govuk-body">
            <Link className="govuk-link" href={`/threats/${threat.id}/disruptions`}>
              View disruptions, record one or add its APMIS reference
            </Link>
          </p>

          <h2 className="govuk-heading-m">Unmet demand</h2>
          <p className="govuk-body">
            <Link className="govuk-link" href={`/threats/${threat.id}/unmet-demand`}>
              View unmet demand on this threat, record or update it
            </Link>
          </p>

          {orders ? <ThreatOrdersSection threatId={threat.id} orders={orders} canAdd={hasVerb(user, 'order:manage')} /> : null}

          <h2 className="govuk-heading-m">LRO and deputy history</h2>
          {threat.lroAssignments.length ? (
            <Table
              caption="Who has held the LRO and deputy roles"
              captionSize="s"
              head={[{ text: 'Role' }, { text: 'Officer' }, { text: 'From' }, { text: 'To' }, { text: 'Handover note' }]}
              rows={threat.lroAssignments.map((a) => ({
                key: a.id,
                cells: [a.role === 'LRO' ? 'LRO' : 'Deputy', person(a.user), formatDate(a.startedAt, 'short'), a.endedAt ? formatDate(a.endedAt, 'short') : 'Current', a.handoverNote ?? ''],
              }))}
            />
          ) : (
            <InsetText>Nobody has held the LRO or deputy role for this threat.</InsetText>
          )}
        </>
      ) : (
        <InsetText>You can see this threat because it has been shared with your organisation or you own one of its actions.</InsetText>
      )}
    </>
  );
}
