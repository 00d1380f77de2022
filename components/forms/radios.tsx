'use client';

import { Fragment, type ReactNode } from 'react';
import { useFormContext, useWatch, type RegisterOptions } from 'react-hook-form';
import { choiceItemId, type ChoiceItem } from './choice-item';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Fieldset } from './fieldset';
import { Hint } from './hint';
import { useFieldError } from './use-field-error';

export type RadiosProps = {
  name: string;
  legend: ReactNode;
  items: ChoiceItem[];
  hint?: ReactNode;
  id?: string;
  legendClassName?: string;
  isPageHeading?: boolean;
  /** Side by side: for two short options, like Yes and No. */
  inline?: boolean;
  small?: boolean;
  registerOptions?: RegisterOptions;
};

/**
 * GOV.UK radios (https://design-system.service.gov.uk/components/radios/), registered with the
 * form; the value is the chosen item's `value` (a string). Conditional content is shown and
 * hidden by React, not by GOV.UK Frontend's script. (No aria-expanded on the radios, unlike
 * GOV.UK's script: ARIA does not allow it on a radio, and axe reports it.)
 */
export function Radios({
  name,
  legend,
  items,
  hint,
  id = fieldId(name),
  legendClassName,
  isPageHeading,
  inline = false,
  small = false,
  registerOptions,
}: RadiosProps) {
  const { register } = useFormContext();
  const value: unknown = useWatch({ name });
  const error = useFieldError(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const classes = ['govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Fieldset
        legend={legend}
        legendClassName={legendClassName}
        isPageHeading={isPageHeading}
        describedBy={describedBy(hintId, errorId)}
      >
        {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
        <div className={classes}>
          {items.map((item, index) => {
            const inputId = choiceItemId(id, index);
            const itemHintId = item.hint ? `${inputId}-item-hint` : undefined;
            const conditionalId = item.conditional ? `conditional-${inputId}` : undefined;
            const isChecked = value === item.value;
            return (
              <Fragment key={item.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    type="radio"
                    value={item.value}
                    disabled={item.disabled}
                    aria-describedby={itemHintId}
                    aria-controls={conditionalId}
                    {...register(name, registerOptions)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <div id={itemHintId} className="govuk-hint govuk-radios__hint">
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div
                    className={`govuk-radios__conditional${isChecked ? '' : ' govuk-radios__conditional--hidden'}`}
                    id={conditionalId}
                  >
                    {item.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
