import { z } from 'zod';

/** The choice that removes the LRO or the deputy ("No LRO", "No deputy"). */
export const NO_OFFICER = 'none';

export const SAME_OFFICER_MESSAGE = 'The deputy must be a different officer from the LRO';

/**
 * Assigning or replacing a threat's LRO and deputy. Shared by the form (browser) and the action
 * (server). Each officer field is a user id or NO_OFFICER. `confirmWarnings` is sent once the
 * manager has seen the warnings (training, caseload) and chosen to assign anyway.
 */
export const assignLroSchema = z
  .object({
    threatId: z.string().min(1),
    version: z.coerce.number().int().min(1),
    leadResponsibleOfficerId: z.string({ error: 'Select the LRO, or No LRO' }).trim().min(1, 'Select the LRO, or No LRO'),
    deputyId: z.string({ error: 'Select the deputy, or No deputy' }).trim().min(1, 'Select the deputy, or No deputy'),
    handoverNote: z.string().trim().max(1000, 'Handover note must be 1000 characters or fewer').optional(),
    // A plain form post sends "true"; the client form sends a boolean.
    confirmWarnings: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .optional()
      .transform((value) => value === true || value === 'true'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const lro = value.leadResponsibleOfficerId;
    if (lro && lro !== NO_OFFICER && lro === value.deputyId) {
      ctx.addIssue({ code: 'custom', path: ['deputyId'], message: SAME_OFFICER_MESSAGE });
    }
  });

export type AssignLroInput = z.input<typeof assignLroSchema>;
