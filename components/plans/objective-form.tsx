'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
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
  const { form, onSubmit } = useServerForm({ schema: createObjectiveSchema, defaultValues: objective, save, successHref: () => `/threats/${threatId}/plan?saved=objective-added` });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
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
  const { form, onSubmit } = useServerForm({ schema: updateObjectiveSchema, defaultValues: objective, save, successHref: () => `/threats/${threatId}/plan?saved=objective-saved` });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <ObjectiveFields strandHint={hasActions ? 'This objective has actions, so it stays in its strand' : undefined} />
        <Buttons threatId={threatId} text="Save objective" isSubmitting={form.formState.isSubmitting} />
      </form>
    </FormProvider>
  );
}
