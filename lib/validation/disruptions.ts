import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { STRANDS } from '@/lib/domain/vocabulary';

// Disruptions of a threat (issue 6, "Disruptions"; lib/services/disruptions.ts): shared by the
// browser (react-hook-form's resolver) and the server actions, so both refuse the same input with
// the same GOV.UK messages. Whether the lead agency is a force, ROCU or partner only the action
// can tell (it reads the organisation).

export const DISRUPTION_CATEGORIES = ['MAJOR', 'MODERATE', 'MINOR', 'NONE', 'NEGATIVE'] as const;
export type DisruptionCategory = (typeof DISRUPTION_CATEGORIES)[number];
export const DISRUPTION_CATEGORY_LABELS: Record<DisruptionCategory, string> = {
  MAJOR: 'Major',
  MODERATE: 'Moderate',
  MINOR: 'Minor',
  NONE: 'None',
  NEGATIVE: 'Negative',
};

export const DISRUPTION_ROLES = ['LEAD', 'SUPPORTING'] as const;
export type DisruptionRole = (typeof DISRUPTION_ROLES)[number];
export const DISRUPTION_ROLE_LABELS: Record<DisruptionRole, string> = { LEAD: 'Lead', SUPPORTING: 'Supporting' };

export const DESCRIPTION_MAX = 2000;
export const APMIS_REFERENCE_MAX = 40;
/** Letters and numbers, with hyphens or slashes between them: "APM-2026-001234", "WY/26/0042". */
export const APMIS_REFERENCE_PATTERN = /^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*$/;

/** The APMIS reference as typed: optional; trimmed and upper-cased; '' when there is none. */
const apmisReference = z
  .string()
  .trim()
  .max(APMIS_REFERENCE_MAX, `APMIS reference must be ${APMIS_REFERENCE_MAX} characters or fewer`)
  .refine((value) => value === '' || APMIS_REFERENCE_PATTERN.test(value), 'APMIS reference must only include letters, numbers, hyphens and slashes')
  .transform((value) => value.toUpperCase())
  .optional()
  .default('');

const fields = {
  // A disruption is recorded once it has happened: a date in the future is a typing mistake.
  disruptedOn: datePartsSchema('date of the disruption').refine((date) => !date || date <= londonDateKey(new Date()), 'Date of the disruption must be today or in the past'),
  strand: z.enum(STRANDS, { error: 'Select the strand' }),
  category: z.enum(DISRUPTION_CATEGORIES, { error: 'Select the category' }),
  role: z.enum(DISRUPTION_ROLES, { error: 'Select whether the disruption was led or supported' }),
  leadAgencyId: z.string({ error: 'Select the lead agency' }).trim().min(1, 'Select the lead agency'),
  description: z
    .string({ error: 'Enter a description of the disruption' })
    .trim()
    .min(1, 'Enter a description of the disruption')
    .max(DESCRIPTION_MAX, `Description must be ${DESCRIPTION_MAX} characters or fewer`),
  apmisReference,
};

export const recordDisruptionSchema = z.object({ threatId: z.string().min(1), ...fields }).strict();
export type RecordDisruptionInput = z.input<typeof recordDisruptionSchema>;

/**
 * `lastUpdatedAt` is the disruption's `updatedAt` as the editor saw it (ISO): disruptions carry no
 * version column, so the time of their last change guards against two people overwriting each other.
 */
export const updateDisruptionSchema = z.object({ disruptionId: z.string().min(1), lastUpdatedAt: z.string().min(1), ...fields }).strict();
export type UpdateDisruptionInput = z.input<typeof updateDisruptionSchema>;
