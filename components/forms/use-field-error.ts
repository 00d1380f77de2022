'use client';

import { get, useFormState, type FieldError } from 'react-hook-form';

/** The error message of one field (or of several, e.g. the parts of a date), first found. */
export function useFieldError(...names: string[]): string | undefined {
  const { errors } = useFormState({ name: names });
  for (const name of names) {
    const error = get(errors, name) as FieldError | undefined;
    if (error && typeof error.message === 'string' && error.message) return error.message;
  }
  return undefined;
}
