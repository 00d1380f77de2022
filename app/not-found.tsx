import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { PageNotFound } from '@/components/layout/page-not-found';

export const metadata: Metadata = { title: 'Page not found' };

/** Not found outside the signed-in area: the frame without a user. */
export default function NotFound() {
  return (
    <AppShell user={null} navigation={[]}>
      <PageNotFound />
    </AppShell>
  );
}
