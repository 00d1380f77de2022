import { z } from 'zod';
import { datePartsSchema, emptyDateParts, type DateParts } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';

// A co-ordinator records a person's training (issue 5, "Training"): shared by the form and the
// server action (lib/services/training.ts), so both say the same thing in the same words.

export const TRAINING_KINDS = ['LRO_COURSE', 'IMMERSIVE_LEARNING', 'SOC_TACTICAL_ADVISER_INPUT', 'OTHER'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  LRO_COURSE: 'LRO course',
  IMMERSIVE_LEARNING: 'Immersive learning',
  SOC_TACTICAL_ADVISER_INPUT: 'SOC tactical adviser input',
  OTHER: 'Other training',
};

export const TRAINING_NOTE_MAX = 2000;

const noteField = z.preprocess(
  (value) => (value == null ? '' : value),
  z.string().trim().max(TRAINING_NOTE_MAX, `Note must be ${TRAINING_NOTE_MAX} characters or fewer`),
);

/**
 * One training record. The completion date is today or earlier (a course booked for later is not
 * training completed); the expiry date, for training that must be renewed, comes after it. "Other"
 * training needs a note saying what it was. Dates come out as ISO dates ('YYYY-MM-DD'); the
 * server compares with London's today, as the compliance rules count days.
 */
export const recordTrainingSchema = z
  .object({
    userId: z.string().trim().min(1),
    kind: z.enum(TRAINING_KINDS, { error: 'Select the kind of training' }),
    completedOn: datePartsSchema('date completed').refine((date) => !date || date <= londonDateKey(new Date()), 'Date completed must be today or in the past'),
    expiresOn: datePartsSchema('expiry date', { required: false }),
    note: noteField,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.completedOn && value.expiresOn && value.expiresOn <= value.completedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Expiry date must be after the date completed' });
    }
    if (value.kind === 'OTHER' && value.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Enter a note saying what the training was' });
    }
  });

export type RecordTrainingInput = z.input<typeof recordTrainingSchema>;

/** What the form holds before anything is typed. */
export function emptyTrainingForm(userId: string): { userId: string; kind: TrainingKind | undefined; completedOn: DateParts; expiresOn: DateParts; note: string } {
  return { userId, kind: undefined, completedOn: { ...emptyDateParts }, expiresOn: { ...emptyDateParts }, note: '' };
}
