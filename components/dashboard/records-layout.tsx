import Link from 'next/link';
import type { ReactNode } from 'react';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Pagination } from '@/components/ui/pagination';

/**
 * A page of the records behind a dashboard figure: breadcrumbs back to the dashboard, what the
 * list holds, the count (which equals the figure clicked), the table and its pages.
 */
export function RecordsLayout({
  title,
  caption,
  description,
  count,
  noun,
  page,
  pageCount,
  pageSize,
  shown,
  basePath,
  query,
  filters,
  children,
}: {
  title: string;
  caption: string;
  description: ReactNode;
  count: number;
  noun: [string, string];
  page: number;
  pageCount: number;
  pageSize: number;
  shown: number;
  basePath: string;
  query: Record<string, string | undefined>;
  filters?: ReactNode;
  children: ReactNode;
}) {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'My work' }, { href: '/dashboard', text: 'Dashboard' }]} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{description}</p>
      {filters}
      <p className="govuk-body govuk-!-font-weight-bold" role="status" data-testid="records-count">
        {count === 0 ? `No ${noun[1]} match.` : `${count} ${count === 1 ? noun[0] : noun[1]}${pageCount > 1 ? `, showing ${first} to ${last}` : ''}`}
      </p>
      {count > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`${title} table`}>
          {children}
        </div>
      ) : null}
      <Pagination page={page} pageCount={pageCount} basePath={basePath} query={query} landmarkLabel={`${title} pages`} />
      <p className="govuk-body">
        <Link className="govuk-link" href="/dashboard">
          Back to the dashboard
        </Link>
      </p>
    </>
  );
}

/** "in West force and below", "in West force (its own records)", or the whole scope. */
export function placeText(opts: { within?: string; organisation?: string }, names: { within: string | null; organisation: string | null }, scopeName: string): string {
  if (opts.organisation) return `in ${names.organisation ?? 'an organisation outside your scope'} (its own records)`;
  if (opts.within) return `in ${names.within ?? 'an organisation outside your scope'} and below`;
  return `in ${scopeName} and below`;
}
