import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordDisruptionForm } from '@/components/disruptions/disruption-form';
import { InsetText } from '@/components/ui/inset-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getDisruptionThreat, listLeadAgencies } from '@/lib/db/disruptions';
import { londonDateKey } from '@/lib/domain/dates';
import { toDateParts } from '@/lib/validation/date-parts';
import type { RecordDisruptionInput } from '@/lib/validation/disruptions';
import { recordDisruptionAction } from '../actions';

export const metadata: Metadata = { title: 'Record a disruption' };

/** Recording a disruption of a threat: for its LRO or deputy and its organisation's managers and co-ordinators. */
export default async function RecordDisruptionPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getDisruptionThreat(user, threatId);
  requirePermission(user, 'disruption:record', found?.resource ?? null);
  if (!found) notFound();
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
      <h1 className="govuk-heading-l">Record a disruption</h1>
      {threat.status === 'ARCHIVED' ? (
        <InsetText>This threat is archived. Disruptions can no longer be recorded against it.</InsetText>
      ) : (
        <RecordDisruptionForm
          threatId={threat.id}
          example={`${today.day} ${today.month} ${today.year}`}
          leadAgencies={leadAgencies}
          save={recordDisruptionAction}
          // Nothing chosen yet: the radios start empty, and the schema asks for each.
          disruption={{
            threatId: threat.id,
            disruptedOn: { day: '', month: '', year: '' },
            strand: '' as RecordDisruptionInput['strand'],
            category: '' as RecordDisruptionInput['category'],
            role: '' as RecordDisruptionInput['role'],
            leadAgencyId: '',
            description: '',
            apmisReference: '',
          }}
        />
      )}
    </>
  );
}
