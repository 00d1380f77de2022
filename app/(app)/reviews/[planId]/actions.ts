'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordReview } from '@/lib/services/reviews';
import type { RecordReviewInput } from '@/lib/validation/reviews';

// The review page's one write, through authedAction (lib/services/reviews.ts).

const runRecordReview = authedAction(recordReview);

export async function recordReviewAction(input: RecordReviewInput) {
  return runRecordReview(input);
}
