'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

export type ErrorSummaryItem = {
  /** '#' and the id of the field to go to, e.g. '#email' or '#dueDate-day'. */
  href: string;
  text: string;
};

export type ErrorSummaryProps = {
  items: ErrorSummaryItem[];
  title?: ReactNode;
  /** A problem not tied to one field, e.g. "Too many failed attempts". */
  description?: ReactNode;
  /** Focus moves to the summary when it appears and whenever this changes (e.g. the submit count). */
  focusKey?: string | number;
};

const errorPrefix = 'Error: ';

function isFormControl(element: Element): element is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/**
 * Moves to the field a summary link names, as GOV.UK Frontend does: the field's label (or its
 * fieldset's legend) scrolled into view, then the field focused. A link to a group (a date, a
 * set of radios) goes to the group's first field.
 */
function goToField(event: MouseEvent<HTMLAnchorElement>, href: string) {
  if (!href.startsWith('#')) return;
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  const field = target && (isFormControl(target) ? target : target.querySelector('input, select, textarea'));
  if (!field || !isFormControl(field)) return;
  event.preventDefault();
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
  // Prefer the legend when the field is one of a group (radios, checkboxes, date parts).
  const isInGroup = field.type === 'radio' || field.type === 'checkbox' || field.closest('.govuk-date-input');
  (isInGroup && legend ? legend : (label ?? legend ?? field)).scrollIntoView();
  field.focus({ preventScroll: true });
}

/**
 * GOV.UK error summary (https://design-system.service.gov.uk/components/error-summary/): at the
 * top of the form, role="alert", focused when it appears, one link per error to its field.
 * While it shows, the page title starts "Error: ", as GOV.UK asks.
 */
export function ErrorSummary({ items, title = 'There is a problem', description, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  useEffect(() => {
    if (!document.title.startsWith(errorPrefix)) document.title = `${errorPrefix}${document.title}`;
    return () => {
      if (document.title.startsWith(errorPrefix)) document.title = document.title.slice(errorPrefix.length);
    };
  }, []);

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          {items.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {items.map((item) => (
                <li key={`${item.href} ${item.text}`}>
                  <a href={item.href} onClick={(event) => goToField(event, item.href)}>
                    {item.text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
