import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DisruptionsTable, type DisruptionTableRow } from '@/components/disruptions/disruptions-table';
import { FlagList } from '@/components/flags/flag-list';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { InsetText } from '@/components/ui/inset-text';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Pagination } from '@/components/ui/pagination';
import { recordAudit } from '@/lib/audit';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { getThreatFlags } from '@/lib/db/compliance';
import { getDisruptionThreat, listThreatDisruptions } from '@/lib/db/disruptions';
import { daysSince, formatDate } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'Disruptions' };

/**
 * A threat's disruptions (issue 6, "Disruptions"), newest first and paginated: each with its
 * APMIS reference or, once DISRUPTION_NOT_ON_APMIS is raised, how long it has gone without one.
 * Shown to those who may read the threat's plan; "Record a disruption" and "Add APMIS reference"
 * to those who may record disruptions on it.
 */
export default async function DisruptionsPage({ params, searchParams }: { params: Promise<{ threatId: string }>; searchParams: Promise<{ saved?: string; page?: string }> }) {
  const { threatId } = await params;
  const { saved, page } = await searchParams;
  const user = await requireUser();
  const found = await getDisruptionThreat(user, threatId);
  requirePermission(user, 'plan:read', found?.resource ?? null);
  if (!found) notFound();
  const { record: threat, resource } = found;
  const now = new Date();

  await recordAudit({ actorId: user.id, action: 'disruptions.view', entityType: 'SocThreat', entityId: threat.id, organisationId: threat.organisationId, threatId: threat.id });

  const [list, flags] = await Promise.all([listThreatDisruptions(threat.id, Number(page) || 1), getThreatFlags(threat.id, now)]);
  const apmisFlags = flags.filter((flag) => flag.code === 'DISRUPTION_NOT_ON_APMIS');
  const flagged = new Set(apmisFlags.map((flag) => flag.subject.id));
  const canRecord = can(user, 'disruption:record', resource);
  const isArchived = threat.status === 'ARCHIVED';
  const base = `/threats/${threat.id}/disruptions`;

  const rows: DisruptionTableRow[] = list.rows.map((d) => ({
    id: d.id,
    reference: d.reference,
    disruptedOnLabel: formatDate(d.disruptedOn, 'short'),
    strand: d.strand,
    category: d.category,
    role: d.role,
    leadAgencyName: d.leadAgencyName,
    description: d.description,
    apmisReference: d.apmisReference,
    daysNotOnApmis: flagged.has(d.id) ? daysSince(d.disruptedOn, now) : null,
    editHref: canRecord ? `${base}/${d.id}/edit` : null,
  }));

  return (
    <>
      {saved === 'recorded' ? <NotificationBanner type="success" heading="Disruption recorded" /> : null}
      {saved === 'updated' ? <NotificationBanner type="success" heading="Disruption saved" /> : null}
      <Breadcrumbs
        items={[
          { href: '/threats', text: 'Threats' },
          { href: `/threats/${threat.id}`, text: threat.name },
        ]}
      />
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Disruptions</h1>
      <p className="govuk-body">Every disruption belongs on APMIS. Add its APMIS reference here once it is recorded there.</p>

      <section aria-labelledby="disruption-flags-heading">
        <h2 className="govuk-heading-m" id="disruption-flags-heading">
          Disruption flags
        </h2>
        <FlagList flags={apmisFlags} emptyText="No disruption flags." />
      </section>

      {canRecord && !isArchived ? <Button href={`${base}/new`}>Record a disruption</Button> : null}
      {isArchived ? <InsetText>This threat is archived. Disruptions can no longer be recorded against it, but their APMIS references can still be added.</InsetText> : null}

      <section aria-labelledby="disruptions-heading">
        <h2 className="govuk-heading-m" id="disruptions-heading">
          Recorded disruptions
        </h2>
        {list.total ? (
          <>
            <DisruptionsTable rows={rows} caption={`Disruptions (${list.total}), newest first`} />
            {list.pageCount > 1 ? <Pagination basePath={base} page={list.page} pageCount={list.pageCount} landmarkLabel="Pages of disruptions" /> : null}
          </>
        ) : (
          <InsetText>No disruption has been recorded.</InsetText>
        )}
      </section>
    </>
  );
}
