'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormContext, type RegisterOptions } from 'react-hook-form';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Hint } from './hint';
import { Label } from './label';
import { useFieldError } from './use-field-error';

export type TextInputProps = {
  /** The react-hook-form field name; the id is derived from it (fieldId) unless given. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  id?: string;
  labelClassName?: string;
  isPageHeading?: boolean;
  /** Width class, e.g. 'govuk-input--width-10' or 'govuk-!-width-one-half'. */
  className?: string;
  /** Text shown before or after the input, e.g. '£' or 'per item'. */
  prefix?: string;
  suffix?: string;
  registerOptions?: RegisterOptions;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'className' | 'prefix' | 'children'>;

/** GOV.UK text input (https://design-system.service.gov.uk/components/text-input/), registered with the form. */
export function TextInput({
  name,
  label,
  hint,
  id = fieldId(name),
  labelClassName,
  isPageHeading,
  className,
  prefix,
  suffix,
  registerOptions,
  type = 'text',
  ...inputProps
}: TextInputProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  const input = (
    <input
      id={id}
      type={type}
      className={['govuk-input', error && 'govuk-input--error', className].filter(Boolean).join(' ')}
      aria-describedby={describedBy(hintId, errorId)}
      {...inputProps}
      {...register(name, registerOptions)}
    />
  );

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label htmlFor={id} className={labelClassName} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
