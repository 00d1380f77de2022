'use client';

import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { useFormContext, type RegisterOptions } from 'react-hook-form';
import { ErrorMessage } from './error-message';
import { describedBy, fieldId } from './field-id';
import { Hint } from './hint';
import { Label } from './label';
import { useFieldError } from './use-field-error';

export type TextareaProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  id?: string;
  labelClassName?: string;
  isPageHeading?: boolean;
  className?: string;
  registerOptions?: RegisterOptions;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'className' | 'children'>;

/** GOV.UK textarea (https://design-system.service.gov.uk/components/textarea/), registered with the form. */
export function Textarea({
  name,
  label,
  hint,
  id = fieldId(name),
  labelClassName,
  isPageHeading,
  className,
  registerOptions,
  rows = 5,
  ...textareaProps
}: TextareaProps) {
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
      <textarea
        id={id}
        rows={rows}
        className={['govuk-textarea', error && 'govuk-textarea--error', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(hintId, errorId)}
        {...textareaProps}
        {...register(name, registerOptions)}
      />
    </div>
  );
}
