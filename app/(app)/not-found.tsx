import type { Metadata } from 'next';
import { PageNotFound } from '@/components/layout/page-not-found';

export const metadata: Metadata = { title: 'Page not found' };

/** Not found inside the signed-in area: the (app) layout keeps the user's header and navigation. */
export default function NotFound() {
  return <PageNotFound />;
}
