import Link from 'next/link';
import { paginationItems } from './pagination-items';

type QueryValue = string | number | string[] | undefined | null;

type HrefOptions =
  /** Builds each page's address, e.g. (n) => `/threats?status=ACTIVE&page=${n}`. */
  | { hrefForPage: (page: number) => string; basePath?: never; query?: never; pageParam?: never }
  /** The list's path and its other query parameters (filters, sort), kept on every page link. */
  | { hrefForPage?: never; basePath: string; query?: Record<string, QueryValue>; pageParam?: string };

export type PaginationProps = HrefOptions & {
  /** The current page, 1-based. */
  page: number;
  pageCount: number;
  landmarkLabel?: string;
};

function hrefBuilder(options: HrefOptions): (page: number) => string {
  if (options.hrefForPage) return options.hrefForPage;
  const { basePath, query = {}, pageParam = 'page' } = options;
  return (page) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === pageParam || value === undefined || value === null || value === '') continue;
      for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
    }
    // Page 1 has no page parameter, so each page has one address.
    if (page > 1) params.set(pageParam, String(page));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
}

function PreviousIcon() {
  return (
    <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
    </svg>
  );
}

function NextIcon() {
  return (
    <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
    </svg>
  );
}

/**
 * GOV.UK pagination (https://design-system.service.gov.uk/components/pagination/): previous and
 * next links and numbered pages with ellipses. Renders nothing when there is one page or none.
 * Links are not prefetched: every page of a list is rendered per request, so prefetching each
 * would make the server render pages nobody asked for.
 */
export function Pagination({ page, pageCount, landmarkLabel = 'Pagination', ...hrefOptions }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const hrefFor = hrefBuilder(hrefOptions as HrefOptions);
  const items = paginationItems(current, pageCount);

  return (
    <nav className="govuk-pagination" aria-label={landmarkLabel}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" href={hrefFor(current - 1)} rel="prev" prefetch={false}>
            <PreviousIcon />
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {items.map((item, index) =>
          item === 'ellipsis' ? (
            <li key={`ellipsis-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              {'\u22EF'}
            </li>
          ) : (
            <li
              key={item}
              className={`govuk-pagination__item${item === current ? ' govuk-pagination__item--current' : ''}`}
            >
              <Link
                className="govuk-link govuk-pagination__link"
                href={hrefFor(item)}
                prefetch={false}
                aria-label={`Page ${item}`}
                aria-current={item === current ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" href={hrefFor(current + 1)} rel="next" prefetch={false}>
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <NextIcon />
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
