import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FormState } from '@/lib/validation/form-state';

/** The key server actions use for an error about the whole form (lib/services/authed-action.ts). */
const formKey = '_form';

/**
 * Shows a server action's errors in a react-hook-form form: each field's first message on that
 * field, and a problem about the whole form (the `_form` key, or a message with no field errors,
 * e.g. "The record was changed by someone else") on `root.server`, which FormErrorSummary shows.
 * Returns true when there were errors.
 */
export function applyServerErrors<T extends FieldValues>(state: FormState<unknown>, setError: UseFormSetError<T>): boolean {
  if (state.status !== 'error') return false;
  const entries = Object.entries(state.fieldErrors ?? {}).filter(([, messages]) => messages.length > 0);
  const fieldEntries = entries.filter(([name]) => name !== formKey && name !== '');
  const formMessage = entries.find(([name]) => name === formKey || name === '')?.[1][0];

  for (const [name, messages] of fieldEntries) {
    setError(name as Path<T>, { type: 'server', message: messages[0] });
  }
  const rootMessage = formMessage ?? (fieldEntries.length === 0 ? state.message : undefined);
  if (rootMessage) setError('root.server', { type: 'server', message: rootMessage });
  return fieldEntries.length > 0 || Boolean(rootMessage);
}
