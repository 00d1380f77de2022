'use client';

import { Fragment, type ReactNode } from 'react';
import { useFormContext, useWatch, type RegisterOptions } from 'react-hook-form';
import { choiceItemId, type ChoiceItem } from './choice-item';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Fieldset } from './fieldset';
import { Hint } from './hint';
import { useFieldError } from './use-field-error';

export type CheckboxesProps = {
  name: string;
  legend: ReactNode;
  items: ChoiceItem[];
  hint?: ReactNode;
  id?: string;
  legendClassName?: string;
  isPageHeading?: boolean;
  small?: boolean;
  registerOptions?: RegisterOptions;
};

function isChosen(value: unknown, itemValue: string): boolean {
  return Array.isArray(value) ? value.includes(itemValue) : value === itemValue || value === true;
}

/**
 * GOV.UK checkboxes (https://design-system.service.gov.uk/components/checkboxes/), registered
 * with the form. The value is an array of the ticked items' values: give the field an array
 * (`[]`) in the form's defaultValues, or react-hook-form makes a lone checkbox a boolean.
 */
export function Checkboxes({
  name,
  legend,
  items,
  hint,
  id = fieldId(name),
  legendClassName,
  isPageHeading,
  small = false,
  registerOptions,
}: CheckboxesProps) {
  const { register } = useFormContext();
  const value: unknown = useWatch({ name });
  const error = useFieldError(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

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
        <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
          {items.map((item, index) => {
            const inputId = choiceItemId(id, index);
            const itemHintId = item.hint ? `${inputId}-item-hint` : undefined;
            const conditionalId = item.conditional ? `conditional-${inputId}` : undefined;
            const isChecked = isChosen(value, item.value);
            return (
              <Fragment key={item.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={inputId}
                    type="checkbox"
                    value={item.value}
                    disabled={item.disabled}
                    aria-describedby={itemHintId}
                    aria-controls={conditionalId}
                    aria-expanded={conditionalId ? isChecked : undefined}
                    {...register(name, registerOptions)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <div id={itemHintId} className="govuk-hint govuk-checkboxes__hint">
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div
                    className={`govuk-checkboxes__conditional${isChecked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
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
