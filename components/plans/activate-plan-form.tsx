'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { activatePlanSchema, type ActivatePlanInput } from '@/lib/validation/plan';

/** "Make the plan active": a confirmation with the plan's version, refused if it has no objective. */
export function ActivatePlanForm({
  threatId,
  plan,
  save,
}: {
  threatId: string;
  plan: ActivatePlanInput;
  save: (input: ActivatePlanInput) => Promise<FormState<{ version: number }>>;
}) {
  const { form, onSubmit } = useServerForm({ schema: activatePlanSchema, defaultValues: plan, save, successHref: () => `/threats/${threatId}/plan?saved=activated` });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions; not preventDoubleClick, whose
              one-second lock swallows a quick resubmit after correcting an error. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Make the plan active
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/plan`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
