import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FlagList } from '@/components/flags/flag-list';
import { UnmetDemandTable, type UnmetDemandTableRow } from '@/components/unmet-demand/unmet-demand-table';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Pagination } from '@/components/ui/pagination';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { getThreatFlags } from '@/lib/db/compliance';
import { getUnmetDemandThreat, listThreatUnmetDemand } from '@/lib/db/unmet-demand';
import { formatDate } from '@/lib/domain/dates';
import { UNMET_DEMAND_DEFINITION } from '@/lib/validation/unmet-demand';

export const metadata: Metadata = { title: 'Unmet demand' };

/**
 * A threat's unmet demand (issue 6, "Unmet demand"): its records, open first, with "Record unmet
 * demand" and "Update" for those who may (unmet-demand:record). Shown to those who may read the
 * threat's plan.
 */
export default async function UnmetDemandPage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: Promise<{ saved?: string; page?: string }> }) {
  const { threatId } = await params;
  const { saved, page } = await searchParams;
  const user = await requireUser();
  const found = await getUnmetDemandThreat(user, threatId);
  requirePermission(user, 'plan:read', found?.resource ?? null);
  if (!found) notFound();
  const { record: threat, resource } = found;

  const [list, flags] = await Promise.all([listThreatUnmetDemand(threat.id, Number(page) || 1), getThreatFlags(threat.id, new Date())]);
  const isArchived = threat.status === 'ARCHIVED';
  const canRecord = !isArchived && can(user, 'unmet-demand:record', resource);
  const base = `/threats/${threat.id}/unmet-demand`;

  const rows: UnmetDemandTableRow[] = list.rows.map((u) => ({
    id: u.id,
    shortfall: u.shortfall,
    capabilityNeeded: u.capabilityNeeded,
    description: u.description,
    raisedLabel: formatDate(u.raisedOn, 'short'),
    escalatedLabel: u.escalatedTo ? `${u.escalatedTo}${u.escalatedOn ? ` on ${formatDate(u.escalatedOn, 'short')}` : ''}` : null,
    resolvedLabel: u.resolvedOn ? formatDate(u.resolvedOn, 'short') : null,
    apmisRecorded: u.apmisRecorded,
    updateHref: canRecord ? `${base}/${u.id}/edit` : null,
  }));

  return (
    <>
      {saved === 'recorded' ? <NotificationBanner type="success" heading="Unmet demand recorded" /> : null}
      {saved === 'updated' ? <NotificationBanner type="success" heading="Unmet demand updated" /> : null}
      <Breadcrumbs
        items={[
          { href: '/threats', text: 'Threats' },
          { href: `/threats/${threat.id}`, text: threat.name },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Unmet demand</h1>
      <p className="govuk-body" data-testid="unmet-demand-definition">
        {UNMET_DEMAND_DEFINITION}
      </p>

      <section aria-labelledby="unmet-demand-flags-heading">
        <h2 className="govuk-heading-m" id="unmet-demand-flags-heading">
          Unmet demand flags
        </h2>
        <FlagList flags={flags.filter((flag) => flag.code === 'POSSIBLE_UNMET_DEMAND')} emptyText="No unmet demand flags." />
      </section>

      {canRecord ? <Button href={`${base}/new`}>Record unmet demand</Button> : null}
      {isArchived ? <InsetText>This threat is archived. Its unmet demand is kept as a record and can no longer be changed.</InsetText> : null}

      <section aria-labelledby="records-heading">
        <h2 className="govuk-heading-m" id="records-heading">
          Records
        </h2>
        {list.total ? (
          <>
            <UnmetDemandTable rows={rows} caption={`Unmet demand (${list.total}, ${list.open} open), open first`} />
            <Pagination page={list.page} pageCount={list.pageCount} basePath={base} landmarkLabel="Unmet demand pages" />
          </>
        ) : (
          <InsetText>No unmet demand has been recorded on this threat.</InsetText>
        )}
      </section>
    </>
  );
}
