'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { emptyDateParts } from '@/lib/validation/date-parts';
import type { FormState } from '@/lib/validation/form-state';
import { createActionSchema, type CreateActionInput } from '@/lib/validation/action';
import type { Strand } from '@/lib/domain/vocabulary';
import { ActionFields, type ActionFieldOptions } from './action-fields';

export type AddActionFormProps = ActionFieldOptions & {
  threatId: string;
  planId: string;
  /** Preset from the plan page's link: the strand and objective the action is added under. */
  strand?: Strand;
  objectiveId?: string;
  cancelHref: string;
  save: (input: CreateActionInput) => Promise<FormState<{ actionId: string }>>;
};

/** Adding an action to a plan, validated in the browser and again by the action. */
export function AddActionForm({ threatId, planId, strand, objectiveId, cancelHref, save, ...options }: AddActionFormProps) {
  const router = useRouter();
  const form = useForm<CreateActionInput>({
    // raw: the action is sent what was typed (the date as its parts) and parses it itself.
    resolver: zodResolver(createActionSchema, undefined, { raw: true }),
    defaultValues: {
      planId,
      strand,
      objectiveId: objectiveId ?? '',
      description: '',
      ownerUserId: '',
      ownerOrganisationId: '',
      ownerContactName: '',
      dueDate: { ...emptyDateParts },
    },
    shouldFocusError: false,
  });

  async function onSubmit(input: CreateActionInput) {
    const state = await save(input);
    if (state.status === 'success' && state.data) {
      router.push(`/threats/${threatId}/plan/actions/${state.data.actionId}?saved=added`);
      return;
    }
    // Everything typed stays in the form; the summary says what went wrong.
    applyServerErrors(state, form.setError);
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <ActionFields {...options} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Add action
          </Button>
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
