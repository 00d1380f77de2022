import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { requireUser } from '@/lib/auth/guards';
import { countUnreadNotifications } from '@/lib/db/notifications';
import { navigationFor } from './navigation';

// Everything behind sign-in. The layout only frames the page: each page checks access itself
// (layouts are not re-run on every navigation, so they are never the guard).
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // One indexed count per request: the unread notifications the navigation shows.
  const unreadNotifications = await countUnreadNotifications(user.id);
  return (
    <AppShell user={{ name: user.name, organisationName: user.organisationName }} navigation={navigationFor(user, { unreadNotifications })}>
      {children}
    </AppShell>
  );
}
