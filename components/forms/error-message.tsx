import type { ReactNode } from 'react';

/** GOV.UK error message (https://design-system.service.gov.uk/components/error-message/). */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}
