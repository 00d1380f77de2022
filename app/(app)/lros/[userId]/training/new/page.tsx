import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordTrainingForm } from '@/components/lros/record-training-form';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { findLroPerson } from '@/lib/db/lro-register';
import { recordTrainingAction } from './actions';

export const metadata: Metadata = { title: 'Record training' };

/** A co-ordinator records a course an LRO or deputy has completed (training:record on the person). */
export default async function RecordTrainingPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireUser();
  const found = await findLroPerson(user, userId);
  requirePermission(user, 'training:record', found?.resource ?? null);
  if (!found) notFound();
  const { person } = found;
  const back = `/lros/${person.id}`;

  return (
    <>
      <Link className="govuk-back-link" href={back}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{person.name}</span>
          <h1 className="govuk-heading-l">Record training</h1>
          <RecordTrainingForm userId={person.id} personName={person.name} cancelHref={back} save={recordTrainingAction} />
        </div>
      </div>
    </>
  );
}
