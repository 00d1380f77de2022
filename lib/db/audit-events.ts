import 'server-only';
import { prisma, type Tx } from './client';

export type AuditEventRow = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  organisationId: string | null;
  threatId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
};

/** Appends one audit event; never updates or deletes one. */
export async function insertAuditEvent(row: AuditEventRow, db: Pick<Tx, 'auditEvent'> = prisma): Promise<void> {
  await db.auditEvent.create({ data: row, select: { id: true } });
}
