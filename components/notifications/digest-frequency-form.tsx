'use client';

import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Button } from '@/components/ui/button';
import { DIGEST_FREQUENCY_LABELS, type DigestFrequency } from '@/lib/domain/digest';
import type { FormState } from '@/lib/validation/form-state';
import { updateDigestFrequencySchema, type UpdateDigestFrequencyInput } from '@/lib/validation/notifications';

const HINTS: Record<DigestFrequency, string> = {
  DAILY: 'Each morning at 7am, when something needs you',
  WEEKLY: 'On Monday mornings, when something needs you',
  NONE: 'You will still see your notifications in Quadrant',
};

/** How often the person is e-mailed their digest: daily, weekly (Mondays) or not at all. */
export function DigestFrequencyForm({
  digestFrequency,
  save,
}: {
  digestFrequency: DigestFrequency;
  save: (input: UpdateDigestFrequencyInput) => Promise<FormState<{ digestFrequency: string }>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: updateDigestFrequencySchema,
    defaultValues: { digestFrequency },
    save,
    successHref: () => '/account/notifications?saved=1',
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Radios
          name="digestFrequency"
          legend="How often do you want an e-mail of what needs you?"
          legendClassName="govuk-fieldset__legend--m"
          items={(Object.keys(DIGEST_FREQUENCY_LABELS) as DigestFrequency[]).map((value) => ({ value, text: DIGEST_FREQUENCY_LABELS[value], hint: HINTS[value] }))}
        />
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save preference
        </Button>
      </form>
    </FormProvider>
  );
}
