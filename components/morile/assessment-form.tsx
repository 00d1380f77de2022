'use client';

import Link from 'next/link';
import { FormProvider, useWatch } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { TextInput } from '@/components/forms/text-input';
import { Button } from '@/components/ui/button';
import { bandTier, CONFIDENCES, MORILE_PRIORITIES, riskScore, scoreProblem, SCORE_MAX, SCORE_MIN, TIER_BANDS } from '@/lib/domain/morile';
import { CONFIDENCE_LABELS, MORILE_PRIORITY_LABELS } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { recordAssessmentSchema, type RecordAssessmentInput } from '@/lib/validation/morile';

/** The risk score as the scores stand, worked out as the assessor types (the action works it out again). */
function RiskScorePreview() {
  const [harm, likelihood] = useWatch<RecordAssessmentInput>({ name: ['harm', 'likelihood'] }) as [unknown, unknown];
  const valid = scoreProblem(harm as string, 'harm score') === null && scoreProblem(likelihood as string, 'likelihood score') === null;
  const score = valid ? riskScore(Number(String(harm).trim()), Number(String(likelihood).trim())) : null;
  return (
    <p className="govuk-body" aria-live="polite" data-testid="risk-score-preview">
      {score === null ? (
        'The risk score is worked out from the harm and likelihood scores when you enter them.'
      ) : (
        <>
          Risk score: <strong>{score}</strong> (harm {String(harm).trim()} multiplied by likelihood {String(likelihood).trim()}), in the tier {bandTier(score)} band.
        </>
      )}
    </p>
  );
}

/**
 * Recording a MoRiLE assessment: the date, harm and likelihood (1 to 5 each; the risk score is
 * their product), confidence, priority, the tier the assessor proposes and notes. A co-ordinator
 * moderates it before the threat's tier follows it.
 */
export function AssessmentForm({
  threatId,
  assessment,
  example,
  save,
}: {
  threatId: string;
  assessment: RecordAssessmentInput;
  /** An example date for the hint, e.g. '27 3 2026'. */
  example: string;
  save: (input: RecordAssessmentInput) => Promise<FormState<{ assessmentId: string; threatId: string }>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: recordAssessmentSchema,
    defaultValues: assessment,
    save: (input) => save({ ...input, threatId }),
    successHref: () => `/threats/${threatId}/morile?saved=assessed`,
  });
  const scale = `A whole number from ${SCORE_MIN} (lowest) to ${SCORE_MAX} (highest)`;

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <DateInput name="assessedOn" legend="Date assessed" legendClassName="govuk-fieldset__legend--m" hint={`For example, ${example}`} />
        <TextInput name="harm" label="Harm score" labelClassName="govuk-label--m" hint={scale} className="govuk-input--width-2" inputMode="numeric" spellCheck={false} />
        <TextInput name="likelihood" label="Likelihood score" labelClassName="govuk-label--m" hint={scale} className="govuk-input--width-2" inputMode="numeric" spellCheck={false} />
        <RiskScorePreview />
        <Radios
          name="confidence"
          legend="Confidence in the assessment"
          legendClassName="govuk-fieldset__legend--m"
          hint="How far the intelligence behind the scores can be relied on"
          items={CONFIDENCES.map((c) => ({ value: c, text: CONFIDENCE_LABELS[c] }))}
        />
        <Radios name="priority" legend="Priority" legendClassName="govuk-fieldset__legend--m" items={MORILE_PRIORITIES.map((p) => ({ value: p, text: MORILE_PRIORITY_LABELS[p] }))} />
        <Radios
          name="tier"
          legend="Tier"
          legendClassName="govuk-fieldset__legend--m"
          hint="Tier 1 is the highest risk. Once a co-ordinator moderates the assessment, the threat takes this tier, and its plan the review cadence of the tier."
          items={TIER_BANDS.map((band) => ({ value: String(band.tier), text: `Tier ${band.tier}`, hint: `Usually a risk score from ${band.low} to ${band.high}` }))}
        />
        <Textarea name="notes" label="Notes (optional)" labelClassName="govuk-label--m" hint="What the assessment rests on, and anything the moderator should know" rows={5} />
        <div className="govuk-button-group">
          {/* Disabled while saving, which stops double submissions; not preventDoubleClick, whose
              one-second lock swallows a quick resubmit after correcting an error. */}
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record assessment
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/morile`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
