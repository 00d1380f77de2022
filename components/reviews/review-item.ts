import type { ReviewOutcome } from '@/lib/domain/vocabulary';

/** A review as the review components show it (lib/db/reviews.ts ReviewSummary fits). */
export type ReviewItem = {
  id: string;
  reviewedAt: Date;
  reviewerName: string;
  outcome: ReviewOutcome;
  comments: string;
  nextReviewDue: Date;
};
