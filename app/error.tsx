'use client';

import { useEffect } from 'react';
import { AppShell } from '@/components/layout/app-shell';

/**
 * GOV.UK's "There is a problem with the service" pattern, for errors nobody planned for. It
 * shows no detail of the error: in production Next.js passes only a digest, for the logs.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
    document.title = 'Sorry, there is a problem with the service – Quadrant';
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;

  return (
    <AppShell user={null} navigation={[]}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">Try again later.</p>
          {digest ? (
            <p className="govuk-body">
              If it keeps happening, tell your Quadrant administrator and give them this reference: <strong>{digest}</strong>
            </p>
          ) : null}
          <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => retry()}>
            Try again
          </button>
        </div>
      </div>
    </AppShell>
  );
}
