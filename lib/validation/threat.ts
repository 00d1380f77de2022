import { z } from 'zod';
import { THREAT_AREAS, THREAT_STATUSES, THREAT_TYPES } from '@/lib/domain/vocabulary';

/** The longest "what to look out for" a frontline briefing carries. */
export const LOOK_OUT_FOR_MAX = 2000;

/** Editing a threat's master-list details. Shared by the form (browser) and the action (server). */
export const updateThreatSchema = z
  .object({
    threatId: z.string().min(1),
    version: z.coerce.number().int().min(1),
    name: z.string().trim().min(1, 'Enter the threat name').max(120, 'Threat name must be 120 characters or fewer'),
    type: z.enum(THREAT_TYPES, { error: 'Select the threat type' }),
    tier: z.coerce
      .number({ error: 'Select the tier' })
      .int('Select the tier')
      .min(1, 'Select the tier')
      .max(5, 'Select the tier'),
    // A checkbox group arrives as nothing, one value or several.
    areas: z.preprocess(
      (v) => (v === undefined || v === '' || v === false || v === null ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(THREAT_AREAS, { error: 'Select a threat area from the list' })).min(1, 'Select at least one threat area'),
    ),
    status: z.enum(THREAT_STATUSES, { error: 'Select the status' }),
    archivedReason: z.string().trim().max(500, 'Reason for archiving must be 500 characters or fewer').optional(),
    // For the frontline briefing; not intelligence. Left out, it is left as it is.
    lookOutFor: z.string().trim().max(LOOK_OUT_FOR_MAX, `What frontline officers should look out for must be ${LOOK_OUT_FOR_MAX} characters or fewer`).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status === 'ARCHIVED' && !value.archivedReason) {
      ctx.addIssue({ code: 'custom', path: ['archivedReason'], message: 'Enter the reason for archiving the threat' });
    }
  });

export type UpdateThreatInput = z.input<typeof updateThreatSchema>;
