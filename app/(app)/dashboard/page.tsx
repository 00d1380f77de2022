import type { Metadata } from 'next';
import Link from 'next/link';
import { PeriodForm } from '@/components/dashboard/period-form';
import { DashboardSections } from '@/components/dashboard/sections';
import { requireVerb } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';
import { getDashboard } from '@/lib/db/dashboard';
import { formatDateTime } from '@/lib/domain/dates';
import { dashboardPeriod, dashboardPrintHref, evidencePackHref, yearEndingOptions } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Compliance dashboard' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The co-ordinator's compliance dashboard (issue 6 part 4), for co-ordinators and managers
 * (compliance:read): their organisation and everything below it, one row per organisation directly
 * under it. Every number links to the records behind it; the period is a GET parameter.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const now = new Date();
  const { yearEnding, period } = dashboardPeriod(await searchParams, now);
  const data = await getDashboard(user, { period }, now);
  const canExport = hasVerb(user, 'export:create');

  return (
    <>
      <span className="govuk-caption-l">
        {data.scope.name}, {period.label}
      </span>
      <h1 className="govuk-heading-l">Compliance dashboard</h1>
      <p className="govuk-body">
        Where each organisation in {data.scope.name} stands on plan reviews, flags, the balance of its 4P plans, disruptions, unmet demand and LROs. Figures are as of{' '}
        {formatDateTime(data.generatedAt)}; disruptions are those of the {period.label}. Every number leads to the records behind it. Partner agencies have no row of
        their own: anything they hold counts in the total.
      </p>
      <PeriodForm yearEnding={yearEnding} options={yearEndingOptions(now)} />
      <ul className="govuk-list">
        {canExport ? (
          <li>
            <a className="govuk-link" href={evidencePackHref(yearEnding)} download data-testid="evidence-pack-link">
              Download the inspection evidence pack (XLSX)
            </a>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" href={dashboardPrintHref(yearEnding)} prefetch={false}>
            Print this dashboard
          </Link>
        </li>
      </ul>
      <DashboardSections data={data} yearEnding={yearEnding} canExport={canExport} canChangeAverage={hasVerb(user, 'settings:update')} />
    </>
  );
}
