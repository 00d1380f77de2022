import type { Metadata } from 'next';
import Link from 'next/link';
import { placeText, RecordsLayout } from '@/components/dashboard/records-layout';
import { RecordsFilters } from '@/components/dashboard/records-filters';
import { Table } from '@/components/ui/table';
import { requireVerb } from '@/lib/auth/guards';
import { listOpenActionRecords, organisationNameInScope } from '@/lib/db/dashboard-records';
import { formatDate } from '@/lib/domain/dates';
import { ACTION_STATUS_LABELS, STRAND_LABELS, STRANDS } from '@/lib/domain/vocabulary';
import { actionRecordsQuerySchema } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Open actions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The open actions behind the dashboard's 4P balance (compliance:read): by organisation and strand. */
export default async function ActionRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const query = actionRecordsQuerySchema.parse(await searchParams);
  const [list, within, organisation] = await Promise.all([
    listOpenActionRecords(user, query),
    organisationNameInScope(user, query.within),
    organisationNameInScope(user, query.organisation),
  ]);
  const what = `Open ${query.strand ? `${STRAND_LABELS[query.strand]} ` : ''}actions ${placeText(query, { within, organisation }, user.organisationName)}`;
  return (
    <RecordsLayout
      title="Open actions"
      caption={what}
      description="Actions not started, in progress or blocked on the active plans of live threats: the 4P balance's figures. Soonest due first."
      count={list.total}
      noun={['open action', 'open actions']}
      page={list.page}
      pageCount={list.pageCount}
      pageSize={list.pageSize}
      shown={list.rows.length}
      basePath="/compliance/actions"
      query={{ within: query.within, organisation: query.organisation, strand: query.strand }}
      filters={
        <RecordsFilters
          action="/compliance/actions"
          label="Filter open actions"
          kept={{ within: query.within, organisation: query.organisation }}
          filters={[{ id: 'strand', label: 'Strand', value: query.strand, options: STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s] })), anyText: 'All strands' }]}
        />
      }
    >
      <Table
        caption={what}
        captionSize="s"
        head={[{ text: 'Action' }, { text: 'Threat' }, { text: 'Strand' }, { text: 'Status' }, { text: 'Due' }, { text: 'Organisation' }]}
        rows={list.rows.map((row) => ({
          key: row.id,
          cells: [
            <Link key="action" className="govuk-link" href={`/threats/${row.threat.id}/plan`} prefetch={false}>
              {row.description.length > 80 ? `${row.description.slice(0, 77)}…` : row.description}
            </Link>,
            <>
              <Link className="govuk-link" href={`/threats/${row.threat.id}`} prefetch={false}>
                {row.threat.name}
              </Link>
              <br />
              <span className="govuk-body-s">{row.threat.urn}</span>
            </>,
            STRAND_LABELS[row.strand],
            ACTION_STATUS_LABELS[row.status],
            row.dueOn ? formatDate(row.dueOn) : 'No due date',
            row.organisationName,
          ],
        }))}
      />
    </RecordsLayout>
  );
}
