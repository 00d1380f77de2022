import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { REVIEW_OUTCOMES } from '@/lib/domain/vocabulary';

// A manager's review of a 4P plan (lib/services/reviews.ts): shared by the browser and the server
// action. The latest next review date depends on the threat's tier, so the action checks that.

const COMMENTS_MAX = 5000;

/**
 * `version` and `seenAt` (ISO) say which plan the reviewer read: the plan's version and the moment
 * the review page was rendered. A plan changed after that is not reviewed unseen.
 */
export const recordReviewSchema = z
  .object({
    planId: z.string().min(1),
    version: z.coerce.number().int().min(1),
    seenAt: z.string().min(1),
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Select an outcome' }),
    comments: z
      .string({ error: 'Enter your comments' })
      .trim()
      .min(1, 'Enter your comments')
      .max(COMMENTS_MAX, `Comments must be ${COMMENTS_MAX} characters or fewer`),
    // The date the server compares with is London's today, as the rules count days.
    nextReviewDue: datePartsSchema('next review date').refine((date) => !date || date > londonDateKey(new Date()), 'Next review date must be in the future'),
  })
  .strict();
export type RecordReviewInput = z.input<typeof recordReviewSchema>;
