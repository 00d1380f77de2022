'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import { STRANDS, STRAND_LABELS } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { createObjectiveSchema, updateObjectiveSchema, type CreateObjectiveInput, type UpdateObjectiveInput } from '@/lib/validation/plan';

function ObjectiveFields({ strandHint }: { strandHint?: string }) {
  return (
    <>
      <Radios name="strand" legend="Strand" legendClassName="govuk-fieldset__legend--m" hint={strandHint} items={STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s] }))} />
      <Textarea
        name="title"
        label="Objective"
        labelClassName="govuk-label--m"
        hint="Say specifically what the plan will achieve against this threat, not a general aim"
        rows={3}
      />
      <Textarea name="successMeasure" label="Success measure" labelClassName="govuk-label--m" hint="How you will know the objective has been met" rows={3} />
    </>
  );
}

type Save<I> = (input: I) => Promise<FormState<{ objectiveId: string }>>;

function useObjectiveSubmit(threatId: string) {
  const router = useRouter();
  return (saved: 'objective-added' | 'objective-saved') => {
    router.push(`/threats/${threatId}/plan?saved=${saved}`);
    router.refresh();
  };
}

function Buttons({ threatId, text, isSubmitting }: { threatId: string; text: string; isSubmitting: boolean }) {
  return (
    <div className="govuk-button-group">
      <Button type="submit" disabled={isSubmitting}>
        {text}
      </Button>
      <Link className="govuk-link" href={`/threats/${threatId}/plan`}>
        Cancel
      </Link>
    </div>
  );
}

/** Adding an objective to a strand of the plan. */
export function AddObjectiveForm({ threatId, objective, save }: { threatId: string; objective: CreateObjectiveInput; save: Save<CreateObjectiveInput> }) {
  const done = useObjectiveSubmit(threatId);
  const form = useForm<CreateObjectiveInput>({ resolver: zodResolver(createObjectiveSchema, undefined, { raw: true }), defaultValues: objective, shouldFocusError: false });
  async function onSubmit(input: CreateObjectiveInput) {
    const state = await save(input);
    if (state.status === 'success') return done('objective-added');
    applyServerErrors(state, form.setError);
  }
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <ObjectiveFields />
        <Buttons threatId={threatId} text="Add objective" isSubmitting={form.formState.isSubmitting} />
      </form>
    </FormProvider>
  );
}

/** Changing an objective; `lastUpdatedAt` guards against overwriting someone else's change. */
export function EditObjectiveForm({
  threatId,
  objective,
  hasActions,
  save,
}: {
  threatId: string;
  objective: UpdateObjectiveInput;
  hasActions: boolean;
  save: Save<UpdateObjectiveInput>;
}) {
  const done = useObjectiveSubmit(threatId);
  const form = useForm<UpdateObjectiveInput>({ resolver: zodResolver(updateObjectiveSchema, undefined, { raw: true }), defaultValues: objective, shouldFocusError: false });
  async function onSubmit(input: UpdateObjectiveInput) {
    const state = await save(input);
    if (state.status === 'success') return done('objective-saved');
    applyServerErrors(state, form.setError);
  }
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <ObjectiveFields strandHint={hasActions ? 'This objective has actions, so it stays in its strand' : undefined} />
        <Buttons threatId={threatId} text="Save objective" isSubmitting={form.formState.isSubmitting} />
      </form>
    </FormProvider>
  );
}
