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

export const HANDOVER_NOTE_MESSAGE = 'Enter a handover note for the new LRO';

/**
 * Replacing one LRO with another is a handover (issue 5, item 3): the incoming LRO is shown the
 * note, the open actions and the flags they inherit, so the note is required. Appointing an LRO
 * to a threat that has none, or removing the LRO, hands nothing over to anybody.
 */
export function isHandover(currentLeadResponsibleOfficerId: string | null, wantedLeadResponsibleOfficerId: string): boolean {
  const wanted = wantedLeadResponsibleOfficerId.trim();
  return currentLeadResponsibleOfficerId !== null && wanted !== '' && wanted !== NO_OFFICER && wanted !== currentLeadResponsibleOfficerId;
}

/**
 * The form's schema: assignLroSchema plus the handover note, required when the LRO the page was
 * opened with is being replaced. The action checks the same against the threat as saved.
 */
export function assignLroFormSchema(currentLeadResponsibleOfficerId: string | null) {
  return assignLroSchema.superRefine((value, ctx) => {
    if (isHandover(currentLeadResponsibleOfficerId, value.leadResponsibleOfficerId) && !value.handoverNote) {
      ctx.addIssue({ code: 'custom', path: ['handoverNote'], message: HANDOVER_NOTE_MESSAGE });
    }
  });
}

/** The incoming LRO says they have read what was handed over to them. */
export const acknowledgeHandoverSchema = z.object({ assignmentId: z.string().trim().min(1).max(64) }).strict();

export type AcknowledgeHandoverInput = z.input<typeof acknowledgeHandoverSchema>;
