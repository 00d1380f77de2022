import { Tag } from '@/components/ui/tag';

/** Where a message stands: kept in the outbox (no SMTP), sent to the relay, or refused by it. */
export function OutboxStatus({ transport, sentAt, error }: { transport: string; sentAt: Date | null; error: string | null }) {
  if (sentAt) return <Tag colour="green">Sent</Tag>;
  if (error) return <Tag colour="red">Not sent</Tag>;
  if (transport === 'outbox') return <Tag colour="grey">In outbox</Tag>;
  return <Tag colour="yellow">Sending</Tag>;
}

/** How the message was to leave, in words. */
export function transportText(transport: string): string {
  return transport === 'smtp' ? 'SMTP relay' : 'Kept in the outbox (no SMTP relay configured)';
}
