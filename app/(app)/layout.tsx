import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { requireUser } from '@/lib/auth/guards';
import { navigationFor } from './navigation';

// Everything behind sign-in. The layout only frames the page: each page checks access itself
// (layouts are not re-run on every navigation, so they are never the guard).
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={{ name: user.name, organisationName: user.organisationName }} navigation={navigationFor(user)}>
      {children}
    </AppShell>
  );
}
