import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignLroForm } from '@/components/lro/assign-lro-form';
import { OfficerCaseloadTable } from '@/components/lro/officer-caseload-table';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getThreatDetail } from '@/lib/db/threats';
import { getLroChoices } from '@/lib/services/assignments';
import { assignLroAction } from './actions';

export const metadata: Metadata = { title: 'Change LRO and deputy' };

export default async function ChangeLroPage({ params }: { params: Promise<{ threatId: string }> }) {
  const { threatId } = await params;
  const user = await requireUser();
  const found = await getThreatDetail(user, threatId);
  requirePermission(user, 'threat:assign-lro', found?.resource ?? null);
  if (!found) notFound();
  const { threat } = found;
  const leadResponsibleOfficerId = threat.leadResponsibleOfficer?.id ?? null;
  const deputyId = threat.deputy?.id ?? null;
  const choices = await getLroChoices({ organisationPath: threat.organisation.path, leadResponsibleOfficerId, deputyId }, new Date());

  return (
    <>
      <Link className="govuk-back-link" href={`/threats/${threat.id}`}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {threat.urn} {threat.name}
          </span>
          <h1 className="govuk-heading-l">Change LRO and deputy</h1>
          <AssignLroForm
            threatId={threat.id}
            version={threat.version}
            leadResponsibleOfficerId={leadResponsibleOfficerId}
            deputyId={deputyId}
            officers={choices.officers}
            treeName={choices.treeName}
            save={assignLroAction}
          />
        </div>
      </div>
      <OfficerCaseloadTable officers={choices.officers} thresholds={choices.thresholds} treeName={choices.treeName} />
    </>
  );
}
