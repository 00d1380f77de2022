import type { Metadata } from 'next';
import Link from 'next/link';
import { FlagRecordFilters } from '@/components/flags/flag-record-filters';
import { FlagTag } from '@/components/flags/flag-tag';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { listFlagOrganisationOptions, listFlagRecords } from '@/lib/db/flag-records';
import { FLAG_DESCRIPTIONS, FLAG_LABELS, flagHref } from '@/lib/domain/compliance/flags';
import { flagRecordsQuerySchema } from '@/lib/validation/flag-records';

export const metadata: Metadata = { title: 'Flagged records' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The records behind a flag count on My work (co-ordinators and managers: compliance:read): every
 * flag of the user's organisation and below, filtered as the count was, each with a link to where
 * it is put right. Paged in the database.
 */
export default async function FlagRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const query = flagRecordsQuerySchema.parse(await searchParams);
  const now = new Date();
  const [list, organisations] = await Promise.all([
    listFlagRecords(user, now, { code: query.code, severity: query.severity, organisationId: query.organisation, withinOrganisationId: query.within }, query.page),
    listFlagOrganisationOptions(user),
  ]);
  const organisationName = query.organisation ? organisations.find((o) => o.value === query.organisation)?.text : undefined;
  // `within` (from a dashboard row): an organisation and everything below it.
  const withinName = query.within ? organisations.find((o) => o.value === query.within)?.text : undefined;

  const what = [
    query.code ? FLAG_LABELS[query.code] : 'All flags',
    query.severity ? `${query.severity}s only` : null,
    query.organisation ? `in ${organisationName ?? 'an organisation outside your scope'}` : query.within ? null : `in ${user.organisationName} and below`,
    query.within ? `in ${withinName ?? 'an organisation outside your scope'} and below` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;

  return (
    <>
      <Breadcrumbs items={query.within ? [{ href: '/', text: 'My work' }, { href: '/dashboard', text: 'Dashboard' }] : [{ href: '/', text: 'My work' }]} />
      <span className="govuk-caption-l">{what}</span>
      <h1 className="govuk-heading-l">Flagged records</h1>
      {query.code ? <p className="govuk-body">{FLAG_DESCRIPTIONS[query.code]}</p> : null}
      <FlagRecordFilters query={query} organisations={organisations} />
      <p className="govuk-body govuk-!-font-weight-bold" role="status" data-testid="flag-record-count">
        {list.total === 0
          ? 'No flagged records match.'
          : list.total === 1
            ? '1 flagged record'
            : `${list.total} flagged records${list.pageCount > 1 ? `, showing ${first} to ${last}` : ''}`}
      </p>
      {list.rows.length ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Flagged records table">
          <Table
            caption={`Flagged records: ${what}`}
            captionSize="s"
            head={[{ text: 'Flag' }, { text: 'Threat' }, { text: 'About' }, { text: 'Organisation' }, { text: 'Put it right' }]}
            rows={list.rows.map((row) => ({
              key: `${row.code}:${row.subject.kind}:${row.subject.id}:${row.severity}`,
              cells: [
                <FlagTag key="flag" code={row.code} severity={row.severity} />,
                row.threat ? (
                  <>
                    <Link className="govuk-link" href={`/threats/${row.threat.id}`} prefetch={false}>
                      {row.threat.name}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{row.threat.urn}</span>
                  </>
                ) : (
                  'None'
                ),
                row.subjectText,
                row.organisationName,
                <Link key="fix" className="govuk-link" href={flagHref(row)} prefetch={false}>
                  Put it right
                  <span className="govuk-visually-hidden">
                    : {FLAG_LABELS[row.code]}, {row.subjectText}
                    {row.threat ? `, ${row.threat.urn}` : ''}
                  </span>
                </Link>,
              ],
            }))}
          />
        </div>
      ) : null}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        basePath="/compliance/flags"
        query={{ code: query.code, severity: query.severity, organisation: query.organisation, within: query.within }}
        landmarkLabel="Flagged records pages"
      />
    </>
  );
}
