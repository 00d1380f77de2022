'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/forms/error-summary';
import { Button } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/validation/form-state';

export type CreatePlanButtonProps = {
  threatId: string;
  /** The route's server action: creates the plan and goes to it, or returns why not. */
  create: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * "Create 4P plan": a one-button form posting to the server action (it works before the page's
 * JavaScript has loaded). A refusal, such as a plan created meanwhile by someone else, shows as
 * an error summary above the button.
 */
export function CreatePlanButton({ threatId, create }: CreatePlanButtonProps) {
  const [state, formAction, isPending] = useActionState(create, idleFormState);
  return (
    <>
      {state.status === 'error' ? <ErrorSummary items={[]} description={state.message} /> : null}
      <form action={formAction}>
        <input type="hidden" name="threatId" value={threatId} />
        <Button type="submit" preventDoubleClick disabled={isPending}>
          Create 4P plan
        </Button>
      </form>
    </>
  );
}
