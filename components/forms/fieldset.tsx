import type { ReactNode } from 'react';

export type FieldsetProps = {
  legend: ReactNode;
  /** e.g. 'govuk-fieldset__legend--m'; with `isPageHeading`, '--l' unless given. */
  legendClassName?: string;
  isPageHeading?: boolean;
  describedBy?: string;
  role?: 'group';
  children: ReactNode;
};

/** GOV.UK fieldset with its legend: groups radios, checkboxes and the parts of a date. */
export function Fieldset({ legend, legendClassName, isPageHeading = false, describedBy, role, children }: FieldsetProps) {
  const classes = ['govuk-fieldset__legend', legendClassName ?? (isPageHeading ? 'govuk-fieldset__legend--l' : null)]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy} role={role}>
      <legend className={classes}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
