import Link from 'next/link';
import { FlagTag } from '@/components/flags/flag-tag';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { daysSince, formatDate } from '@/lib/domain/dates';
import { STRAND_LABELS, type Strand } from '@/lib/domain/vocabulary';

export type WorkActionItem = {
  id: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  strand: Strand;
  description: string;
  dueOn: Date | null;
  lastUpdatedAt: Date;
  ownerName: string | null;
  isOwn: boolean;
  isOverdue: boolean;
  isStale: boolean;
  isDueSoon: boolean;
};

/** Why an action is listed: overdue and not updated (as the flags say them), or due soon. */
function Reasons({ action, now }: { action: WorkActionItem; now: Date }) {
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {action.isOverdue ? (
        <li className="govuk-!-margin-bottom-1">
          <FlagTag code="ACTION_OVERDUE" severity="warning" />
        </li>
      ) : null}
      {action.isStale ? (
        <li className="govuk-!-margin-bottom-1">
          <FlagTag code="ACTION_STALE" severity="warning" />
          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">No update for {daysSince(action.lastUpdatedAt, now)} days</span>
        </li>
      ) : null}
      {action.isDueSoon ? (
        <li className="govuk-!-margin-bottom-1">
          <Tag colour="blue">Due soon</Tag>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Open actions that need someone now: overdue, not updated for too long, or due within two weeks.
 * Each links to the action's page, where an update is recorded.
 */
export function WorkActionsTable({ actions, now, caption, showOwner = false }: { actions: readonly WorkActionItem[]; now: Date; caption: string; showOwner?: boolean }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Action' }, { text: 'Threat' }, ...(showOwner ? [{ text: 'Owner' }] : []), { text: 'Due' }, { text: 'Last updated' }, { text: 'Needs' }]}
        rows={actions.map((action) => ({
          key: action.id,
          cells: [
            <>
              <Link className="govuk-link" href={`/threats/${action.threatId}/plan/actions/${action.id}`}>
                {action.description}
              </Link>
              <br />
              <span className="govuk-body-s">{STRAND_LABELS[action.strand]}</span>
            </>,
            <>
              {action.threatUrn}
              <br />
              <span className="govuk-body-s">{action.threatName}</span>
            </>,
            ...(showOwner ? [action.isOwn ? 'You' : (action.ownerName ?? 'Nobody')] : []),
            action.dueOn ? formatDate(action.dueOn, 'short') : 'No due date',
            formatDate(action.lastUpdatedAt, 'short'),
            <Reasons key="reasons" action={action} now={now} />,
          ],
        }))}
      />
    </div>
  );
}
