import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutboxStatus, transportText } from '@/components/notifications/outbox-status';
import { MultilineText } from '@/components/plans/multiline-text';
import { SummaryList } from '@/components/ui/summary-list';
import { requirePermission, requireVerb } from '@/lib/auth/guards';
import { getOutboxMessage } from '@/lib/db/notifications';
import { formatDateTime } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'Outbox message' };

/** One message of the outbox, as its plain text: only a message to someone within the admin's organisation. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const user = await requireVerb('outbox:read');
  const { messageId } = await params;
  const message = await getOutboxMessage(user.organisationPath, messageId);
  if (!message?.recipient) notFound();
  requirePermission(user, 'outbox:read', { kind: 'organisation', id: message.recipient.organisationId, path: message.recipient.organisationPath });

  return (
    <>
      <Link className="govuk-back-link" href="/admin/outbox">
        Back to the outbox
      </Link>
      <span className="govuk-caption-l">Outbox</span>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <SummaryList
        rows={[
          { key: 'To', value: message.recipientName ? `${message.recipientName} (${message.toAddress}), ${message.recipient.organisationName}` : message.toAddress },
          { key: 'Created', value: formatDateTime(message.createdAt) },
          { key: 'How it leaves', value: transportText(message.transport) },
          {
            key: 'Status',
            value: (
              <>
                <OutboxStatus transport={message.transport} sentAt={message.sentAt} error={message.error} />
                {message.sentAt ? ` ${formatDateTime(message.sentAt)}` : null}
                {message.error ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{message.error}</p> : null}
              </>
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">Message</h2>
      <div className="govuk-inset-text">
        <MultilineText text={message.textBody} />
      </div>
    </>
  );
}
