import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UpdateUnmetDemandForm } from '@/components/unmet-demand/unmet-demand-form';
import { InsetText } from '@/components/ui/inset-text';
import { SummaryList } from '@/components/ui/summary-list';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getThreatUnmetDemand, getUnmetDemandThreat } from '@/lib/db/unmet-demand';
import { formatDate, londonDateKey } from '@/lib/domain/dates';
import { CAPABILITY_NEEDED_LABELS, SHORTFALL_LABELS } from '@/lib/domain/vocabulary';
import { emptyDateParts, toDateParts } from '@/lib/validation/date-parts';
import { updateUnmetDemandAction } from '../../actions';

export const metadata: Metadata = { title: 'Update unmet demand' };

const partsOf = (date: Date | null) => (date ? toDateParts(londonDateKey(date)) : { ...emptyDateParts });

/** Escalating, resolving or marking unmet demand recorded on APMIS. */
export default async function UpdateUnmetDemandPage({ params }: { params: Promise<{ threatId: string; unmetDemandId: string }> }) {
  const { threatId, unmetDemandId } = await params;
  const user = await requireUser();
  const found = await getUnmetDemandThreat(user, threatId);
  requirePermission(user, 'unmet-demand:record', found?.resource ?? null);
  if (!found) notFound();
  const record = await getThreatUnmetDemand(threatId, unmetDemandId);
  if (!record) notFound();
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
      <h1 className="govuk-heading-l">Update unmet demand</h1>
      <SummaryList
        card={{ title: `Raised ${formatDate(record.raisedOn)}`, headingLevel: 2 }}
        rows={[
          { key: 'Shortfall', value: SHORTFALL_LABELS[record.shortfall] },
          { key: 'Capability needed', value: CAPABILITY_NEEDED_LABELS[record.capabilityNeeded] },
          { key: 'Description', value: record.description },
          { key: 'Recorded by', value: record.recordedByName ?? 'Not recorded' },
          // As it stands now: after a refusal (someone else updated it), the refreshed page shows theirs here.
          { key: 'Escalated', value: record.escalatedTo ? `${record.escalatedTo}${record.escalatedOn ? ` on ${formatDate(record.escalatedOn)}` : ''}` : 'Not escalated' },
          { key: 'Resolved', value: record.resolvedOn ? formatDate(record.resolvedOn) : 'Not resolved' },
          { key: 'Recorded on APMIS', value: record.apmisRecorded ? 'Yes' : 'No' },
        ]}
      />
      {threat.status === 'ARCHIVED' ? (
        <InsetText>This threat is archived. Its unmet demand can no longer be updated.</InsetText>
      ) : (
        <UpdateUnmetDemandForm
          threatId={threat.id}
          example={`${today.day} ${today.month} ${today.year}`}
          save={updateUnmetDemandAction}
          values={{
            unmetDemandId: record.id,
            seen: {
              createdAt: record.createdAt.toISOString(),
              escalatedTo: record.escalatedTo,
              escalatedOn: record.escalatedOn?.toISOString() ?? null,
              resolvedOn: record.resolvedOn?.toISOString() ?? null,
              apmisRecorded: record.apmisRecorded,
            },
            escalatedTo: record.escalatedTo ?? '',
            escalatedOn: partsOf(record.escalatedOn),
            resolvedOn: partsOf(record.resolvedOn),
            apmisRecorded: record.apmisRecorded ? 'yes' : 'no',
          }}
        />
      )}
    </>
  );
}
