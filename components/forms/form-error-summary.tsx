'use client';

import { useFormState } from 'react-hook-form';
import { ErrorSummary } from './error-summary';
import { errorSummaryItems } from './error-summary-items';

/**
 * The error summary of the react-hook-form form around it: one link per field error, and a
 * problem not tied to a field (set with `setError('root.server', …)`, e.g. by
 * applyServerErrors) as its description. Nothing when there are no errors. Put it first inside
 * the form's FormProvider, and use `useForm({ shouldFocusError: false })` so focus goes here.
 */
export function FormErrorSummary({ title }: { title?: string }) {
  const { errors, submitCount } = useFormState();
  const items = errorSummaryItems(errors);
  const rootMessage = errors.root?.server?.message ?? errors.root?.message;
  if (items.length === 0 && !rootMessage) return null;
  return <ErrorSummary items={items} title={title} description={rootMessage} focusKey={submitCount} />;
}
