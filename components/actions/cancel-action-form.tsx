'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Textarea } from '@/components/forms/textarea';
import type { FormState } from '@/lib/validation/form-state';
import { cancelActionSchema, type CancelActionInput } from '@/lib/validation/action';

export type CancelActionFormProps = {
  actionId: string;
  actionHref: string;
  /** The version the page shows: refreshed after a conflict. */
  version: number;
  save: (input: CancelActionInput) => Promise<FormState<{ version: number }>>;
};

/** Cancelling an action, with the reason, which goes into its log. */
export function CancelActionForm({ actionId, actionHref, version, save }: CancelActionFormProps) {
  const router = useRouter();
  const [openedAt] = useState(version);
  const [hasConflict, setHasConflict] = useState(false);
  const form = useForm<CancelActionInput>({
    resolver: zodResolver(cancelActionSchema, undefined, { raw: true }),
    defaultValues: { actionId, version, reason: '' },
    shouldFocusError: false,
  });

  async function onSubmit(input: CancelActionInput) {
    const state = await save({ ...input, version: hasConflict ? version : openedAt });
    if (state.status === 'success') {
      router.push(`${actionHref}?saved=cancelled`);
      router.refresh();
      return;
    }
    if (state.status === 'error' && state.code === 'CONFLICT') {
      setHasConflict(true);
      router.refresh();
    }
    applyServerErrors(state, form.setError);
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <Textarea name="reason" label="Why is this action being cancelled?" labelClassName="govuk-label--m" hint="This is recorded in the action's log" rows={4} />
        <div className="govuk-button-group">
          <Button type="submit" variant="warning" disabled={form.formState.isSubmitting}>
            Cancel action
          </Button>
          <Link className="govuk-link" href={actionHref}>
            Keep the action
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
