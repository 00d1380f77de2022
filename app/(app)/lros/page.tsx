import type { Metadata } from 'next';
import Link from 'next/link';
import { FlagTags } from '@/components/flags/flag-tags';
import { CaseloadText } from '@/components/lros/caseload-text';
import { LroFilters } from '@/components/lros/lro-filters';
import { TrainingStatusText } from '@/components/lros/training-status-text';
import { Pagination } from '@/components/ui/pagination';
import { Table, type TableHeadCell } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { requireVerb } from '@/lib/auth/guards';
import { relationsFor } from '@/lib/auth/policy';
import { listLroRegister, listLroRegisterOrganisations } from '@/lib/db/lro-register';
import { defaultLroSortOrder, lroRegisterHref, lroRegisterParams, lroRegisterQuerySchema, type LroSortKey } from '@/lib/validation/lro-register';

export const metadata: Metadata = { title: 'LROs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The LRO register (issue 5): every LRO and deputy in the user's scope, what they hold, their
 * caseload against their organisation's thresholds, their training and their flags. Answers
 * "which LROs do we have, what do they hold, are they trained, and who is overloaded".
 */
export default async function LroRegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('lro:read');
  const query = lroRegisterQuerySchema.parse(await searchParams);
  const now = new Date();
  const [result, organisations] = await Promise.all([listLroRegister(user, query, now), listLroRegisterOrganisations(user, now)]);
  const seesOrganisation = relationsFor(user, 'lro:read').has('organisation');

  const sortable = (key: LroSortKey, text: string, isNumeric = false): TableHeadCell => {
    const active = query.sort === key;
    const order = active ? (query.order === 'asc' ? 'desc' : 'asc') : defaultLroSortOrder(key);
    return {
      text,
      isNumeric,
      sort: { href: lroRegisterHref({ ...query, sort: key, order, page: 1 }), direction: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none' },
    };
  };
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rows.length - 1;

  return (
    <>
      <h1 className="govuk-heading-xl">LROs</h1>
      <p className="govuk-body">
        {seesOrganisation
          ? `Every lead responsible officer and deputy in ${user.organisationName} and the organisations below it: officers with the LRO role, and anyone holding a live threat as LRO or deputy. Caseload counts the live threats each leads: Warning or Alert beside it means it has reached their own organisation's level for one.`
          : 'Your own entry: the live threats you hold, your caseload and your LRO training.'}
      </p>
      {seesOrganisation ? <LroFilters query={query} organisations={organisations} /> : null}
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="result-count" role="status">
        {result.total === 0 ? 'No officers match these filters.' : `Showing ${first} to ${last} of ${result.total} ${result.total === 1 ? 'officer' : 'officers'}`}
      </p>
      {result.total > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="LRO register table">
          <Table
            caption="LRO register"
            captionSize="s"
            head={[
              sortable('name', 'Officer'),
              sortable('organisation', 'Organisation'),
              { ...sortable('caseload', 'Live threats as LRO'), isNumeric: true },
              { text: 'As deputy', isNumeric: true },
              sortable('training', 'LRO training'),
              { text: 'Flags' },
            ]}
            rows={result.rows.map((officer) => ({
              key: officer.id,
              cells: [
                <>
                  <Link className="govuk-link" href={`/lros/${officer.id}`} data-testid="officer-name">
                    {officer.name}
                  </Link>
                  {officer.rank ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{officer.rank}</span> : null}
                  {officer.isActive ? null : <Tag colour="grey">Account deactivated</Tag>}
                </>,
                officer.organisationName,
                { content: <CaseloadText count={officer.liveThreatsAsLro} level={officer.caseloadLevel} />, isNumeric: true },
                { content: officer.liveThreatsAsDeputy, isNumeric: true },
                <TrainingStatusText key="training" training={officer.training} />,
                <div key="flags" data-testid="officer-flags">
                  <FlagTags tags={officer.flags} />
                </div>,
              ],
            }))}
          />
        </div>
      ) : null}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/lros" query={lroRegisterParams(query)} landmarkLabel="LRO register pages" />
    </>
  );
}
