import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordUnmetDemandForm } from '@/components/unmet-demand/unmet-demand-form';
import { InsetText } from '@/components/ui/inset-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getUnmetDemandThreat } from '@/lib/db/unmet-demand';
import { londonDateKey } from '@/lib/domain/dates';
import { emptyDateParts, toDateParts } from '@/lib/validation/date-parts';
import { UNMET_DEMAND_DEFINITION, type RecordUnmetDemandInput } from '@/lib/validation/unmet-demand';
import { recordUnmetDemandAction } from '../actions';

export const metadata: Metadata = { title: 'Record unmet demand' };

/** Recording unmet demand on a threat: for its LRO or deputy and its organisation's managers and co-ordinators. */
export default async function RecordUnmetDemandPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getUnmetDemandThreat(user, threatId);
  requirePermission(user, 'unmet-demand:record', found?.resource ?? null);
  if (!found) notFound();
  const threat = found.record;
  const today = toDateParts(londonDateKey(new Date()));

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}/unmet-demand`}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {threat.urn} {threat.name}
      </span>
      <h1 className="govuk-heading-l">Record unmet demand</h1>
      {threat.status === 'ARCHIVED' ? (
        <InsetText>This threat is archived. Its unmet demand can no longer be recorded.</InsetText>
      ) : (
        <>
          <p className="govuk-body">{UNMET_DEMAND_DEFINITION}</p>
          <RecordUnmetDemandForm
            threatId={threat.id}
            example={`${today.day} ${today.month} ${today.year}`}
            save={recordUnmetDemandAction}
            // Nothing chosen yet: the radios start empty, and the schema asks for each.
            values={{
              threatId: threat.id,
              shortfall: '' as RecordUnmetDemandInput['shortfall'],
              capabilityNeeded: '' as RecordUnmetDemandInput['capabilityNeeded'],
              description: '',
              raisedOn: today,
              escalatedTo: '',
              escalatedOn: { ...emptyDateParts },
              resolvedOn: { ...emptyDateParts },
              apmisRecorded: '' as RecordUnmetDemandInput['apmisRecorded'],
            }}
          />
        </>
      )}
    </>
  );
}
