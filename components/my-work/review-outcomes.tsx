import Link from 'next/link';
import { ReviewOutcomeTag } from '@/components/reviews/review-tags';
import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import type { ReviewOutcome } from '@/lib/domain/vocabulary';

export type ReviewOutcomeItem = {
  id: string;
  threatId: string;
  urn: string;
  threatName: string;
  reviewedAt: Date;
  reviewerName: string;
  outcome: ReviewOutcome;
  comments: string;
  nextReviewDue: Date;
};

/**
 * The latest review of each plan: those that ask for something (changes required, escalated)
 * first and in full, with the reviewer's comments; the satisfactory ones in a short table.
 */
export function ReviewOutcomes({ reviews, headingLevel = 3 }: { reviews: readonly ReviewOutcomeItem[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const asking = reviews.filter((review) => review.outcome !== 'SATISFACTORY');
  const satisfactory = reviews.filter((review) => review.outcome === 'SATISFACTORY');
  return (
    <>
      {asking.map((review) => (
        <div key={review.id} className="govuk-inset-text" data-testid="review-request">
          <Heading className="govuk-heading-s govuk-!-margin-bottom-2">
            <ReviewOutcomeTag outcome={review.outcome} />{' '}
            <Link className="govuk-link" href={`/threats/${review.threatId}/plan#reviews`}>
              {review.urn} {review.threatName}
            </Link>
          </Heading>
          <p className="govuk-body govuk-!-margin-bottom-2">
            {review.reviewerName}, {formatDate(review.reviewedAt)}: &ldquo;{review.comments}&rdquo;
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">Next review due {formatDate(review.nextReviewDue)}.</p>
        </div>
      ))}
      {satisfactory.length ? (
        <Table
          caption="Plans found satisfactory at their latest review"
          captionSize="s"
          head={[{ text: 'Threat' }, { text: 'Reviewed' }, { text: 'By' }, { text: 'Next review' }]}
          rows={satisfactory.map((review) => ({
            key: review.id,
            cells: [
              <Link key="threat" className="govuk-link" href={`/threats/${review.threatId}/plan#reviews`}>
                {review.urn} {review.threatName}
              </Link>,
              formatDate(review.reviewedAt, 'short'),
              review.reviewerName,
              formatDate(review.nextReviewDue, 'short'),
            ],
          }))}
        />
      ) : null}
    </>
  );
}
