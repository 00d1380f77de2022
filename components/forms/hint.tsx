import type { ReactNode } from 'react';

/** GOV.UK hint text, below a label or legend. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}
