'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { closePlanSchema, type ClosePlanInput } from '@/lib/validation/plan';

/** Closing a plan with its debrief: outcome, what worked, and learning to share. */
export function ClosePlanForm({
  threatId,
  plan,
  save,
}: {
  threatId: string;
  plan: ClosePlanInput;
  save: (input: ClosePlanInput) => Promise<FormState<{ version: number }>>;
}) {
  const { form, onSubmit } = useServerForm({ schema: closePlanSchema, defaultValues: plan, save, successHref: () => `/threats/${threatId}/plan?saved=closed` });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Textarea name="outcome" label="Outcome" labelClassName="govuk-label--m" hint="What the plan achieved against its objectives, and why it is closing" rows={5} />
        <Textarea name="whatWorked" label="What worked" labelClassName="govuk-label--m" hint="Tactics, partners and approaches that made a difference" rows={5} />
        <Textarea
          name="learning"
          label="Learning to share"
          labelClassName="govuk-label--m"
          hint="What other LROs, forces and partners should know, including what did not work"
          rows={5}
        />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions; not preventDoubleClick, whose
              one-second lock swallows a quick resubmit after correcting an error. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Close the plan
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/plan`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
