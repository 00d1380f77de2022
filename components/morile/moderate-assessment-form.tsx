'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { moderateAssessmentSchema, type ModerateAssessmentInput } from '@/lib/validation/morile';

/**
 * "Moderate this assessment": a confirmation, with the threat's version as the page showed it. If
 * the threat changed since (so the change of tier described may no longer hold), the action
 * refuses and the page is refreshed to describe what moderating would do now.
 */
export function ModerateAssessmentForm({
  threatId,
  moderation,
  save,
}: {
  threatId: string;
  moderation: ModerateAssessmentInput;
  save: (input: ModerateAssessmentInput) => Promise<FormState<{ assessmentId: string; threatId: string; tierBefore: number; tierAfter: number }>>;
}) {
  const router = useRouter();
  const { form, onSubmit } = useServerForm({
    schema: moderateAssessmentSchema,
    defaultValues: moderation,
    // The latest render's threat version, which a refresh after a refusal updates.
    save: async () => {
      const state = await save({ assessmentId: moderation.assessmentId, threatVersion: moderation.threatVersion });
      if (state.status === 'error' && state.code === 'CONFLICT') router.refresh();
      return state;
    },
    successHref: () => `/threats/${threatId}/morile?saved=moderated`,
  });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Moderate this assessment
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/morile`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
