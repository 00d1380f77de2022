import type { ReactNode } from 'react';

export type LabelProps = {
  htmlFor: string;
  children: ReactNode;
  /** e.g. 'govuk-label--m'; with `isPageHeading`, 'govuk-label--l' unless given. */
  className?: string;
  /** The label is the page's <h1> (GOV.UK's one-question-per-page pattern). */
  isPageHeading?: boolean;
};

/** GOV.UK label, optionally the page heading. */
export function Label({ htmlFor, children, className, isPageHeading = false }: LabelProps) {
  const classes = ['govuk-label', className ?? (isPageHeading ? 'govuk-label--l' : null)].filter(Boolean).join(' ');
  const label = (
    <label className={classes} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
