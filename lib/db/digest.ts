import 'server-only';
import { join, prisma, raw, sql, type Prisma } from './client';
import { getOfficerFlags } from './compliance';
import { flagRowsSql } from './compliance-sql';
import { listReviewQueue } from './reviews';
import { hasVerb, type Actor } from '@/lib/auth/policy';
import { FLAG_CODES, isFlagCode, type FlagCode, type FlagSeverity, type FlagSubjectKind } from '@/lib/domain/compliance/flags';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import {
  DIGEST_DUE_WITHIN_DAYS,
  DIGEST_SECTION_LIMIT,
  type DigestActionItem,
  type DigestFlagItem,
  type DigestFrequency,
  type DigestItems,
  type DigestThreat,
} from '@/lib/domain/digest';
import { LIVE_THREAT_STATUSES, OPEN_ACTION_STATUSES } from '@/lib/domain/vocabulary';

// The reminder job's queries (issue 5, "Reminders"): the people to remind, a page at a time, what
// needs each of them (every list limited and counted in the database), and the records of a
// digest sent. Flags come from the compliance engine's SQL, so a digest agrees with My work and
// the threat pages.

export type DigestRecipient = Actor & { name: string; email: string; digestFrequency: DigestFrequency };

/**
 * Active people, in id order, after `afterId`: one page of the reminder job. `organisationPath`
 * limits them to an organisation and below (a test, or a run for one force).
 */
export async function listDigestRecipients(opts: { afterId: string | null; take: number; organisationPath?: string }): Promise<DigestRecipient[]> {
  const where: Prisma.UserWhereInput = {
    active: true,
    ...(opts.afterId ? { id: { gt: opts.afterId } } : {}),
    ...(opts.organisationPath ? { organisation: { path: { startsWith: opts.organisationPath } } } : {}),
  };
  const rows = await prisma.user.findMany({
    where,
    orderBy: { id: 'asc' },
    take: opts.take,
    select: {
      id: true,
      name: true,
      email: true,
      digestFrequency: true,
      roles: { select: { role: true } },
      organisation: { select: { id: true, path: true, kind: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    digestFrequency: row.digestFrequency,
    roles: row.roles.map((r) => r.role),
    organisationId: row.organisation.id,
    organisationPath: row.organisation.path,
    organisationKind: row.organisation.kind,
  }));
}

/** Which of these people have had their digest of `digestDate` already (from any app instance). */
export async function listDigestedUserIds(userIds: readonly string[], digestDate: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await prisma.digestRun.findMany({ where: { digestDate, userId: { in: [...userIds] } }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

// --- What needs a person -------------------------------------------------------------------------

/** Overdue and stale actions are the digest's "Your actions"; listing them as flags too would count them twice. */
const ACTION_CODES: readonly FlagCode[] = ['ACTION_OVERDUE', 'ACTION_STALE'];
const THREAT_FLAG_CODES = FLAG_CODES.filter((code) => !ACTION_CODES.includes(code));

const heldThreatsSql = (userId: string) => sql`SELECT t."id" FROM "SocThreat" t WHERE t."leadResponsibleOfficerId" = ${userId} OR t."deputyId" = ${userId}`;
const codeList = (codes: readonly FlagCode[]) => raw(codes.map((code) => `'${code}'`).join(', '));
const severityOrder = raw(`CASE f.severity WHEN 'alert' THEN 0 ELSE 1 END`);
const codeOrder = raw(`CASE f.code ${FLAG_CODES.map((code, i) => `WHEN '${code}' THEN ${i}`).join(' ')} END`);

async function threatsById(ids: readonly string[]): Promise<Map<string, DigestThreat>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.socThreat.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, urn: true, name: true } });
  return new Map(rows.map((t) => [t.id, t]));
}

/**
 * The flags on the threats the person holds (as LRO or deputy), other than overdue and stale
 * actions, and their own officer flags (untrained, overloaded): alerts first, at most `take`,
 * with the total.
 */
export async function listDigestFlags(userId: string, now: Date, take = DIGEST_SECTION_LIMIT): Promise<{ items: DigestFlagItem[]; total: number }> {
  const inner = await flagRowsSql({ threatSql: heldThreatsSql(userId) }, now);
  const [rows, officerFlags] = await Promise.all([
    prisma.$queryRaw<{ code: string; severity: string; subject_kind: string; subject_id: string; threat_id: string | null; total: bigint | number }[]>(sql`
      SELECT f.code, f.severity, f.subject_kind, f.subject_id, f.threat_id, COUNT(*) OVER () AS total
        FROM (${inner}) f
       WHERE f.code IN (${codeList(THREAT_FLAG_CODES)})
       ORDER BY ${severityOrder}, ${codeOrder}, f.threat_id, f.subject_kind, f.subject_id
       LIMIT ${raw(String(Math.max(0, Math.trunc(take))))}`),
    getOfficerFlags(userId, now),
  ]);
  const threats = await threatsById(rows.flatMap((r) => (r.threat_id ? [r.threat_id] : [])));
  const own: DigestFlagItem[] = officerFlags.map((f) => ({ code: f.code, severity: f.severity, subjectKind: f.subject.kind, subjectId: f.subject.id, threat: null }));
  const onThreats: DigestFlagItem[] = rows.flatMap((r) =>
    isFlagCode(r.code)
      ? [{ code: r.code, severity: r.severity as FlagSeverity, subjectKind: r.subject_kind as FlagSubjectKind, subjectId: r.subject_id, threat: r.threat_id ? (threats.get(r.threat_id) ?? null) : null }]
      : [],
  );
  const all = [...own, ...onThreats].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'alert' ? -1 : 1));
  return { items: all.slice(0, take), total: own.length + Number(rows[0]?.total ?? 0) };
}

/**
 * The person's open actions that need them: on the live plans of threats they hold and those they
 * own anywhere, that are overdue or stale (ACTION_OVERDUE, ACTION_STALE by each threat's own
 * thresholds) or due within DIGEST_DUE_WITHIN_DAYS. Soonest due first; at most `take`, with the
 * total. (My work's list, lib/db/my-work.ts, with the digest's shorter window.)
 */
export async function listDigestActions(userId: string, now: Date, take = DIGEST_SECTION_LIMIT): Promise<{ items: DigestActionItem[]; total: number }> {
  const threats = sql`
    SELECT t."id" FROM "SocThreat" t
     WHERE t."leadResponsibleOfficerId" = ${userId} OR t."deputyId" = ${userId}
        OR EXISTS (SELECT 1 FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" WHERE p."threatId" = t."id" AND a."ownerUserId" = ${userId})`;
  const flagged = await prisma.$queryRaw<{ subject_id: string; code: FlagCode }[]>(sql`
    SELECT f.subject_id AS subject_id, f.code AS code
      FROM (${await flagRowsSql({ threatSql: threats }, now)}) f
     WHERE f.subject_kind = 'ACTION' AND f.code IN (${join([...ACTION_CODES])})`);
  const overdue = new Set(flagged.filter((f) => f.code === 'ACTION_OVERDUE').map((f) => f.subject_id));
  const stale = new Set(flagged.filter((f) => f.code === 'ACTION_STALE').map((f) => f.subject_id));

  const today = londonDateKey(now);
  // Due dates are stored as UTC midnight of their day.
  const dueFrom = new Date(`${today}T00:00:00Z`);
  const dueTo = new Date(`${addCalendarDays(today, DIGEST_DUE_WITHIN_DAYS)}T00:00:00Z`);
  const heldBy: Prisma.SocThreatWhereInput = { OR: [{ leadResponsibleOfficerId: userId }, { deputyId: userId }] };
  const where: Prisma.ActionWhereInput = {
    status: { in: [...OPEN_ACTION_STATUSES] },
    plan: { liveThreatId: { not: null }, threat: { status: { in: [...LIVE_THREAT_STATUSES] } } },
    AND: [
      { OR: [{ ownerUserId: userId }, { plan: { threat: heldBy } }] },
      { OR: [{ id: { in: [...new Set([...overdue, ...stale])] } }, { dueOn: { gte: dueFrom, lte: dueTo } }] },
    ],
  };
  const [total, actions] = await Promise.all([
    prisma.action.count({ where }),
    prisma.action.findMany({
      where,
      orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { lastUpdatedAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, description: true, dueOn: true, lastUpdatedAt: true, plan: { select: { threat: { select: { id: true, urn: true, name: true } } } } },
    }),
  ]);
  return {
    total,
    items: actions.map((a) => ({
      id: a.id,
      description: a.description,
      threat: a.plan.threat,
      dueOn: a.dueOn,
      lastUpdatedAt: a.lastUpdatedAt,
      isOverdue: overdue.has(a.id),
      isStale: stale.has(a.id),
    })),
  };
}

/** Everything that needs the person at `now`, each section limited and counted. */
export async function gatherDigestItems(recipient: DigestRecipient, now: Date): Promise<DigestItems> {
  const [flags, actions, reviews] = await Promise.all([
    listDigestFlags(recipient.id, now),
    listDigestActions(recipient.id, now),
    // The review queue of those who review plans: overdue, due within 14 days, never reviewed.
    hasVerb(recipient, 'plan:review') ? listReviewQueue(recipient, now, { page: 1, pageSize: DIGEST_SECTION_LIMIT }) : null,
  ]);
  return {
    flags,
    actions,
    reviews: reviews
      ? {
          total: reviews.total,
          items: reviews.rows.map((r) => ({ planId: r.planId, threat: { id: r.threatId, urn: r.urn, name: r.threatName }, dueOn: r.dueOn, state: r.state })),
        }
      : { items: [], total: 0 },
  };
}

// --- Recording a digest --------------------------------------------------------------------------

export type DigestRecord = {
  userId: string;
  digestDate: string;
  frequency: DigestFrequency;
  itemCount: number;
  notification: { kind: string; title: string; body: string; link: string } | null;
  email: { toAddress: string; subject: string; textBody: string; htmlBody: string; transport: 'smtp' | 'outbox' } | null;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Claims the person's digest of the day and writes it, in one transaction: the DigestRun (unique
 * per person and day), the in-app notification, and the e-mail as an outbox message. Null when
 * the day was claimed already, by an earlier run or by another instance at the same moment: the
 * unique key is what makes the job send once.
 */
export async function recordDigest(record: DigestRecord): Promise<{ notificationId: string | null; outboxMessageId: string | null } | null> {
  try {
    return await prisma.$transaction(async (tx) => {
      const run = await tx.digestRun.create({
        data: { userId: record.userId, digestDate: record.digestDate, frequency: record.frequency, itemCount: record.itemCount },
        select: { id: true },
      });
      const notification = record.notification ? await tx.notification.create({ data: { userId: record.userId, ...record.notification }, select: { id: true } }) : null;
      const message = record.email ? await tx.outboxMessage.create({ data: { userId: record.userId, ...record.email }, select: { id: true } }) : null;
      if (notification || message) {
        await tx.digestRun.update({ where: { id: run.id }, data: { notificationId: notification?.id ?? null, outboxMessageId: message?.id ?? null }, select: { id: true } });
      }
      return { notificationId: notification?.id ?? null, outboxMessageId: message?.id ?? null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The relay accepted the message. */
export async function markOutboxMessageSent(id: string, sentAt: Date): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { sentAt, error: null }, select: { id: true } });
}

/** The relay refused the message, or could not be reached: kept, with why, for an admin to see. */
export async function markOutboxMessageFailed(id: string, error: string): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { error: error.slice(0, 1000) }, select: { id: true } });
}
