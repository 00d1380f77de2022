import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditThreatForm } from '@/components/threats/edit-threat-form';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getThreatDetail } from '@/lib/db/threats';
import { updateThreatAction } from './actions';

export const metadata: Metadata = { title: 'Change threat details' };

export default async function EditThreatPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getThreatDetail(user, threatId);
  requirePermission(user, 'threat:update', found?.resource ?? null);
  if (!found) notFound();
  const { threat } = found;

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}`}>
        Back
      </Link>
      <span className="govuk-caption-l">{threat.urn}</span>
      <h1 className="govuk-heading-l">Change threat details</h1>
      <EditThreatForm
        save={updateThreatAction}
        threat={{
          threatId: threat.id,
          version: threat.version,
          name: threat.name,
          type: threat.type,
          tier: threat.tier,
          areas: threat.areas.map((a) => a.area),
          status: threat.status,
          archivedReason: threat.archivedReason ?? undefined,
          lookOutFor: threat.lookOutFor ?? undefined,
        }}
      />
    </>
  );
}
