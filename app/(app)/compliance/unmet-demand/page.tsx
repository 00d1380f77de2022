import type { Metadata } from 'next';
import Link from 'next/link';
import { placeText, RecordsLayout } from '@/components/dashboard/records-layout';
import { RecordsFilters } from '@/components/dashboard/records-filters';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { listUnmetDemandRecords, organisationNameInScope } from '@/lib/db/dashboard-records';
import { formatDate } from '@/lib/domain/dates';
import { CAPABILITIES_NEEDED, CAPABILITY_NEEDED_LABELS, SHORTFALL_LABELS, SHORTFALLS } from '@/lib/domain/vocabulary';
import { unmetDemandRecordsQuerySchema } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Unmet demand records' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The unmet demand behind a dashboard figure (compliance:read): by organisation, shortfall, capability and open. */
export default async function UnmetDemandRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const query = unmetDemandRecordsQuerySchema.parse(await searchParams);
  const [list, within, organisation] = await Promise.all([
    listUnmetDemandRecords(user, query),
    organisationNameInScope(user, query.within),
    organisationNameInScope(user, query.organisation),
  ]);
  const what = [
    query.open ? 'Open unmet demand' : 'Unmet demand',
    query.shortfall ? `, ${SHORTFALL_LABELS[query.shortfall].toLowerCase()}` : '',
    query.capability ? `, ${CAPABILITY_NEEDED_LABELS[query.capability].toLowerCase()}` : '',
    ` ${placeText(query, { within, organisation }, user.organisationName)}`,
  ].join('');
  return (
    <RecordsLayout
      title="Unmet demand"
      caption={what}
      description="The unmet demand records behind the dashboard's figure, the latest raised first. Open means not yet resolved."
      count={list.total}
      noun={['record', 'records']}
      page={list.page}
      pageCount={list.pageCount}
      pageSize={list.pageSize}
      shown={list.rows.length}
      basePath="/compliance/unmet-demand"
      query={{ within: query.within, organisation: query.organisation, shortfall: query.shortfall, capability: query.capability, open: query.open }}
      filters={
        <RecordsFilters
          action="/compliance/unmet-demand"
          label="Filter unmet demand"
          kept={{ within: query.within, organisation: query.organisation }}
          filters={[
            { id: 'shortfall', label: 'Shortfall', value: query.shortfall, options: SHORTFALLS.map((s) => ({ value: s, text: SHORTFALL_LABELS[s] })), anyText: 'Capacity and capability' },
            { id: 'capability', label: 'Capability needed', value: query.capability, options: CAPABILITIES_NEEDED.map((c) => ({ value: c, text: CAPABILITY_NEEDED_LABELS[c] })), anyText: 'Any capability' },
            { id: 'open', label: 'Open or resolved', value: query.open, options: [{ value: '1', text: 'Open only' }], anyText: 'Open and resolved' },
          ]}
        />
      }
    >
      <Table
        caption={what}
        captionSize="s"
        head={[{ text: 'Raised' }, { text: 'Threat' }, { text: 'Shortfall' }, { text: 'Capability needed' }, { text: 'Resolved' }, { text: 'Organisation' }]}
        rows={list.rows.map((row) => ({
          key: row.id,
          cells: [
            formatDate(row.raisedOn),
            <>
              <Link className="govuk-link" href={`/threats/${row.threat.id}/unmet-demand`} prefetch={false}>
                {row.threat.name}
              </Link>
              <br />
              <span className="govuk-body-s">{row.threat.urn}</span>
            </>,
            SHORTFALL_LABELS[row.shortfall],
            CAPABILITY_NEEDED_LABELS[row.capabilityNeeded],
            row.resolvedOn ? formatDate(row.resolvedOn) : 'Open',
            row.organisationName,
          ],
        }))}
      />
    </RecordsLayout>
  );
}
