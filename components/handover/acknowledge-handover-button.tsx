'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/forms/error-summary';
import { Button } from '@/components/ui/button';
import { idleFormState, type FormState } from '@/lib/validation/form-state';

export type AcknowledgeHandoverButtonProps = {
  assignmentId: string;
  /** The route's server action: marks the handover read and reloads the threat, or says why not. */
  acknowledge: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * "I have read the handover": a one-button form posting to the server action, so it works before
 * the page's JavaScript has loaded. A refusal (the LRO was changed again meanwhile) shows as an
 * error summary above the button.
 */
export function AcknowledgeHandoverButton({ assignmentId, acknowledge }: AcknowledgeHandoverButtonProps) {
  const [state, formAction, isPending] = useActionState(acknowledge, idleFormState);
  return (
    <>
      {state.status === 'error' ? <ErrorSummary items={[]} description={state.message} /> : null}
      <form action={formAction}>
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <Button type="submit" preventDoubleClick disabled={isPending} className="govuk-!-margin-bottom-0">
          I have read the handover
        </Button>
      </form>
    </>
  );
}
