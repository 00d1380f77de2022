import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { CONFIDENCES, MORILE_PRIORITIES, scoreProblem } from '@/lib/domain/morile';

// MoRiLE assessments (lib/services/morile.ts): shared by the browser (react-hook-form's resolver)
// and the server actions, so both refuse the same input with the same GOV.UK messages. The date
// must also be on or after the threat's mapping, which only the action knows.

const NOTES_MAX = 2000;
const TIERS = ['1', '2', '3', '4', '5'] as const;

/** A harm or likelihood score as typed: a whole number from 1 to 5 (lib/domain/morile.ts). */
function score(label: string) {
  return z
    .string({ error: `Enter the ${label}` })
    .superRefine((value, ctx) => {
      const problem = scoreProblem(value, label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => Number(value.trim()));
}

export const recordAssessmentSchema = z
  .object({
    threatId: z.string().min(1),
    // An assessment is recorded once it is made: a date in the future is a typing mistake.
    assessedOn: datePartsSchema('date assessed').refine((date) => !date || date <= londonDateKey(new Date()), 'Date assessed must be today or in the past'),
    harm: score('harm score'),
    likelihood: score('likelihood score'),
    confidence: z.enum(CONFIDENCES, { error: 'Select the confidence in the assessment' }),
    priority: z.enum(MORILE_PRIORITIES, { error: 'Select the priority' }),
    tier: z.enum(TIERS, { error: 'Select the tier' }).transform(Number),
    notes: z
      .string()
      .trim()
      .max(NOTES_MAX, `Notes must be ${NOTES_MAX} characters or fewer`)
      .optional()
      .default(''),
  })
  .strict();
export type RecordAssessmentInput = z.input<typeof recordAssessmentSchema>;

/**
 * `threatVersion` is the threat's version as the moderation page showed it, with the change of
 * tier it described: if the threat changed since, the co-ordinator looks again before confirming.
 */
export const moderateAssessmentSchema = z
  .object({
    assessmentId: z.string().min(1),
    threatVersion: z.coerce.number().int().min(1),
  })
  .strict();
export type ModerateAssessmentInput = z.input<typeof moderateAssessmentSchema>;
