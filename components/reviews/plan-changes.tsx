import Link from 'next/link';
import { formatDate } from '@/lib/domain/dates';
import type { PlanChange } from '@/lib/domain/review-diff';

type Changes =
  | { kind: 'NEVER_REVIEWED' }
  | { kind: 'UNREADABLE'; lastReviewedAt: Date }
  | { kind: 'CHANGES'; lastReviewedAt: Date; changes: PlanChange[] };

/**
 * "What changed since the last review": the plan compared with the last review's snapshot, one
 * sentence per change. Changes the snapshot does not hold (intelligence gaps, plan owner) show in
 * the plan's history, which `historyHref` links to.
 */
export function PlanChanges({ changes, changedSinceReview, historyHref }: { changes: Changes; changedSinceReview: boolean; historyHref: string }) {
  const history = (
    <Link className="govuk-link" href={historyHref} prefetch={false}>
      the plan&apos;s history
    </Link>
  );
  return (
    <section aria-labelledby="changes-heading">
      <h2 className="govuk-heading-m" id="changes-heading">
        What changed since the last review
      </h2>
      {changes.kind === 'NEVER_REVIEWED' ? <p className="govuk-body">Never reviewed. This is the plan&apos;s first review.</p> : null}
      {changes.kind === 'UNREADABLE' ? (
        <p className="govuk-body">
          The record of the plan at its last review, on {formatDate(changes.lastReviewedAt)}, cannot be read. See {history} for its changes.
        </p>
      ) : null}
      {changes.kind === 'CHANGES' ? (
        changes.changes.length ? (
          <>
            <p className="govuk-body">
              Since the last review on {formatDate(changes.lastReviewedAt)} ({changes.changes.length} {changes.changes.length === 1 ? 'change' : 'changes'}):
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {changes.changes.map((change, index) => (
                <li key={`${change.kind}-${change.subjectId}-${index}`}>{change.sentence}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="govuk-body">
            {changedSinceReview
              ? `The objectives and actions are as they were at the last review on ${formatDate(changes.lastReviewedAt)}, but the plan's details have changed since. `
              : `Nothing has changed in the objectives and actions since the last review on ${formatDate(changes.lastReviewedAt)}. `}
            See {history} for every change.
          </p>
        )
      ) : null}
    </section>
  );
}
