'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
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
  const router = useRouter();
  const form = useForm<ActivatePlanInput>({ resolver: zodResolver(activatePlanSchema, undefined, { raw: true }), defaultValues: plan, shouldFocusError: false });

  async function onSubmit(input: ActivatePlanInput) {
    const state = await save(input);
    if (state.status === 'success') {
      router.push(`/threats/${threatId}/plan?saved=activated`);
      router.refresh();
      return;
    }
    applyServerErrors(state, form.setError);
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
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
