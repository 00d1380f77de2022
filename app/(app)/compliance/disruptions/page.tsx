import type { Metadata } from 'next';
import Link from 'next/link';
import { placeText, RecordsLayout } from '@/components/dashboard/records-layout';
import { RecordsFilters } from '@/components/dashboard/records-filters';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import { listDisruptionRecords, organisationNameInScope } from '@/lib/db/dashboard-records';
import { formatDate } from '@/lib/domain/dates';
import { STRAND_LABELS, STRANDS } from '@/lib/domain/vocabulary';
import { disruptionRecordsQuerySchema, type DisruptionRecordsQuery } from '@/lib/validation/dashboard';
import { DISRUPTION_CATEGORY_LABELS, DISRUPTION_ROLE_LABELS, type DisruptionCategory, type DisruptionRole } from '@/lib/validation/disruptions';

export const metadata: Metadata = { title: 'Disruptions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const day = (key: string) => formatDate(new Date(`${key}T12:00:00Z`));

/** The APMIS-ready export (app/api/exports/disruptions) of this page's dates and organisation, with everything below it. */
function apmisExportHref(query: DisruptionRecordsQuery, organisationId: string | undefined, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (organisationId) params.set('organisation', organisationId);
  return `/api/exports/disruptions?${params.toString()}`;
}

/** The disruptions behind a dashboard figure (compliance:read): by organisation, strand, lead, Annex B categories and dates. */
export default async function DisruptionRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const query = disruptionRecordsQuerySchema.parse(await searchParams);
  const [list, within, organisation] = await Promise.all([
    listDisruptionRecords(user, query),
    organisationNameInScope(user, query.within),
    organisationNameInScope(user, query.organisation),
  ]);
  const what = [
    query.strand ? `${STRAND_LABELS[query.strand]} ` : '',
    query.lead ? 'lead ' : '',
    'disruptions',
    query.annexB ? ' assessed major, moderate or minor' : '',
    ` ${placeText(query, { within, organisation }, user.organisationName)}`,
    query.from && query.to ? `, ${day(query.from)} to ${day(query.to)}` : query.from ? `, from ${day(query.from)}` : query.to ? `, to ${day(query.to)}` : '',
  ].join('');
  return (
    <RecordsLayout
      title="Disruptions"
      caption={what.charAt(0).toUpperCase() + what.slice(1)}
      description="The disruption records behind the dashboard's figure, the latest first. Annex B counts lead disruptions assessed major, moderate or minor, dated within the period (London dates)."
      count={list.total}
      noun={['disruption', 'disruptions']}
      page={list.page}
      pageCount={list.pageCount}
      pageSize={list.pageSize}
      shown={list.rows.length}
      basePath="/compliance/disruptions"
      query={{ within: query.within, organisation: query.organisation, strand: query.strand, lead: query.lead, annexB: query.annexB, from: query.from, to: query.to }}
      filters={
        <RecordsFilters
          action="/compliance/disruptions"
          label="Filter disruptions"
          kept={{ within: query.within, organisation: query.organisation, from: query.from, to: query.to }}
          filters={[
            { id: 'strand', label: 'Strand', value: query.strand, options: STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s] })), anyText: 'All strands' },
            { id: 'lead', label: 'Role', value: query.lead, options: [{ value: '1', text: 'Lead only' }], anyText: 'Lead and supporting' },
            { id: 'annexB', label: 'Category', value: query.annexB, options: [{ value: '1', text: 'Major, moderate or minor' }], anyText: 'All categories' },
          ]}
        />
      }
    >
      <Table
        caption={what.charAt(0).toUpperCase() + what.slice(1)}
        captionSize="s"
        head={[{ text: 'Date' }, { text: 'Reference' }, { text: 'Threat' }, { text: 'Strand' }, { text: 'Category' }, { text: 'Role' }, { text: 'Organisation' }]}
        rows={list.rows.map((row) => ({
          key: row.id,
          cells: [
            formatDate(row.disruptedOn),
            row.reference,
            <>
              <Link className="govuk-link" href={`/threats/${row.threat.id}/disruptions`} prefetch={false}>
                {row.threat.name}
              </Link>
              <br />
              <span className="govuk-body-s">{row.threat.urn}</span>
            </>,
            STRAND_LABELS[row.strand],
            DISRUPTION_CATEGORY_LABELS[row.category as DisruptionCategory] ?? row.category,
            DISRUPTION_ROLE_LABELS[row.role as DisruptionRole] ?? row.role,
            row.organisationName,
          ],
        }))}
      />
      {hasVerb(user, 'export:create') ? (
        <p className="govuk-body" data-testid="apmis-export">
          Download the disruptions of {query.from || query.to ? 'these dates' : 'any date'} on threats of {within ?? organisation ?? user.organisationName} and below
          (lead and supporting, every strand and category) in the APMIS-ready layout:{' '}
          <a className="govuk-link" href={apmisExportHref(query, within ? query.within : organisation ? query.organisation : undefined, 'csv')} download>
            CSV<span className="govuk-visually-hidden"> (disruptions, APMIS-ready)</span>
          </a>{' '}
          or{' '}
          <a className="govuk-link" href={apmisExportHref(query, within ? query.within : organisation ? query.organisation : undefined, 'xlsx')} download>
            XLSX<span className="govuk-visually-hidden"> (disruptions, APMIS-ready)</span>
          </a>
          .
        </p>
      ) : null}
    </RecordsLayout>
  );
}
