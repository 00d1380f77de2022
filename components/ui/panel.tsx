import type { ReactNode } from 'react';

/** GOV.UK confirmation panel (https://design-system.service.gov.uk/components/panel/). */
export function Panel({
  title,
  children,
  headingLevel = 1,
}: {
  title: ReactNode;
  children?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{title}</Heading>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
