import 'server-only';
import type { Prisma } from './client';
import { relationsFor, type Actor, type Verb } from '@/lib/auth/policy';

/**
 * The `where` clause that limits threats to those the user may use `verb` on, built from the
 * same policy table as `can()`: each relation the user's roles allow becomes one branch.
 * Returns null when the user may not use the verb on any threat.
 */
export function threatScopeWhere(user: Actor, verb: Verb = 'threat:read'): Prisma.SocThreatWhereInput | null {
  const branches: Prisma.SocThreatWhereInput[] = [];
  for (const relation of relationsFor(user, verb)) {
    switch (relation) {
      case 'organisation':
        branches.push({ organisation: { path: { startsWith: user.organisationPath } } });
        break;
      case 'holder':
        branches.push({ leadResponsibleOfficerId: user.id }, { deputyId: user.id });
        break;
      case 'shared':
        branches.push({ shares: { some: { organisationId: user.organisationId } } });
        break;
      case 'owner':
        branches.push({ plans: { some: { actions: { some: { ownerUserId: user.id } } } } });
        break;
    }
  }
  return branches.length ? { OR: branches } : null;
}
