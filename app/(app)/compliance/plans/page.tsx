import type { Metadata } from 'next';
import Link from 'next/link';
import { placeText, RecordsLayout } from '@/components/dashboard/records-layout';
import { RecordsFilters } from '@/components/dashboard/records-filters';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { requireVerb } from '@/lib/auth/guards';
import { listActivePlanRecords, organisationNameInScope } from '@/lib/db/dashboard-records';
import { formatDate } from '@/lib/domain/dates';
import { planRecordsQuerySchema } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Active plans' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The active plans behind the dashboard's reviews figure (compliance:read): by organisation and whether reviewed within cadence. */
export default async function PlanRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const query = planRecordsQuerySchema.parse(await searchParams);
  const now = new Date();
  const [list, within, organisation] = await Promise.all([
    listActivePlanRecords(user, query, now),
    organisationNameInScope(user, query.within),
    organisationNameInScope(user, query.organisation),
  ]);
  const what = `Active plans${query.cadence === 'within' ? ' reviewed within cadence' : query.cadence === 'outside' ? ' not reviewed within cadence' : ''} ${placeText(query, { within, organisation }, user.organisationName)}`;
  return (
    <RecordsLayout
      title="Active plans"
      caption={what}
      description="The active 4P plans of live threats. Within cadence means reviewed and not overdue for review: no Never reviewed or Review overdue flag. Next review due soonest first."
      count={list.total}
      noun={['active plan', 'active plans']}
      page={list.page}
      pageCount={list.pageCount}
      pageSize={list.pageSize}
      shown={list.rows.length}
      basePath="/compliance/plans"
      query={{ within: query.within, organisation: query.organisation, cadence: query.cadence }}
      filters={
        <RecordsFilters
          action="/compliance/plans"
          label="Filter active plans"
          kept={{ within: query.within, organisation: query.organisation }}
          filters={[
            {
              id: 'cadence',
              label: 'Reviewed within cadence',
              value: query.cadence,
              options: [
                { value: 'within', text: 'Within cadence' },
                { value: 'outside', text: 'Not within cadence' },
              ],
              anyText: 'Both',
            },
          ]}
        />
      }
    >
      <Table
        caption={what}
        captionSize="s"
        head={[{ text: 'Threat' }, { text: 'Last reviewed' }, { text: 'Next review due' }, { text: 'Within cadence' }, { text: 'Organisation' }]}
        rows={list.rows.map((row) => ({
          key: row.id,
          cells: [
            <>
              <Link className="govuk-link" href={`/threats/${row.threat.id}/plan`} prefetch={false}>
                {row.threat.name}
              </Link>
              <br />
              <span className="govuk-body-s">{row.threat.urn}</span>
            </>,
            row.lastReviewedAt ? formatDate(row.lastReviewedAt) : 'Never',
            row.nextReviewDue ? formatDate(row.nextReviewDue) : 'Not set',
            row.inCadence ? <Tag colour="green">Yes</Tag> : <Tag colour="red">No</Tag>,
            row.organisationName,
          ],
        }))}
      />
    </RecordsLayout>
  );
}
