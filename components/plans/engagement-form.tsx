'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Select, type SelectOption } from '@/components/forms/select';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { ENGAGEMENT_KINDS, ENGAGEMENT_KIND_HINTS, ENGAGEMENT_KIND_LABELS } from '@/lib/domain/vocabulary';
import { recordEngagementSchema, type RecordEngagementInput } from '@/lib/validation/plan';

/** Recording that a partner agency was consulted, tasked or met about the plan. */
export function EngagementForm({
  threatId,
  engagement,
  partners,
  example,
  save,
}: {
  threatId: string;
  engagement: RecordEngagementInput;
  partners: SelectOption[];
  /** An example date for the hint, e.g. '27 3 2026'. */
  example: string;
  save: (input: RecordEngagementInput) => Promise<FormState<{ engagementId: string }>>;
}) {
  // raw: the action gets the date as typed (day, month, year) and parses it with the same schema.
  const { form, onSubmit } = useServerForm({ schema: recordEngagementSchema, defaultValues: engagement, save, successHref: () => `/threats/${threatId}/plan?saved=engagement` });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Select name="partnerOrganisationId" label="Partner organisation" labelClassName="govuk-label--m" options={partners} placeholder="Choose a partner organisation" />
        <DateInput name="engagedOn" legend="Date of engagement" legendClassName="govuk-fieldset__legend--m" hint={`For example, ${example}`} />
        <Radios
          name="kind"
          legend="Kind of engagement"
          legendClassName="govuk-fieldset__legend--m"
          items={ENGAGEMENT_KINDS.map((k) => ({ value: k, text: ENGAGEMENT_KIND_LABELS[k], hint: ENGAGEMENT_KIND_HINTS[k] }))}
        />
        <Textarea name="summary" label="Summary" labelClassName="govuk-label--m" hint="What was discussed or agreed, and what happens next" rows={5} />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions; not preventDoubleClick, whose
              one-second lock swallows a quick resubmit after correcting an error. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record engagement
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/plan`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
