import { MultilineText } from '@/components/plans/multiline-text';
import { STRAND_PURPOSES } from '@/components/plans/strand-section';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { formatDate, formatDateTime } from '@/lib/domain/dates';
import { ACTION_STATUS_LABELS, REVIEW_OUTCOME_LABELS, STRAND_LABELS, type ActionStatus, type ReviewOutcome, type Strand } from '@/lib/domain/vocabulary';

export type PrintAction = {
  id: string;
  strand: Strand;
  objectiveId: string | null;
  description: string;
  ownerUserName: string | null;
  ownerOrganisationName: string | null;
  ownerContactName: string | null;
  dueOn: Date | null;
  status: ActionStatus;
  latestUpdate: { note: string; authorName: string; createdAt: Date } | null;
};

export type PrintObjective = { id: string; strand: Strand; title: string; successMeasure: string };

export type PrintReview = { id: string; reviewedAt: Date; reviewerName: string; outcome: ReviewOutcome; comments: string; nextReviewDue: Date };

function ownerText(action: PrintAction): string {
  if (action.ownerUserName) return action.ownerOrganisationName ? `${action.ownerUserName} (${action.ownerOrganisationName})` : action.ownerUserName;
  if (action.ownerOrganisationName) return action.ownerContactName ? `${action.ownerOrganisationName} (${action.ownerContactName})` : action.ownerOrganisationName;
  return 'No owner';
}

function ActionsTable({ caption, actions }: { caption: string; actions: PrintAction[] }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Status' }, { text: 'Latest update' }]}
      rows={actions.map((action) => ({
        key: action.id,
        cells: [
          action.description,
          ownerText(action),
          action.dueOn ? formatDate(action.dueOn, 'short') : 'No due date',
          ACTION_STATUS_LABELS[action.status],
          action.latestUpdate ? (
            <>
              <MultilineText text={action.latestUpdate.note} className="govuk-body-s govuk-!-margin-bottom-1" />
              <span className="govuk-body-s">
                {action.latestUpdate.authorName}, {formatDateTime(action.latestUpdate.createdAt)}
              </span>
            </>
          ) : (
            'No update recorded'
          ),
        ],
      }))}
      emptyText="No actions."
    />
  );
}

/** One strand of the printed plan: each objective with its success measure and its actions. */
export function PrintStrand({ strand, objectives, actions }: { strand: Strand; objectives: PrintObjective[]; actions: PrintAction[] }) {
  const label = STRAND_LABELS[strand];
  const objectiveIds = new Set(objectives.map((o) => o.id));
  const loose = actions.filter((a) => !a.objectiveId || !objectiveIds.has(a.objectiveId));
  return (
    <section className="app-print-section" aria-labelledby={`print-strand-${strand.toLowerCase()}`}>
      <h2 className="govuk-heading-l govuk-!-margin-bottom-2" id={`print-strand-${strand.toLowerCase()}`}>
        {label}
      </h2>
      <p className="govuk-body">{STRAND_PURPOSES[strand]}</p>
      {objectives.length === 0 ? <p className="govuk-body">No {label} objective has been set.</p> : null}
      {objectives.map((objective, index) => (
        <div className="app-plan-objective govuk-!-margin-bottom-6" key={objective.id}>
          <h3 className="govuk-heading-m govuk-!-margin-bottom-2">
            <span className="govuk-caption-m">
              {label} objective {index + 1}
            </span>
            {objective.title}
          </h3>
          <SummaryList noBorder rows={[{ key: 'Success measure', value: <MultilineText text={objective.successMeasure} className="govuk-body govuk-!-margin-bottom-0" /> }]} />
          <ActionsTable caption={`Actions of ${label} objective ${index + 1}`} actions={actions.filter((a) => a.objectiveId === objective.id)} />
        </div>
      ))}
      {loose.length ? <ActionsTable caption={`${label} actions without an objective`} actions={loose} /> : null}
    </section>
  );
}

/** The plan's reviews, newest first: the last few in full, with the count of the rest. */
export function PrintReviews({ reviews, shown = 5 }: { reviews: PrintReview[]; shown?: number }) {
  return (
    <section className="app-print-section" aria-labelledby="print-reviews">
      <h2 className="govuk-heading-l" id="print-reviews">
        Reviews
      </h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">This plan has not been reviewed.</p>
      ) : (
        <>
          <Table
            caption={reviews.length > shown ? `The latest ${shown} of ${reviews.length} reviews` : `Reviews (${reviews.length}), newest first`}
            captionSize="s"
            head={[{ text: 'Reviewed' }, { text: 'Reviewer' }, { text: 'Outcome' }, { text: 'Comments' }, { text: 'Next review due' }]}
            rows={reviews.slice(0, shown).map((review) => ({
              key: review.id,
              cells: [
                formatDate(review.reviewedAt, 'short'),
                review.reviewerName,
                REVIEW_OUTCOME_LABELS[review.outcome],
                <MultilineText key="comments" text={review.comments || 'No comments'} className="govuk-body-s govuk-!-margin-bottom-0" />,
                formatDate(review.nextReviewDue, 'short'),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

