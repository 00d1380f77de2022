'use client';

import type { BaseSyntheticEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { $ZodType } from 'zod/v4/core';
import { applyServerErrors } from './apply-server-errors';
import type { FormState } from '@/lib/validation/form-state';

export type ServerFormOptions<T extends FieldValues, O> = {
  /** The schema the server action validates with: the browser checks the same rules first. */
  schema: $ZodType<unknown, T>;
  defaultValues: DefaultValues<T>;
  /** The route's server action. */
  save: (input: T) => Promise<FormState<O>>;
  /** Where to go once saved (with the action's data, e.g. a new record's id). */
  successHref: (data: O | undefined) => string;
};

/**
 * The usual life of a form backed by a server action: validate in the browser with the action's
 * own schema, send exactly what was typed (`raw`), go on to `successHref` when saved, and
 * otherwise show the server's messages beside the fields and in the error summary (which takes
 * focus, GOV.UK style), keeping everything typed.
 */
export function useServerForm<T extends FieldValues, O = unknown>({ schema, defaultValues, save, successHref }: ServerFormOptions<T, O>): {
  form: UseFormReturn<T>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
} {
  const router = useRouter();
  const form = useForm<T>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues, shouldFocusError: false });
  const onSubmit = form.handleSubmit(async (input) => {
    const state = await save(input);
    if (state.status === 'success') {
      router.push(successHref(state.data));
      router.refresh();
      return;
    }
    applyServerErrors(state, form.setError);
  });
  return { form, onSubmit };
}
