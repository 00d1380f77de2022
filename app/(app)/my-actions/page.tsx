import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionStatusTag } from '@/components/actions/action-status-tag';
import { DueDate } from '@/components/actions/due-date';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { listMyActions } from '@/lib/db/actions';
import { formatDate } from '@/lib/domain/dates';
import { STRAND_LABELS } from '@/lib/domain/vocabulary';

export const metadata: Metadata = { title: 'My actions' };

/**
 * The actions the signed-in user owns, on live plans: open ones first, soonest due first, then
 * the finished ones. For any action owner, a partner agency contact included.
 */
export default async function MyActionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireVerb('action:update');
  const { page } = await searchParams;
  const list = await listMyActions(user.id, Number(page) || 1);
  const now = new Date();

  return (
    <>
      <h1 className="govuk-heading-l">My actions</h1>
      <p className="govuk-body">
        {list.total === 0
          ? 'You do not own any actions on a live 4P plan.'
          : `You own ${list.total} ${list.total === 1 ? 'action' : 'actions'} on live 4P plans, ${list.openCount} of them open.`}
      </p>
      {list.total > 0 ? (
        <>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="My actions table">
            <Table
              caption="Actions you own: open ones first, soonest due first"
              captionSize="s"
              head={[{ text: 'Threat' }, { text: 'Strand' }, { text: 'Action' }, { text: 'Due' }, { text: 'Status' }, { text: 'Last updated' }]}
              rows={list.rows.map((row) => ({
                key: row.id,
                cells: [
                  <>
                    <span className="govuk-!-font-weight-bold">{row.threatUrn}</span>
                    <br />
                    {row.threatName}
                  </>,
                  STRAND_LABELS[row.strand],
                  <Link key="link" className="govuk-link" href={`/threats/${row.threatId}/plan/actions/${row.id}`}>
                    {row.description}
                  </Link>,
                  <DueDate key="due" dueOn={row.dueOn} status={row.status} now={now} style="short" />,
                  <ActionStatusTag key="status" status={row.status} />,
                  formatDate(row.lastUpdatedAt, 'short'),
                ],
              }))}
            />
          </div>
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/my-actions" landmarkLabel="My actions pages" />
        </>
      ) : null}
    </>
  );
}
