import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableHeadCell } from '@/components/ui/table';
import { FlagTags } from '@/components/flags/flag-tags';
import { ThreatFilters } from '@/components/threats/threat-filters';
import { PlanStatusTag, ThreatStatusTag } from '@/components/threats/threat-tags';
import { requireVerb } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import { listRegisterFilterOptions, listThreats } from '@/lib/db/threats';
import { formatDate } from '@/lib/domain/dates';
import { THREAT_AREA_LABELS, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import { defaultSortOrder, threatRegisterQuerySchema, type ThreatRegisterQuery, type ThreatSortKey } from '@/lib/validation/threat-register';

export const metadata: Metadata = { title: 'Threats' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function queryString(query: ThreatRegisterQuery, overrides: Partial<ThreatRegisterQuery> = {}): Record<string, string | number | undefined> {
  const merged = { ...query, ...overrides };
  return {
    q: merged.q,
    organisation: merged.organisation,
    type: merged.type,
    tier: merged.tier,
    area: merged.area,
    status: merged.status,
    lro: merged.lro,
    lroName: merged.lroName,
    flag: merged.flag,
    sort: merged.sort === 'urn' && merged.order === 'asc' ? undefined : merged.sort,
    order: merged.order === defaultSortOrder(merged.sort) ? undefined : merged.order,
  };
}

function href(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const s = search.toString();
  return s ? `/threats?${s}` : '/threats';
}

export default async function ThreatRegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('threat:read');
  const query = threatRegisterQuerySchema.parse(await searchParams);
  const [result, options] = await Promise.all([listThreats(user, query), listRegisterFilterOptions(user, query.lro)]);

  const sortable = (key: ThreatSortKey, text: string): TableHeadCell => {
    const active = query.sort === key;
    const nextOrder = active ? (query.order === 'asc' ? 'desc' : 'asc') : defaultSortOrder(key);
    return {
      text,
      sort: {
        href: href(queryString(query, { sort: key, order: nextOrder })),
        direction: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none',
      },
    };
  };

  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rows.length - 1;

  return (
    <>
      <h1 className="govuk-heading-xl">Threats</h1>
      <p className="govuk-body">
        The serious and organised crime threats you can see: your organisation&apos;s and those below it, and any shared with you.
      </p>
      <ThreatFilters query={query} organisations={options.organisations} chosenLeadResponsibleOfficer={options.chosenLeadResponsibleOfficer} />
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="result-count" role="status">
        {result.total === 0 ? 'No threats match these filters.' : `Showing ${first} to ${last} of ${result.total} threats`}
      </p>
      {result.total > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Threats register table">
          <Table
            caption="Threats register"
            captionSize="s"
            className="app-table--register"
            head={[
              sortable('urn', 'URN'),
              sortable('name', 'Name'),
              sortable('type', 'Type'),
              { ...sortable('tier', 'Tier'), isNumeric: true },
              sortable('status', 'Status'),
              sortable('organisation', 'Organisation'),
              sortable('lro', 'LRO'),
              { text: 'Threat areas' },
              { text: '4P plan' },
              { text: 'Next review' },
              sortable('flags', 'Flags'),
            ]}
            rows={result.rows.map((threat) => ({
              key: threat.id,
              cells: [
                threat.urn,
                {
                  content: (
                    <Link className="govuk-link" href={`/threats/${threat.id}`} data-testid="threat-name">
                      {threat.name}
                    </Link>
                  ),
                },
                <span key="type" data-testid="threat-type">{THREAT_TYPE_LABELS[threat.type]}</span>,
                { content: <span data-testid="threat-tier">{threat.tier}</span>, isNumeric: true },
                <ThreatStatusTag key="status" status={threat.status} />,
                threat.organisationName,
                threat.leadResponsibleOfficerName ?? <span className="app-text-warning">None appointed</span>,
                threat.areas.map((a) => THREAT_AREA_LABELS[a]).join(', '),
                <PlanStatusTag key="plan" status={threat.planStatus} />,
                formatDate(threat.nextReviewDue, 'short'),
                <div key="flags" data-testid="threat-flags">
                  <FlagTags tags={threat.flags} />
                </div>,
              ],
            }))}
          />
        </div>
      ) : null}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/threats" query={queryString(query)} landmarkLabel="Threats register pages" />
      {hasVerb(user, 'export:create') && result.total > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={href(queryString(query)).replace('/threats', '/api/exports/threats')} download data-testid="export-threats-csv">
            Download as CSV<span className="govuk-visually-hidden"> (all {result.total} threats matching these filters)</span>
          </a>{' '}
          or{' '}
          <a className="govuk-link" href={href({ ...queryString(query), format: 'xlsx' }).replace('/threats', '/api/exports/threats')} download data-testid="export-threats-xlsx">
            Download as XLSX<span className="govuk-visually-hidden"> (all {result.total} threats matching these filters)</span>
          </a>
        </p>
      ) : null}
    </>
  );
}
