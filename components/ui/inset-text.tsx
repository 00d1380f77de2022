import type { ReactNode } from 'react';

/** GOV.UK inset text (https://design-system.service.gov.uk/components/inset-text/). */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}
