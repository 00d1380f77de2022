import { Button } from '@/components/ui/button';
import { SummaryList } from '@/components/ui/summary-list';
import { MultilineText } from '@/components/plans/multiline-text';
import { formatDate } from '@/lib/domain/dates';
import { ReviewHistoryTable } from './review-history-table';
import { ReviewOutcomeTag } from './review-tags';
import type { ReviewItem } from './review-item';

/**
 * The "Reviews" section of a plan page (id "reviews", where the review flags link): the latest
 * review in full, the earlier ones beneath, and "Review this plan" for a manager who may.
 */
export function PlanReviewsSection({
  reviews,
  nextReviewDue,
  reviewHref,
}: {
  /** Newest first. */
  reviews: ReviewItem[];
  nextReviewDue: Date | null;
  /** Where "Review this plan" goes; absent when the user may not review it. */
  reviewHref?: string;
}) {
  const [latest, ...earlier] = reviews;
  return (
    <section aria-labelledby="reviews-heading" id="reviews">
      <h2 className="govuk-heading-l" id="reviews-heading">
        Reviews
      </h2>
      {latest ? (
        <SummaryList
          card={{ title: 'Latest review', headingLevel: 3 }}
          rows={[
            { key: 'Outcome', value: <ReviewOutcomeTag outcome={latest.outcome} /> },
            { key: 'Reviewed by', value: latest.reviewerName },
            { key: 'Date', value: formatDate(latest.reviewedAt) },
            { key: 'Comments', value: <MultilineText text={latest.comments} className="govuk-body govuk-!-margin-bottom-1" /> },
            { key: 'Next review due', value: formatDate(nextReviewDue ?? latest.nextReviewDue) },
          ]}
        />
      ) : (
        <p className="govuk-body">
          This plan has never been reviewed.{nextReviewDue ? ` Its first review is due on ${formatDate(nextReviewDue)}.` : ''}
        </p>
      )}
      {reviewHref ? (
        <Button href={reviewHref} className="app-no-print">
          Review this plan
        </Button>
      ) : null}
      {earlier.length ? <ReviewHistoryTable reviews={earlier} caption={`Earlier reviews (${earlier.length})`} /> : null}
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
    </section>
  );
}
