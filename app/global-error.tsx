'use client';

import './globals.scss';
import { AppShell } from '@/components/layout/app-shell';

/** The last resort, when the root layout itself fails: the page still carries the marking. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <AppShell user={null} navigation={[]}>
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">Try again later.</p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => retry()}>
            Try again
          </button>
        </AppShell>
      </body>
    </html>
  );
}
