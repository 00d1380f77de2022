import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewOutcomeTag, ReviewStateTag } from '@/components/reviews/review-tags';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { countReviewQueue, listReviewQueue } from '@/lib/db/reviews';
import { formatDate } from '@/lib/domain/dates';
import { REVIEW_DUE_WITHIN_DAYS } from '@/lib/domain/review-diff';

export const metadata: Metadata = { title: 'Reviews' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The manager's review queue: the active plans they may review that are overdue, due within 14
 * days or never reviewed, oldest due date first; "show all" adds those not yet due, in their place.
 */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ page?: string; show?: string }> }) {
  const user = await requireVerb('plan:review');
  const { page, show } = await searchParams;
  const includeUpcoming = show === 'all';
  const now = new Date();
  const [counts, list] = await Promise.all([countReviewQueue(user, now), listReviewQueue(user, now, { page: Number(page) || 1, includeUpcoming })]);

  const tiles = [
    { count: counts.overdue, label: 'overdue' },
    { count: counts.due, label: `due within ${REVIEW_DUE_WITHIN_DAYS} days` },
    { count: counts.neverReviewed, label: 'never reviewed' },
  ];

  return (
    <>
      <h1 className="govuk-heading-l">Reviews</h1>
      <p className="govuk-body">
        Active 4P plans you can review, the oldest due date first. Plans of threats you hold as LRO or deputy are reviewed by another manager, so they
        are not listed here.
      </p>

      <h2 className="govuk-heading-m">Plans to review</h2>
      <ul className="govuk-grid-row govuk-list app-review-counts">
        {tiles.map((tile) => (
          <li className="govuk-grid-column-one-third" key={tile.label}>
            <span className="govuk-heading-xl govuk-!-margin-bottom-1">{tile.count}</span>
            <span className="govuk-body">{tile.label}</span>
          </li>
        ))}
      </ul>

      <p className="govuk-body">
        {includeUpcoming ? (
          <>
            Showing every plan you can review, including {plural(counts.upcoming, 'plan')} not due for more than {REVIEW_DUE_WITHIN_DAYS} days.{' '}
            <Link className="govuk-link" href="/reviews" prefetch={false}>
              Show only plans overdue, due or never reviewed
            </Link>
          </>
        ) : (
          <>
            Showing plans overdue, due within {REVIEW_DUE_WITHIN_DAYS} days or never reviewed.{' '}
            {counts.upcoming > 0 ? (
              <Link className="govuk-link" href="/reviews?show=all" prefetch={false}>
                Show all plans, including {plural(counts.upcoming, 'plan')} not due yet
              </Link>
            ) : null}
          </>
        )}
      </p>

      {list.total === 0 ? (
        <p className="govuk-body">{includeUpcoming ? 'There are no active plans for you to review.' : 'No plans are due for review.'}</p>
      ) : (
        <>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Review queue table">
            <Table
              caption={`Review queue: ${plural(list.total, 'plan')}, oldest due date first`}
              captionSize="s"
              head={[{ text: 'Threat' }, { text: 'Tier', isNumeric: true }, { text: 'LRO' }, { text: 'Last review' }, { text: 'Review due' }, { text: 'Status' }]}
              rows={list.rows.map((row) => ({
                key: row.planId,
                cells: [
                  <>
                    <Link className="govuk-link" href={`/reviews/${row.planId}`} prefetch={false}>
                      <span className="govuk-!-font-weight-bold">{row.urn}</span> {row.threatName}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{row.organisationName}</span>
                  </>,
                  { content: row.tier, isNumeric: true },
                  row.leadResponsibleOfficerName ?? 'No LRO',
                  row.lastReviewedAt && row.lastOutcome ? (
                    <>
                      {formatDate(row.lastReviewedAt, 'short')}
                      <br />
                      <ReviewOutcomeTag outcome={row.lastOutcome} />
                    </>
                  ) : (
                    'Never'
                  ),
                  row.dueOn ? formatDate(row.dueOn, 'short') : 'Not set',
                  <ReviewStateTag key="state" state={row.state} />,
                ],
              }))}
            />
          </div>
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/reviews" query={{ show: includeUpcoming ? 'all' : undefined }} landmarkLabel="Review queue pages" />
        </>
      )}
    </>
  );
}
