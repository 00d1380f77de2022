'use client';

import type { ReactNode } from 'react';
import { useFormContext, useFormState, get, type FieldError } from 'react-hook-form';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Fieldset } from './fieldset';
import { Hint } from './hint';

export type DateInputProps = {
  name: string;
  legend: ReactNode;
  /** GOV.UK asks for an example date, e.g. 'For example, 27 3 2025'. */
  hint?: ReactNode;
  id?: string;
  legendClassName?: string;
  isPageHeading?: boolean;
  /** e.g. 'bday' for a date of birth, which sets 'bday-day' and so on. */
  autoCompletePrefix?: string;
};

const parts = [
  { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
] as const;

function messageOf(error: unknown): string | undefined {
  const message = (error as FieldError | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

/**
 * GOV.UK date input (https://design-system.service.gov.uk/components/date-input/).
 *
 * How its value maps to the form: three text inputs registered as `${name}.day`,
 * `${name}.month` and `${name}.year`, so in react-hook-form the field `name` holds an object
 * `{ day, month, year }` of strings exactly as typed (`DateParts` in lib/validation/date-parts).
 * - Default values: `toDateParts(iso)` or `emptyDateParts` for the field.
 * - Validation: `datePartsSchema('due date')` in the zod schema checks the parts with GOV.UK's
 *   messages and outputs an ISO date 'YYYY-MM-DD' (or null when optional and empty). The same
 *   schema runs in the browser (resolver) and in the server action.
 * - Submit the values object (handleSubmit) to the action. Posted as FormData, the keys arrive
 *   flat ('dueDate.day') and must be nested before parsing.
 * - Ids: the group is `${id}` and the inputs `${id}-day`, `${id}-month`, `${id}-year`. An error
 *   on the date as a whole (path `name`) marks all three inputs; an error on one part
 *   (`name.month`) marks only that input. One message shows, the first found.
 */
export function DateInput({
  name,
  legend,
  hint,
  id = fieldId(name),
  legendClassName,
  isPageHeading,
  autoCompletePrefix,
}: DateInputProps) {
  const { register } = useFormContext();
  const { errors } = useFormState({ name });
  const wholeError = messageOf(get(errors, name));
  const partErrors = Object.fromEntries(parts.map(({ part }) => [part, messageOf(get(errors, `${name}.${part}`))]));
  const error = wholeError ?? parts.map(({ part }) => partErrors[part]).find(Boolean);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Fieldset
        legend={legend}
        legendClassName={legendClassName}
        isPageHeading={isPageHeading}
        describedBy={describedBy(hintId, errorId)}
        role="group"
      >
        {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => {
            const inputId = `${id}-${part}`;
            const isInError = Boolean(wholeError || partErrors[part]);
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    className={['govuk-input', 'govuk-date-input__input', width, isInError && 'govuk-input--error']
                      .filter(Boolean)
                      .join(' ')}
                    id={inputId}
                    type="text"
                    inputMode="numeric"
                    autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${part}` : undefined}
                    {...register(`${name}.${part}`)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
