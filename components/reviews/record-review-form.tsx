'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { recordReviewSchema, type RecordReviewInput } from '@/lib/validation/reviews';

const OUTCOME_HINTS: Record<ReviewOutcome, string> = {
  SATISFACTORY: 'The plan is current and its actions are on track',
  CHANGES_REQUIRED: 'The LRO must change the plan: say what in your comments',
  ESCALATED: 'The plan needs senior attention: say why, and what must change, in your comments',
};

/**
 * The manager's review: outcome, comments and the next review date. The plan the reviewer read is
 * named by `review.version` and `review.seenAt` (when the page was rendered); if the plan changed
 * since, the action refuses, and the page is refreshed to show the plan as it stands, keeping
 * everything typed here for a second save.
 */
export function RecordReviewForm({
  threatId,
  review,
  nextReviewHint,
  save,
}: {
  threatId: string;
  review: RecordReviewInput;
  /** e.g. "Proposed from the 28-day cadence for tier 2 threats. For example, 27 3 2026". */
  nextReviewHint: string;
  save: (input: RecordReviewInput) => Promise<FormState<{ reviewId: string; threatId: string }>>;
}) {
  const router = useRouter();
  const { form, onSubmit } = useServerForm({
    schema: recordReviewSchema,
    defaultValues: review,
    // The latest render's plan version and time seen, which a refresh after a refusal updates.
    save: async (input) => {
      const state = await save({ ...input, planId: review.planId, version: review.version, seenAt: review.seenAt });
      if (state.status === 'error' && state.code === 'CONFLICT') router.refresh();
      return state;
    },
    successHref: () => `/threats/${threatId}/plan?saved=reviewed`,
  });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Radios
          name="outcome"
          legend="Outcome"
          legendClassName="govuk-fieldset__legend--m"
          items={REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, text: REVIEW_OUTCOME_LABELS[outcome], hint: OUTCOME_HINTS[outcome] }))}
        />
        <Textarea
          name="comments"
          label="Comments"
          labelClassName="govuk-label--m"
          hint="The LRO reads these on their plan. If changes are required or you are escalating the plan, say what must change."
          rows={6}
        />
        <DateInput name="nextReviewDue" legend="Next review date" legendClassName="govuk-fieldset__legend--m" hint={nextReviewHint} />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record review
          </Button>
          <Link className="govuk-link" href="/reviews">
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
