import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { authOptions } from './options';
import type { Actor } from './policy';
import { getSessionUser } from '@/lib/db/users';

export type CurrentUser = Actor & {
  name: string;
  email: string;
  rank: string | null;
  organisationName: string;
};

/**
 * The signed-in user, re-read from the database once per request. A deactivated user, or one
 * deleted since signing in, has no current user: their session ends at their next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getSessionUser(id);
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    rank: user.rank,
    roles: user.roles,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    organisationPath: user.organisationPath,
    organisationKind: user.organisationKind,
  };
});
