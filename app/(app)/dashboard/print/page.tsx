import type { Metadata } from 'next';
import Link from 'next/link';
import { FigureTable } from '@/components/print/figure-table';
import { PrintButton } from '@/components/print/print-button';
import { SummaryList } from '@/components/ui/summary-list';
import { recordAudit } from '@/lib/audit';
import { requireVerb } from '@/lib/auth/guards';
import { getDashboard } from '@/lib/db/dashboard';
import { dashboardTable, flagsByFlagTable, type DashboardTableKey } from '@/lib/domain/dashboard-tables';
import { formatDate, formatDateTime, londonDayStart } from '@/lib/domain/dates';
import { dashboardHref, dashboardPeriod } from '@/lib/validation/dashboard';

export const metadata: Metadata = { title: 'Compliance dashboard: print view' };

/** The tables in the order the dashboard shows them; flags are printed turned (flagsByFlagTable). */
const TABLES: readonly DashboardTableKey[] = ['reviews', 'balance', 'disruptions', 'unmet-demand', 'caseload'];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The dashboard on paper (issue 6 part 5): every table of the co-ordinator's dashboard, one
 * organisation per row with the scope's total, each with its method; no navigation, links or
 * buttons when printed, and the OFFICIAL-SENSITIVE marking at the top and bottom of every printed
 * page (app/globals.scss). The same rows as the downloads (lib/domain/dashboard-tables.ts).
 * Audited as a view, like the plan.
 */
export default async function DashboardPrintPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireVerb('compliance:read');
  const now = new Date();
  const { yearEnding, period } = dashboardPeriod(await searchParams, now);
  const data = await getDashboard(user, { period }, now);
  await recordAudit({ actorId: user.id, action: 'dashboard.view', entityType: 'Dashboard', organisationId: user.organisationId, after: { view: 'print', period: { from: period.from, to: period.to } } });

  return (
    <div className="app-print">
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" href={dashboardHref(yearEnding)}>
          Back to the dashboard
        </Link>
      </p>
      <span className="govuk-caption-l">{data.scope.name}</span>
      <h1 className="govuk-heading-l">Compliance dashboard</h1>
      <SummaryList
        rows={[
          { key: 'Scope', value: data.scope.name },
          { key: 'Period', value: `${period.label} (${formatDate(londonDayStart(period.from))} to ${formatDate(londonDayStart(period.to))})` },
          { key: 'Figures as at', value: formatDateTime(data.generatedAt) },
          { key: 'Printed by', value: `${user.name}, ${user.organisationName}` },
          { key: 'National average share of Pursue disruptions', value: `${data.nationalPursuePercent}%` },
        ]}
      />
      <PrintButton />
      {TABLES.map((key) => (
        <FigureTable key={key} table={dashboardTable(data, key)} />
      ))}
      <FigureTable table={flagsByFlagTable(data)} />
      <FigureTable table={dashboardTable(data, 'trend')} />
    </div>
  );
}
