import { formatDateTime } from '@/lib/domain/dates';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/domain/vocabulary';

export type ActionLogItem = {
  id: string;
  note: string;
  statusFrom: ActionStatus | null;
  statusTo: ActionStatus | null;
  authorName: string;
  createdAt: Date;
};

function titleOf(entry: ActionLogItem): string {
  if (entry.statusTo === 'CANCELLED') return 'Action cancelled';
  if (entry.statusTo && entry.statusFrom) return `Status changed from ${ACTION_STATUS_LABELS[entry.statusFrom]} to ${ACTION_STATUS_LABELS[entry.statusTo]}`;
  if (entry.statusTo) return `Status set to ${ACTION_STATUS_LABELS[entry.statusTo]}`;
  return 'Update';
}

/** Text as typed, a paragraph per line (the CSP allows no inline styles for white-space). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, index) => (
          <p className="govuk-body" key={index}>
            {line}
          </p>
        ))}
    </>
  );
}

/**
 * An action's append-only log, newest first (MoJ timeline,
 * https://design-patterns.service.justice.gov.uk/components/timeline/): what changed, who, when.
 */
export function ActionLog({ entries, headingLevel = 3 }: { entries: ActionLogItem[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="moj-timeline">
      {entries.map((entry) => (
        <div className="moj-timeline__item" key={entry.id}>
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">{titleOf(entry)}</Heading>
            <p className="moj-timeline__byline">by {entry.authorName}</p>
          </div>
          <p className="moj-timeline__date">
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          </p>
          <div className="moj-timeline__description">
            <Paragraphs text={entry.note} />
          </div>
        </div>
      ))}
    </div>
  );
}
