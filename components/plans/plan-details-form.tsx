'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Select, type SelectOption } from '@/components/forms/select';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { updatePlanDetailsSchema, type UpdatePlanDetailsInput } from '@/lib/validation/plan';

export type PlanDetailsFormProps = {
  threatId: string;
  /** The plan as it was when the page was opened: its version guards against lost updates. */
  plan: UpdatePlanDetailsInput;
  officers: SelectOption[];
  partners: SelectOption[];
  save: (input: UpdatePlanDetailsInput) => Promise<FormState<{ version: number }>>;
};

/** Intelligence gaps and plan owner (an officer, or a partner organisation). */
export function PlanDetailsForm({ threatId, plan, officers, partners, save }: PlanDetailsFormProps) {
  const { form, onSubmit } = useServerForm({ schema: updatePlanDetailsSchema, defaultValues: plan, save, successHref: () => `/threats/${threatId}/plan?saved=details` });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Textarea
          name="intelligenceGaps"
          label="Intelligence gaps"
          labelClassName="govuk-label--m"
          hint="What is not yet known about the threat, and how the plan will find it out"
          rows={6}
        />
        <Radios
          name="ownerKind"
          legend="Who owns the plan?"
          legendClassName="govuk-fieldset__legend--m"
          hint="The plan owner may be a partner agency"
          items={[
            {
              value: 'USER',
              text: 'An officer',
              conditional: <Select name="ownerUserId" label="Officer" options={officers} placeholder="Choose an officer" />,
            },
            {
              value: 'ORGANISATION',
              text: 'A partner organisation',
              conditional: <Select name="ownerOrganisationId" label="Partner organisation" options={partners} placeholder="Choose a partner organisation" />,
            },
          ]}
        />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions; not preventDoubleClick, whose
              one-second lock swallows a quick resubmit after correcting an error. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save plan details
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/plan`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
