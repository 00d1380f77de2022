import { hasVerb, type Actor } from '@/lib/auth/policy';
import type { NavItem } from '@/components/layout/app-shell';

/** The service navigation a user is offered: only what their roles allow. */
export function navigationFor(user: Pick<Actor, 'roles'>): NavItem[] {
  // Everyone signed in has a home page: their work, by role.
  const items: NavItem[] = [{ href: '/', text: 'My work' }];
  if (hasVerb(user, 'threat:read')) items.push({ href: '/threats', text: 'Threats' });
  if (hasVerb(user, 'action:update')) items.push({ href: '/my-actions', text: 'My actions' });
  if (hasVerb(user, 'plan:review')) items.push({ href: '/reviews', text: 'Reviews' });
  if (hasVerb(user, 'settings:update')) items.push({ href: '/settings', text: 'Settings' });
  return items;
}
