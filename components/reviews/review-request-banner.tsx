import { NotificationBanner } from '@/components/ui/notification-banner';
import { formatDate } from '@/lib/domain/dates';
import type { ReviewItem } from './review-item';

/**
 * At the top of a plan whose latest review asked for changes or escalated it: what the reviewer
 * said, addressed to the LRO, until the next review records another outcome.
 */
export function ReviewRequestBanner({ review }: { review: ReviewItem | undefined }) {
  if (!review || review.outcome === 'SATISFACTORY') return null;
  const what = review.outcome === 'ESCALATED' ? 'Escalated' : 'Changes required';
  return (
    <NotificationBanner title="Review outcome" titleId="review-request-title">
      <p className="govuk-notification-banner__heading">
        {what} by {review.reviewerName} on {formatDate(review.reviewedAt)}: {review.comments}
      </p>
      <p className="govuk-body">
        <a className="govuk-notification-banner__link" href="#reviews">
          See the plan&apos;s reviews
        </a>
      </p>
    </NotificationBanner>
  );
}
