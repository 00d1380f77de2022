import { formatDateTime } from '@/lib/domain/dates';
import { describeEvent, NOT_SET } from './describe-event';
import { MultilineText } from '@/components/plans/multiline-text';

export type TimelineEvent = {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  actorRank: string | null;
  before: unknown;
  after: unknown;
};

/** A value in a "changed from … to …" sentence: quoted (in the text, so it copies and prints), unless there was none. */
function Value({ text }: { text: string }) {
  return <>{text === NOT_SET ? 'not set' : `“${text}”`}</>;
}

/**
 * A plan's history as an MoJ timeline (https://design-patterns.service.justice.gov.uk/components/timeline/):
 * what happened, who did it, when (Europe/London), and for an edit each field's before and after.
 */
export function HistoryTimeline({ events, headingLevel = 2 }: { events: TimelineEvent[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="moj-timeline">
      {events.map((event) => {
        const described = describeEvent(event);
        const who = event.actorName ? [event.actorRank, event.actorName].filter(Boolean).join(' ') : 'Quadrant (system)';
        return (
          <div className="moj-timeline__item" key={event.id}>
            <div className="moj-timeline__header">
              <Heading className="moj-timeline__title">{described.title}</Heading>
              <p className="moj-timeline__byline">by {who}</p>
            </div>
            <p className="moj-timeline__date">
              <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
            </p>
            <div className="moj-timeline__description">
              {described.summary ? <p className="govuk-body">{described.summary}</p> : null}
              {described.changes.length ? (
                <ul className="govuk-list govuk-list--bullet">
                  {described.changes.map((change) => (
                    <li key={change.label}>
                      {change.label} changed from <Value text={change.from} /> to <Value text={change.to} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {described.details.length ? (
                <dl className="govuk-summary-list govuk-summary-list--no-border">
                  {described.details.map((detail) => (
                    <div className="govuk-summary-list__row" key={detail.label}>
                      <dt className="govuk-summary-list__key">{detail.label}</dt>
                      <dd className="govuk-summary-list__value">
                        <MultilineText text={detail.value} className="govuk-body govuk-!-margin-bottom-1" />
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
