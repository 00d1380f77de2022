import Link from 'next/link';
import { ReviewStateTag } from '@/components/reviews/review-tags';
import { Table } from '@/components/ui/table';
import { formatDate } from '@/lib/domain/dates';
import type { ReviewQueueState } from '@/lib/domain/review-diff';

export type ReviewQueueItem = {
  planId: string;
  threatId: string;
  urn: string;
  threatName: string;
  leadResponsibleOfficerName: string | null;
  dueOn: Date | null;
  state: ReviewQueueState;
};

export type ReviewQueueCounts = { overdue: number; due: number; neverReviewed: number };

/** A manager's review queue in brief: how many plans wait, by state, and the first few. */
export function ReviewQueueSummary({ counts, rows }: { counts: ReviewQueueCounts; rows: readonly ReviewQueueItem[] }) {
  const waiting = counts.overdue + counts.due + counts.neverReviewed;
  return (
    <>
      <ul className="govuk-list govuk-list--bullet" data-testid="review-counts">
        <li>
          <span className="govuk-!-font-weight-bold">{counts.overdue}</span> overdue
        </li>
        <li>
          <span className="govuk-!-font-weight-bold">{counts.due}</span> due within 14 days
        </li>
        <li>
          <span className="govuk-!-font-weight-bold">{counts.neverReviewed}</span> never reviewed
        </li>
      </ul>
      {rows.length ? (
        <Table
          caption={`The first ${rows.length} of ${waiting} plans to review, oldest due first`}
          captionSize="s"
          head={[{ text: 'Threat' }, { text: 'LRO' }, { text: 'Due' }, { text: 'State' }]}
          rows={rows.map((row) => ({
            key: row.planId,
            cells: [
              <Link key="threat" className="govuk-link" href={`/threats/${row.threatId}/plan#reviews`}>
                {row.urn} {row.threatName}
              </Link>,
              row.leadResponsibleOfficerName ?? 'None appointed',
              formatDate(row.dueOn, 'short') || 'Not set',
              <ReviewStateTag key="state" state={row.state} />,
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No plan is waiting for your review.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href="/reviews">
          Go to the review queue
        </Link>
      </p>
    </>
  );
}
