import { hasVerb, type Actor } from '@/lib/auth/policy';
import type { NavItem } from '@/components/layout/app-shell';

/**
 * The service navigation a user is offered: only what their roles allow. `unreadNotifications`
 * is the count the Notifications item shows (everyone signed in has notifications).
 */
export function navigationFor(user: Pick<Actor, 'roles'>, { unreadNotifications = 0 }: { unreadNotifications?: number } = {}): NavItem[] {
  // Everyone signed in has a home page: their work, by role.
  const items: NavItem[] = [{ href: '/', text: 'My work' }];
  if (hasVerb(user, 'threat:read')) items.push({ href: '/threats', text: 'Threats' });
  if (hasVerb(user, 'action:update')) items.push({ href: '/my-actions', text: 'My actions' });
  if (hasVerb(user, 'plan:review')) items.push({ href: '/reviews', text: 'Reviews' });
  if (hasVerb(user, 'lro:read')) items.push({ href: '/lros', text: 'LROs' });
  if (hasVerb(user, 'compliance:read')) items.push({ href: '/dashboard', text: 'Dashboard' });
  if (hasVerb(user, 'order:read')) items.push({ href: '/orders', text: 'Orders' });
  if (hasVerb(user, 'settings:update')) items.push({ href: '/settings', text: 'Settings' });
  if (hasVerb(user, 'import:run')) items.push({ href: '/imports', text: 'Imports' });
  if (hasVerb(user, 'outbox:read')) items.push({ href: '/admin/outbox', text: 'Outbox' });
  items.push({ href: '/notifications', text: unreadNotifications > 0 ? `Notifications (${unreadNotifications})` : 'Notifications' });
  return items;
}
