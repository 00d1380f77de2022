import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UpdateDisruptionForm } from '@/components/disruptions/disruption-form';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getDisruptionThreat, getThreatDisruption, listLeadAgencies } from '@/lib/db/disruptions';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { toDateParts } from '@/lib/validation/date-parts';
import { updateDisruptionAction } from '../../actions';

export const metadata: Metadata = { title: 'Change a disruption' };

/** Changing a disruption of a threat, usually to add its APMIS reference once it is on APMIS. */
export default async function EditDisruptionPage({ params }: { params: Promise<{ threatId: string; disruptionId: string }> }) {
  const { threatId, disruptionId } = await params;
  const user = await requireUser();
  const found = await getDisruptionThreat(user, threatId);
  requirePermission(user, 'disruption:record', found?.resource ?? null);
  if (!found) notFound();
  const disruption = await getThreatDisruption(threatId, disruptionId);
  if (!disruption) notFound();
  const { record: threat } = found;
  const today = toDateParts(londonDateKey(new Date()));
  const leadAgencies = (await listLeadAgencies()).map((a) => ({ value: a.id, text: a.name }));

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/disruptions`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Change a disruption</h1>
      <p className="govuk-body">
        Disruption {disruption.reference} of {formatDate(disruption.disruptedOn)}
        {disruption.recordedByName ? `, recorded by ${disruption.recordedByName}` : ''}.
      </p>
      <UpdateDisruptionForm
        threatId={threat.id}
        example={`${today.day} ${today.month} ${today.year}`}
        leadAgencies={leadAgencies}
        save={updateDisruptionAction}
        disruption={{
          disruptionId: disruption.id,
          lastUpdatedAt: disruption.updatedAt.toISOString(),
          disruptedOn: toDateParts(londonDateKey(disruption.disruptedOn)),
          strand: disruption.strand,
          category: disruption.category,
          role: disruption.role,
          leadAgencyId: disruption.leadAgencyId ?? '',
          description: disruption.description,
          apmisReference: disruption.apmisReference ?? '',
        }}
      />
    </>
  );
}
