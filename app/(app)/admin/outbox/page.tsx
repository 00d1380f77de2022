import type { Metadata } from 'next';
import Link from 'next/link';
import { OutboxStatus } from '@/components/notifications/outbox-status';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { listOutboxMessages } from '@/lib/db/notifications';
import { formatDateTime } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'Outbox' };

/**
 * Every e-mail Quadrant has sent, or would have sent, to people of the admin's organisation and
 * below, newest first. Without an SMTP relay (the demo), the digests stay here.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireVerb('outbox:read');
  const { page } = await searchParams;
  const list = await listOutboxMessages(user.organisationPath, Number(page) || 1);

  return (
    <>
      <span className="govuk-caption-l">{user.organisationName}</span>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">
        E-mail to people in {user.organisationName} and below: the daily digests of what needs them. With no SMTP relay configured, messages are kept
        here and not sent.
      </p>
      {list.total === 0 ? (
        <p className="govuk-body">There are no messages.</p>
      ) : (
        <>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Outbox table">
            <Table
              caption={`${list.total} ${list.total === 1 ? 'message' : 'messages'}, newest first`}
              captionSize="s"
              head={[{ text: 'To' }, { text: 'Subject' }, { text: 'Created' }, { text: 'Status' }]}
              rows={list.rows.map((row) => ({
                key: row.id,
                cells: [
                  <>
                    {row.recipientName ? (
                      <>
                        {row.recipientName}
                        <br />
                      </>
                    ) : null}
                    <span className="govuk-body-s">{row.toAddress}</span>
                  </>,
                  <Link key="subject" className="govuk-link" href={`/admin/outbox/${row.id}`}>
                    {row.subject}
                  </Link>,
                  formatDateTime(row.createdAt),
                  <OutboxStatus key="status" transport={row.transport} sentAt={row.sentAt} error={row.error} />,
                ],
              }))}
            />
          </div>
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/admin/outbox" landmarkLabel="Outbox pages" />
        </>
      )}
    </>
  );
}
