'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { useServerForm } from '@/components/forms/use-server-form';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { emptyTrainingForm, recordTrainingSchema, TRAINING_KIND_LABELS, TRAINING_KINDS, TRAINING_NOTE_MAX, type RecordTrainingInput, type TrainingKind } from '@/lib/validation/training';

const KIND_HINTS: Partial<Record<TrainingKind, string>> = {
  LRO_COURSE: 'A completed, current LRO course is what the LRO untrained flag looks for',
  OTHER: 'Say what it was in the note',
};

/**
 * Recording a course a person has completed: validated in the browser and again by the action,
 * with GOV.UK's date messages; everything typed stays on an error.
 */
export function RecordTrainingForm({
  userId,
  personName,
  cancelHref,
  save,
}: {
  userId: string;
  personName: string;
  cancelHref: string;
  save: (input: RecordTrainingInput) => Promise<FormState<{ trainingRecordId: string; userId: string }>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: recordTrainingSchema,
    defaultValues: emptyTrainingForm(userId),
    save: (input) => save({ ...input, userId }),
    successHref: () => `/lros/${userId}?saved=training`,
  });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Radios
          name="kind"
          legend={`What training did ${personName} complete?`}
          legendClassName="govuk-fieldset__legend--m"
          items={TRAINING_KINDS.map((kind) => ({ value: kind, text: TRAINING_KIND_LABELS[kind], hint: KIND_HINTS[kind] }))}
        />
        <DateInput name="completedOn" legend="Date completed" legendClassName="govuk-fieldset__legend--m" hint="Today or earlier. For example, 27 3 2025" />
        <DateInput
          name="expiresOn"
          legend="Expiry date (optional)"
          legendClassName="govuk-fieldset__legend--m"
          hint="If the training must be renewed, the day it stops counting. Leave empty if it does not expire. For example, 27 3 2028"
        />
        <Textarea name="note" label="Note (optional)" labelClassName="govuk-label--m" hint={`For example, who ran it. Up to ${TRAINING_NOTE_MAX} characters.`} rows={4} />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save training
          </Button>
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
