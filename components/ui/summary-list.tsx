import Link from 'next/link';
import type { ReactNode } from 'react';
import { classNames } from './class-names';

export type SummaryListAction = {
  href: string;
  text: string;
  /** Says what the action is about to screen reader users, e.g. "tier" for "Change tier". */
  visuallyHiddenText?: string;
};

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
};

export type SummaryListProps = {
  rows: SummaryListRow[];
  noBorder?: boolean;
  /** Shows the list as a summary card with this title. */
  card?: { title: ReactNode; headingLevel?: 2 | 3 | 4; actions?: SummaryListAction[] };
  className?: string;
};

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: ReactNode }) {
  const hidden = [action.visuallyHiddenText, cardTitle && typeof cardTitle === 'string' ? `(${cardTitle})` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Link className="govuk-link" href={action.href} prefetch={false}>
      {action.text}
      {hidden ? <span className="govuk-visually-hidden"> {hidden}</span> : null}
    </Link>
  );
}

function Actions({ actions, cardTitle, listClass, itemClass }: { actions: SummaryListAction[]; cardTitle?: ReactNode; listClass: string; itemClass: string }) {
  if (actions.length === 1) return <ActionLink action={actions[0]!} cardTitle={cardTitle} />;
  return (
    <ul className={listClass}>
      {actions.map((action) => (
        <li className={itemClass} key={`${action.href} ${action.text}`}>
          <ActionLink action={action} cardTitle={cardTitle} />
        </li>
      ))}
    </ul>
  );
}

/** GOV.UK summary list (https://design-system.service.gov.uk/components/summary-list/), optionally as a card. */
export function SummaryList({ rows, noBorder = false, card, className }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => row.actions?.length);
  const list = (
    <dl className={classNames('govuk-summary-list', noBorder && 'govuk-summary-list--no-border', className)}>
      {rows.map((row, index) => {
        const hasActions = Boolean(row.actions?.length);
        return (
          <div
            key={index}
            className={classNames('govuk-summary-list__row', anyRowHasActions && !hasActions && 'govuk-summary-list__row--no-actions')}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {hasActions ? (
              <dd className="govuk-summary-list__actions">
                <Actions
                  actions={row.actions!}
                  cardTitle={card?.title}
                  listClass="govuk-summary-list__actions-list"
                  itemClass="govuk-summary-list__actions-list-item"
                />
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );

  if (!card) return list;
  const Heading = `h${card.headingLevel ?? 2}` as const;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{card.title}</Heading>
        {card.actions?.length ? (
          card.actions.length === 1 ? (
            <div className="govuk-summary-card__actions">
              <ActionLink action={card.actions[0]!} cardTitle={card.title} />
            </div>
          ) : (
            <Actions actions={card.actions} cardTitle={card.title} listClass="govuk-summary-card__actions" itemClass="govuk-summary-card__action" />
          )
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{list}</div>
    </div>
  );
}
