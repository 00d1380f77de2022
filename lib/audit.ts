import 'server-only';
import type { Tx } from '@/lib/db/client';
import { insertAuditEvent } from '@/lib/db/audit-events';

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  /** The threat the event belongs to, so that a threat's (and its plan's) history is one query. */
  threatId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Append an audit event. Audit events are never updated or deleted; pass the transaction of the
 * write being audited so that the event and the change commit together.
 */
export async function recordAudit(event: AuditInput, tx?: Tx): Promise<void> {
  await insertAuditEvent(
    {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      organisationId: event.organisationId ?? null,
      threatId: event.threatId ?? null,
      before: json(event.before),
      after: json(event.after),
      ip: event.ip ?? null,
    },
    tx,
  );
}
