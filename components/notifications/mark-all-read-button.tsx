'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/forms/error-summary';
import { Button } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/validation/form-state';

/**
 * "Mark all as read": a one-button form posting to the route's server action (it works before the
 * page's JavaScript has loaded). A refusal, such as a session that has ended, shows above it.
 */
export function MarkAllReadButton({ markAllRead }: { markAllRead: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, isPending] = useActionState(markAllRead, idleFormState);
  return (
    <>
      {state.status === 'error' ? <ErrorSummary items={[]} description={state.message} /> : null}
      <form action={formAction}>
        <Button type="submit" variant="secondary" preventDoubleClick disabled={isPending}>
          Mark all as read
        </Button>
      </form>
    </>
  );
}
