import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from './session';
import { can, hasVerb, type Resource, type Verb } from './policy';

/** For pages: the current user, or off to sign in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** For pages that need a verb before any record is loaded (e.g. the register). */
export async function requireVerb(verb: Verb): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasVerb(user, verb)) notFound();
  return user;
}

/**
 * For pages showing one record: the record must have been loaded within the user's scope
 * already; this asks the policy about the record itself. Refusal looks exactly like absence.
 */
export function requirePermission(user: CurrentUser, verb: Verb, resource: Resource | null): void {
  if (!resource || !can(user, verb, resource)) notFound();
}
