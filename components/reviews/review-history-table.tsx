import { Table } from '@/components/ui/table';
import { MultilineText } from '@/components/plans/multiline-text';
import { formatDate } from '@/lib/domain/dates';
import { ReviewOutcomeTag } from './review-tags';
import type { ReviewItem } from './review-item';

/** Reviews of a plan, newest first: date, outcome, reviewer and comments. */
export function ReviewHistoryTable({ reviews, caption }: { reviews: ReviewItem[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="m"
      head={[{ text: 'Date' }, { text: 'Outcome' }, { text: 'Reviewed by' }, { text: 'Comments' }, { text: 'Next review set for' }]}
      rows={reviews.map((review) => ({
        key: review.id,
        cells: [
          formatDate(review.reviewedAt, 'short'),
          <ReviewOutcomeTag key="outcome" outcome={review.outcome} />,
          review.reviewerName,
          <MultilineText key="comments" text={review.comments} className="govuk-body-s govuk-!-margin-bottom-1" />,
          formatDate(review.nextReviewDue, 'short'),
        ],
      }))}
    />
  );
}
