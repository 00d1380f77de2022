import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { FrontendInitialiser } from '@/components/layout/frontend-initialiser';
import './globals.scss';

export const metadata: Metadata = {
  title: { template: '%s – Quadrant', default: 'Quadrant' },
  description: 'Serious and organised crime threats and their 4P plans',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: '#0b0c0c',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is per-user, and its scripts carry the nonce that proxy.ts puts in this request's
  // Content-Security-Policy: render on each request, never once at build time.
  await connection();

  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        <FrontendInitialiser />
      </body>
    </html>
  );
}
