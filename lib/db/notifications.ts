import 'server-only';
import { prisma, type Prisma, type Tx } from './client';
import type { Actor, UserResource } from '@/lib/auth/policy';
import type { DigestFrequency } from '@/lib/domain/digest';

// In-app notifications, a person's e-mail preference, and the outbox of e-mail an admin reads
// (issue 5, "Reminders").

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const OUTBOX_PAGE_SIZE = 25;

function pageOf(requested: number, total: number, pageSize: number) {
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), Math.max(1, pageCount));
  return { page, pageCount, skip: (page - 1) * pageSize };
}

// --- Notifications -------------------------------------------------------------------------------

/** How many of the person's notifications are unread: the navigation's count (one indexed count). */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export type NotificationRow = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };

/** The person's own notifications, newest first, a page at a time, with how many are unread. */
export async function listNotifications(
  userId: string,
  requestedPage: number,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
): Promise<{ rows: NotificationRow[]; total: number; unread: number; page: number; pageCount: number }> {
  const [total, unread] = await Promise.all([prisma.notification.count({ where: { userId } }), countUnreadNotifications(userId)]);
  const { page, pageCount, skip } = pageOf(requestedPage, total, pageSize);
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take: pageSize,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
  return { rows, total, unread, page, pageCount };
}

/** Marks every unread notification of the person read; how many were. */
export async function markAllNotificationsRead(tx: Tx, userId: string, readAt: Date): Promise<number> {
  const { count } = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt } });
  return count;
}

// --- The person's own account --------------------------------------------------------------------

export type OwnAccount = { id: string; digestFrequency: DigestFrequency; organisationId: string };

/**
 * The signed-in person's own account, as a policy resource: a person may change their own
 * preferences (the "owner" relation to their own account), nobody else's.
 */
export async function loadOwnAccount(db: Pick<Tx, 'user'>, user: Pick<Actor, 'id'>): Promise<{ record: OwnAccount; resource: UserResource } | null> {
  const row = await db.user.findFirst({
    where: { id: user.id, active: true },
    select: { id: true, digestFrequency: true, organisationId: true, organisation: { select: { path: true } } },
  });
  if (!row) return null;
  return {
    record: { id: row.id, digestFrequency: row.digestFrequency, organisationId: row.organisationId },
    resource: { kind: 'user', id: row.id, organisationPath: row.organisation.path },
  };
}

export async function getDigestFrequency(userId: string): Promise<DigestFrequency | null> {
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { digestFrequency: true } });
  return row?.digestFrequency ?? null;
}

export async function setDigestFrequency(tx: Tx, userId: string, digestFrequency: DigestFrequency): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { digestFrequency }, select: { id: true } });
}

// --- The outbox ----------------------------------------------------------------------------------

/** Messages to people of this organisation or below (a message to nobody in particular is no one's). */
const outboxWithin = (organisationPath: string): Prisma.OutboxMessageWhereInput => ({ user: { organisation: { path: { startsWith: organisationPath } } } });

export type OutboxRow = {
  id: string;
  toAddress: string;
  recipientName: string | null;
  subject: string;
  transport: string;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
};

const outboxRowSelect = {
  id: true,
  toAddress: true,
  subject: true,
  transport: true,
  createdAt: true,
  sentAt: true,
  error: true,
  user: { select: { name: true } },
} as const;

/** The outbox of an organisation and below, newest first, a page at a time. */
export async function listOutboxMessages(
  organisationPath: string,
  requestedPage: number,
  pageSize = OUTBOX_PAGE_SIZE,
): Promise<{ rows: OutboxRow[]; total: number; page: number; pageCount: number }> {
  const where = outboxWithin(organisationPath);
  const total = await prisma.outboxMessage.count({ where });
  const { page, pageCount, skip } = pageOf(requestedPage, total, pageSize);
  const rows = await prisma.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take: pageSize, select: outboxRowSelect });
  return { total, page, pageCount, rows: rows.map(({ user, ...row }) => ({ ...row, recipientName: user?.name ?? null })) };
}

export type OutboxMessageDetail = OutboxRow & {
  textBody: string;
  recipient: { organisationId: string; organisationPath: string; organisationName: string } | null;
};

/** One message of the outbox, if it is to someone of this organisation or below. */
export async function getOutboxMessage(organisationPath: string, id: string): Promise<OutboxMessageDetail | null> {
  const row = await prisma.outboxMessage.findFirst({
    where: { AND: [{ id }, outboxWithin(organisationPath)] },
    select: { ...outboxRowSelect, textBody: true, user: { select: { name: true, organisation: { select: { id: true, path: true, name: true } } } } },
  });
  if (!row) return null;
  const { user, ...rest } = row;
  return {
    ...rest,
    recipientName: user?.name ?? null,
    recipient: user ? { organisationId: user.organisation.id, organisationPath: user.organisation.path, organisationName: user.organisation.name } : null,
  };
}
