import 'server-only';
import { prisma, type Prisma } from './client';

/** Events per page of a plan's history. */
export const HISTORY_PAGE_SIZE = 25;

export type HistoryEvent = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorRank: string | null;
  /** The audit event's before and after, parsed from JSON (a string if they were not JSON). */
  before: unknown;
  after: unknown;
};

export type HistoryPage = { events: HistoryEvent[]; total: number; page: number; pageCount: number; pageSize: number };

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

/**
 * One page of a threat's history: every audit event of the threat (its plans, objectives,
 * actions, updates, partner engagement, LRO changes) except views, newest first, paged in the
 * database on the (threatId, at) index. The caller has checked plan:read on the threat.
 */
export async function listThreatHistory(threatId: string, requestedPage: number): Promise<HistoryPage> {
  const where: Prisma.AuditEventWhereInput = { threatId, NOT: { action: { endsWith: '.view' } } };
  const total = await prisma.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  const rows = await prisma.auditEvent.findMany({
    where,
    // Events of one transaction can share a millisecond; the id keeps the order stable.
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { name: true, rank: true } } },
  });
  return {
    total,
    page,
    pageCount: total === 0 ? 0 : pageCount,
    pageSize: HISTORY_PAGE_SIZE,
    events: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actorName: row.actor?.name ?? null,
      actorRank: row.actor?.rank ?? null,
      before: parse(row.before),
      after: parse(row.after),
    })),
  };
}
