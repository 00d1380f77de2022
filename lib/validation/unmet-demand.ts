import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { CAPABILITIES_NEEDED, SHORTFALLS } from '@/lib/domain/vocabulary';

// Unmet demand on a threat (lib/services/unmet-demand.ts): "a SOC threat cannot be appropriately
// tackled due to a shortfall in capacity or capability" (NCA guidance, June 2024). Shared by the
// browser (react-hook-form's resolver) and the server actions, so both refuse the same input with
// the same GOV.UK messages. On an update the date raised is the record's: the action checks the
// dates against it.

export const UNMET_DEMAND_DEFINITION =
  'Unmet demand is where a SOC threat cannot be appropriately tackled due to a shortfall in capacity or capability (NCA guidance, June 2024).';

const DESCRIPTION_MAX = 2000;
const ESCALATED_TO_MAX = 200;
const YES_NO = ['yes', 'no'] as const;

const notFuture = (date: string | null) => !date || date <= londonDateKey(new Date());

/** Escalated to, when, resolved and APMIS: recorded at first, changed by "Update" later. */
const progressFields = {
  escalatedTo: z
    .string()
    .trim()
    .max(ESCALATED_TO_MAX, `Escalated to must be ${ESCALATED_TO_MAX} characters or fewer`)
    .optional()
    .default(''),
  escalatedOn: datePartsSchema('date escalated', { required: false }).refine(notFuture, 'Date escalated must be today or in the past'),
  resolvedOn: datePartsSchema('date resolved', { required: false }).refine(notFuture, 'Date resolved must be today or in the past'),
  apmisRecorded: z.enum(YES_NO, { error: 'Select yes if the unmet demand is recorded on APMIS' }),
};

type Progress = { escalatedTo: string; escalatedOn: string | null; resolvedOn: string | null };

/** An escalation date needs someone it was escalated to. */
function checkEscalation(value: Progress, ctx: z.RefinementCtx) {
  if (value.escalatedOn && !value.escalatedTo) {
    ctx.addIssue({ code: 'custom', path: ['escalatedTo'], message: 'Enter who the unmet demand was escalated to' });
  }
}

/** Problems with the dates against the date raised (YYYY-MM-DD keys), by field. */
export function datesAgainstRaised(raisedOn: string, value: { escalatedOn: string | null; resolvedOn: string | null }): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (value.escalatedOn && value.escalatedOn < raisedOn) problems.escalatedOn = ['Date escalated must be the same as or after the date raised'];
  if (value.resolvedOn && value.resolvedOn < raisedOn) problems.resolvedOn = ['Date resolved must be the same as or after the date raised'];
  return problems;
}

export const recordUnmetDemandSchema = z
  .object({
    threatId: z.string().min(1),
    shortfall: z.enum(SHORTFALLS, { error: 'Select whether the shortfall is in capacity or capability' }),
    capabilityNeeded: z.enum(CAPABILITIES_NEEDED, { error: 'Select the capability needed' }),
    description: z
      .string({ error: 'Enter a description of the unmet demand' })
      .trim()
      .min(1, 'Enter a description of the unmet demand')
      .max(DESCRIPTION_MAX, `Description must be ${DESCRIPTION_MAX} characters or fewer`),
    raisedOn: datePartsSchema('date raised').refine(notFuture, 'Date raised must be today or in the past'),
    ...progressFields,
  })
  .strict()
  .superRefine((value, ctx) => {
    checkEscalation(value, ctx);
    if (!value.raisedOn) return;
    for (const [path, messages] of Object.entries(datesAgainstRaised(value.raisedOn, value))) {
      for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
export type RecordUnmetDemandInput = z.input<typeof recordUnmetDemandSchema>;

/**
 * The record as the update page showed it: the update is made only if it still stands so (the
 * model has no version column), and otherwise refused, so nothing is silently overwritten.
 * Dates are the stored instants as ISO strings.
 */
const seenSchema = z
  .object({
    createdAt: z.iso.datetime(),
    escalatedTo: z.string().nullable(),
    escalatedOn: z.iso.datetime().nullable(),
    resolvedOn: z.iso.datetime().nullable(),
    apmisRecorded: z.boolean(),
  })
  .strict();
export type SeenUnmetDemand = z.infer<typeof seenSchema>;

export const updateUnmetDemandSchema = z
  .object({
    unmetDemandId: z.string().min(1),
    seen: seenSchema,
    ...progressFields,
  })
  .strict()
  .superRefine(checkEscalation);
export type UpdateUnmetDemandInput = z.input<typeof updateUnmetDemandSchema>;
