import { hasVerb, type Actor } from '@/lib/auth/policy';
import type { NavItem } from '@/components/layout/app-shell';

/** The service navigation a user is offered: only what their roles allow. */
export function navigationFor(user: Pick<Actor, 'roles'>): NavItem[] {
  const items: NavItem[] = [];
  if (hasVerb(user, 'threat:read')) items.push({ href: '/threats', text: 'Threats' });
  if (hasVerb(user, 'action:update')) items.push({ href: '/my-actions', text: 'My actions' });
  return items;
}
