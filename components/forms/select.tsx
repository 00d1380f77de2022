'use client';

import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useFormContext, type RegisterOptions } from 'react-hook-form';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Hint } from './hint';
import { Label } from './label';
import { useFieldError } from './use-field-error';

export type SelectOption = { value: string; text: string; disabled?: boolean };

export type SelectProps = {
  name: string;
  label: ReactNode;
  options: SelectOption[];
  /** A first option with an empty value, e.g. 'Choose an officer'. */
  placeholder?: string;
  hint?: ReactNode;
  id?: string;
  labelClassName?: string;
  isPageHeading?: boolean;
  className?: string;
  registerOptions?: RegisterOptions;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'className' | 'children'>;

/** GOV.UK select (https://design-system.service.gov.uk/components/select/), registered with the form. */
export function Select({
  name,
  label,
  options,
  placeholder,
  hint,
  id = fieldId(name),
  labelClassName,
  isPageHeading,
  className,
  registerOptions,
  ...selectProps
}: SelectProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label htmlFor={id} className={labelClassName} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId!}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId!}>{error}</ErrorMessage> : null}
      <select
        id={id}
        className={['govuk-select', error && 'govuk-select--error', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(hintId, errorId)}
        {...selectProps}
        {...register(name, registerOptions)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
