import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionLog } from '@/components/actions/action-log';
import { ActionStatusTag } from '@/components/actions/action-status-tag';
import { DueDate } from '@/components/actions/due-date';
import { ownerText } from '@/components/actions/owner-text';
import { RecordUpdateForm } from '@/components/actions/record-update-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Pagination } from '@/components/ui/pagination';
import { SummaryList, type SummaryListAction } from '@/components/ui/summary-list';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { getActionDetail, listActionUpdates } from '@/lib/db/actions';
import { formatDate, formatDateTime } from '@/lib/domain/dates';
import { STRAND_LABELS } from '@/lib/domain/vocabulary';
import { recordActionUpdateAction } from './actions';

export const metadata: Metadata = { title: 'Action' };

type Params = Promise<{ threatId: string; actionId: string }>;
type SearchParams = Promise<{ saved?: string; page?: string }>;

const SAVED_MESSAGES: Record<string, string> = {
  added: 'Action added',
  details: 'Action details saved',
  update: 'Update recorded',
  cancelled: 'Action cancelled',
};

/**
 * One action: its details, its log and, for those who may, the form to record an update. Everyone
 * who may read the action sees the same facts about it (threat reference and name, LRO, strand,
 * objective, the action and its log); links into the plan appear only for those who may read the
 * plan, so an action owner from a partner agency sees their action and nothing more of the plan.
 */
export default async function ActionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { threatId, actionId } = await params;
  const { saved, page } = await searchParams;
  const user = await requireUser();
  const found = await getActionDetail(user, threatId, actionId);
  requirePermission(user, 'action:read', found?.resource ?? null);
  if (!found) notFound();
  const { action, resource } = found;

  const canReadPlan = can(user, 'plan:read', resource.threat);
  const isChangeable = action.planStatus !== 'CLOSED' && action.status !== 'CANCELLED';
  const canEdit = isChangeable && can(user, 'plan:edit', resource.threat);
  const canUpdate = isChangeable && can(user, 'action:update', resource);
  const log = await listActionUpdates(action.id, Number(page) || 1);
  const now = new Date();
  const actionHref = `/threats/${threatId}/plan/actions/${action.id}`;
  const lro = action.threat.leadResponsibleOfficer;
  const cardActions: SummaryListAction[] = canEdit
    ? [
        { href: `${actionHref}/edit`, text: 'Change', visuallyHiddenText: 'action details' },
        { href: `${actionHref}/cancel`, text: 'Cancel', visuallyHiddenText: 'action' },
      ]
    : [];

  return (
    <>
      {saved && SAVED_MESSAGES[saved] ? <NotificationBanner type="success" heading={SAVED_MESSAGES[saved]} /> : null}
      <Breadcrumbs
        items={
          canReadPlan
            ? [
                { href: '/threats', text: 'Threats' },
                { href: `/threats/${threatId}`, text: action.threat.urn },
                { href: `/threats/${threatId}/plan`, text: '4P plan' },
              ]
            : [{ href: '/my-actions', text: 'My actions' }]
        }
      />
      <span className="govuk-caption-l">
        {action.threat.urn} {action.threat.name}
      </span>
      <h1 className="govuk-heading-l">{STRAND_LABELS[action.strand]} action</h1>

      {action.planStatus === 'CLOSED' ? <InsetText>This plan is closed. Its actions can no longer be changed or updated.</InsetText> : null}
      {action.status === 'CANCELLED' ? <InsetText>This action has been cancelled. The reason is in its log.</InsetText> : null}

      <SummaryList
        card={{ title: 'Action', headingLevel: 2, actions: cardActions }}
        rows={[
          { key: 'Description', value: action.description },
          { key: 'Strand', value: STRAND_LABELS[action.strand] },
          { key: 'Objective', value: action.objective?.title ?? 'Not linked to an objective' },
          ...(action.objective ? [{ key: 'Success measure', value: action.objective.successMeasure }] : []),
          { key: 'Owner', value: ownerText(action) },
          { key: 'Due date', value: <DueDate dueOn={action.dueOn} status={action.status} now={now} /> },
          { key: 'Status', value: <ActionStatusTag status={action.status} /> },
          { key: 'Last updated', value: formatDateTime(action.lastUpdatedAt) },
          ...(action.completedAt ? [{ key: 'Completed', value: formatDate(action.completedAt) }] : []),
        ]}
      />

      <SummaryList
        card={{ title: 'Lead responsible officer', headingLevel: 2 }}
        rows={
          lro
            ? [
                { key: 'Name', value: [lro.rank, lro.name].filter(Boolean).join(' ') },
                {
                  key: 'Email',
                  value: (
                    <a className="govuk-link" href={`mailto:${lro.email}`}>
                      {lro.email}
                    </a>
                  ),
                },
              ]
            : [{ key: 'Name', value: 'No LRO appointed' }]
        }
      />

      {canUpdate ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Record an update</h2>
            <RecordUpdateForm actionId={action.id} actionHref={actionHref} version={action.version} status={action.status} save={recordActionUpdateAction} />
          </div>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Updates</h2>
      {log.total === 0 ? (
        <p className="govuk-body">No updates have been recorded. The action was added on {formatDate(action.createdAt)}.</p>
      ) : (
        <>
          <ActionLog entries={log.entries} />
          <Pagination page={log.page} pageCount={log.pageCount} basePath={actionHref} landmarkLabel="Updates pages" />
        </>
      )}
    </>
  );
}
