import Link from 'next/link';
import type { ReactNode } from 'react';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { OPEN_ACTION_STATUSES, type ActionStatus, type Strand } from '@/lib/domain/vocabulary';
import { ActionStatusTag } from './action-status-tag';

export type PlanActionItem = {
  id: string;
  strand: Strand;
  objectiveId: string | null;
  description: string;
  ownerUserName: string | null;
  ownerOrganisationName: string | null;
  ownerContactName: string | null;
  dueOn: Date | null;
  status: ActionStatus;
  lastUpdatedAt: Date;
};

function owner(action: PlanActionItem): ReactNode {
  if (action.ownerUserName) return action.ownerOrganisationName ? `${action.ownerUserName} (${action.ownerOrganisationName})` : action.ownerUserName;
  if (action.ownerOrganisationName) return action.ownerContactName ? `${action.ownerOrganisationName} (${action.ownerContactName})` : action.ownerOrganisationName;
  return <Tag colour="red">No owner</Tag>;
}

function due(action: PlanActionItem, today: string): ReactNode {
  if (!action.dueOn) return OPEN_ACTION_STATUSES.includes(action.status) ? <Tag colour="red">No due date</Tag> : '';
  const date = formatDate(action.dueOn, 'short');
  const isOverdue = OPEN_ACTION_STATUSES.includes(action.status) && londonDateKey(action.dueOn) < today;
  return isOverdue ? (
    <>
      {date} <Tag colour="red">Overdue</Tag>
    </>
  ) : (
    date
  );
}

/**
 * The actions of one objective (or of a strand with no objective), as rows of the 4P template:
 * description (a link to the action), owner, due date, status, last updated. `today` is the
 * London calendar date (yyyy-mm-dd) against which due dates are overdue.
 */
export function PlanActionsTable({ threatId, caption, actions, today }: { threatId: string; caption: ReactNode; actions: PlanActionItem[]; today: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      className="app-plan-actions"
      head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Status' }, { text: 'Last updated' }]}
      rows={actions.map((action) => ({
        key: action.id,
        cells: [
          <Link key="link" className="govuk-link" href={`/threats/${threatId}/plan/actions/${action.id}`} prefetch={false}>
            {action.description}
          </Link>,
          owner(action),
          due(action, today),
          <ActionStatusTag key="status" status={action.status} />,
          formatDate(action.lastUpdatedAt, 'short'),
        ],
      }))}
    />
  );
}
