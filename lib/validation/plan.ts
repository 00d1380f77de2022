import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { ENGAGEMENT_KINDS, STRANDS } from '@/lib/domain/vocabulary';

// The 4P plan's forms: shared by the browser (react-hook-form's resolver) and the server actions
// (lib/services/plans.ts), so both refuse the same input with the same GOV.UK messages.

export const PLAN_OWNER_KINDS = ['USER', 'ORGANISATION'] as const;
export type PlanOwnerKind = (typeof PLAN_OWNER_KINDS)[number];

const id = z.string().min(1);
const version = z.coerce.number().int().min(1);

/** Free text: trimmed, and at most `max` characters. Required unless told. */
function text(label: string, max: number, enterMessage?: string) {
  const tooLong = `${label} must be ${max} characters or fewer`;
  if (!enterMessage) return z.string().trim().max(max, tooLong).optional().default('');
  return z.string({ error: enterMessage }).trim().min(1, enterMessage).max(max, tooLong);
}

export const createPlanSchema = z.object({ threatId: id }).strict();
export type CreatePlanInput = z.input<typeof createPlanSchema>;

/**
 * Plan details: intelligence gaps and the plan owner, who is an officer or a partner
 * organisation (DESIGN.md: "plan owner (may be a partner)"). `version` is the plan's version as
 * the editor saw it: a save from an older version is refused (no lost updates).
 */
export const updatePlanDetailsSchema = z
  .object({
    planId: id,
    version,
    intelligenceGaps: text('Intelligence gaps', 5000),
    ownerKind: z.enum(PLAN_OWNER_KINDS, { error: 'Select who owns the plan' }),
    ownerUserId: z.string().trim().optional().default(''),
    ownerOrganisationId: z.string().trim().optional().default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.ownerKind === 'USER' && !value.ownerUserId) {
      ctx.addIssue({ code: 'custom', path: ['ownerUserId'], message: 'Select the officer who owns the plan' });
    }
    if (value.ownerKind === 'ORGANISATION' && !value.ownerOrganisationId) {
      ctx.addIssue({ code: 'custom', path: ['ownerOrganisationId'], message: 'Select the partner organisation that owns the plan' });
    }
  });
export type UpdatePlanDetailsInput = z.input<typeof updatePlanDetailsSchema>;

const objectiveFields = {
  strand: z.enum(STRANDS, { error: 'Select the strand' }),
  title: text('Objective', 300, 'Enter the objective'),
  successMeasure: text('Success measure', 1000, 'Enter how success will be measured'),
};

export const createObjectiveSchema = z.object({ planId: id, ...objectiveFields }).strict();
export type CreateObjectiveInput = z.input<typeof createObjectiveSchema>;

/**
 * `lastUpdatedAt` is the objective's `updatedAt` as the editor saw it (ISO): objectives carry no
 * version column, so their last change time guards against lost updates instead.
 */
export const updateObjectiveSchema = z.object({ objectiveId: id, lastUpdatedAt: z.string().min(1), ...objectiveFields }).strict();
export type UpdateObjectiveInput = z.input<typeof updateObjectiveSchema>;

export const activatePlanSchema = z.object({ planId: id, version }).strict();
export type ActivatePlanInput = z.input<typeof activatePlanSchema>;

/** Closing a plan asks for the closure debrief (issue 3, "Closure"): every part is required. */
export const closePlanSchema = z
  .object({
    planId: id,
    version,
    outcome: text('Outcome', 5000, 'Enter the outcome of the plan'),
    whatWorked: text('What worked', 5000, 'Enter what worked'),
    learning: text('Learning to share', 5000, 'Enter the learning to share'),
  })
  .strict();
export type ClosePlanInput = z.input<typeof closePlanSchema>;

export const recordEngagementSchema = z
  .object({
    planId: id,
    partnerOrganisationId: z.string({ error: 'Select the partner organisation' }).trim().min(1, 'Select the partner organisation'),
    // An engagement is recorded after it happened: a date in the future is a typing mistake.
    engagedOn: datePartsSchema('date of engagement').refine((date) => !date || date <= londonDateKey(new Date()), 'Date of engagement must be today or in the past'),
    kind: z.enum(ENGAGEMENT_KINDS, { error: 'Select the kind of engagement' }),
    summary: text('Summary', 2000, 'Enter a summary of the engagement'),
  })
  .strict();
export type RecordEngagementInput = z.input<typeof recordEngagementSchema>;
