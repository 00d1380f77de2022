import 'server-only';
import { prisma } from './client';
import type { Role, OrganisationKind } from '@/lib/auth/policy';

const sessionUserSelect = {
  id: true,
  name: true,
  email: true,
  rank: true,
  active: true,
  roles: { select: { role: true } },
  organisation: { select: { id: true, name: true, path: true, kind: true } },
} as const;

export type SessionUserRow = {
  id: string;
  name: string;
  email: string;
  rank: string | null;
  active: boolean;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  organisationPath: string;
  organisationKind: OrganisationKind;
};

/** The user behind a session, re-read on every request so that deactivation takes effect at once. */
export async function getSessionUser(id: string): Promise<SessionUserRow | null> {
  const row = await prisma.user.findUnique({ where: { id }, select: sessionUserSelect });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    rank: row.rank,
    active: row.active,
    roles: row.roles.map((r) => r.role),
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationPath: row.organisation.path,
    organisationKind: row.organisation.kind,
  };
}

export async function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, active: true },
  });
}

/** Failed attempts for this email or from this address since `since` (rate limiting). */
export async function countFailedSignIns(email: string, ip: string | null, since: Date) {
  const [byEmail, byIp] = await Promise.all([
    prisma.signInAttempt.count({ where: { email: email.trim().toLowerCase(), succeeded: false, at: { gte: since } } }),
    ip ? prisma.signInAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }) : Promise.resolve(0),
  ]);
  return { byEmail, byIp };
}

export async function recordSignInAttempt(input: {
  email: string;
  ip: string | null;
  succeeded: boolean;
  reason?: string;
  userId?: string | null;
}) {
  const email = input.email.trim().toLowerCase();
  await prisma.$transaction([
    prisma.signInAttempt.create({
      data: { email, ip: input.ip, succeeded: input.succeeded, reason: input.reason ?? null },
      select: { id: true },
    }),
    prisma.auditEvent.create({
      data: {
        actorId: input.userId ?? null,
        action: input.succeeded ? 'auth.sign-in' : 'auth.sign-in-failed',
        entityType: 'User',
        entityId: input.userId ?? null,
        after: JSON.stringify({ email, reason: input.reason ?? null }),
        ip: input.ip,
      },
      select: { id: true },
    }),
    ...(input.succeeded && input.userId
      ? [prisma.user.update({ where: { id: input.userId }, data: { lastSignInAt: new Date() }, select: { id: true } })]
      : []),
  ]);
}
