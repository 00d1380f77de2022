import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { dueDateHint } from '@/components/actions/overdue';
import { EditActionForm } from '@/components/actions/edit-action-form';
import { ownerText } from '@/components/actions/owner-text';
import { InsetText } from '@/components/ui/inset-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getActionDetail, listActionOwnerOptions } from '@/lib/db/actions';
import { listPlanObjectives } from '@/lib/db/plans';
import { formatDate } from '@/lib/domain/dates';
import { STRAND_LABELS } from '@/lib/domain/vocabulary';
import { toDateParts } from '@/lib/validation/date-parts';
import { editActionAction } from './actions';

export const metadata: Metadata = { title: 'Change action' };

export default async function EditActionPage({ params }: { params: Promise<{ threatId: string; actionId: string }> }) {
  const { threatId, actionId } = await params;
  const user = await requireUser();
  const found = await getActionDetail(user, threatId, actionId);
  requirePermission(user, 'plan:edit', found?.resource.threat ?? null);
  if (!found) notFound();
  const { action } = found;
  const actionHref = `/threats/${threatId}/plan/actions/${action.id}`;

  const header = (
    <>
      <Link className="govuk-back-link" href={actionHref}>
        Back
      </Link>
      <span className="govuk-caption-l">
        {action.threat.urn} {action.threat.name}
      </span>
      <h1 className="govuk-heading-l">Change action</h1>
    </>
  );
  if (action.planStatus === 'CLOSED' || action.status === 'CANCELLED') {
    return (
      <>
        {header}
        <InsetText>{action.planStatus === 'CLOSED' ? 'This plan is closed. Its actions can no longer be changed.' : 'This action has been cancelled. It can no longer be changed.'}</InsetText>
      </>
    );
  }

  const [objectives, owners] = await Promise.all([listPlanObjectives(action.planId), listActionOwnerOptions(threatId, action.ownerUser?.id)]);
  const ownerKind = action.ownerUser ? 'USER' : action.ownerOrganisation ? 'ORGANISATION' : undefined;

  return (
    <>
      {header}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <EditActionForm
            actionHref={actionHref}
            save={editActionAction}
            values={{
              actionId: action.id,
              version: action.version,
              strand: action.strand,
              objectiveId: action.objective?.id ?? '',
              description: action.description,
              ownerKind,
              ownerUserId: action.ownerUser?.id ?? '',
              ownerOrganisationId: action.ownerOrganisation?.id ?? '',
              ownerContactName: action.ownerContactName ?? '',
              dueDate: toDateParts(action.dueOn?.toISOString()),
            }}
            saved={{
              version: action.version,
              strand: STRAND_LABELS[action.strand],
              objective: action.objective?.title ?? 'Not linked to an objective',
              description: action.description,
              owner: ownerText(action),
              dueDate: action.dueOn ? formatDate(action.dueOn) : 'No due date',
            }}
            objectives={objectives}
            users={owners.users}
            partnerOrganisations={owners.partnerOrganisations}
            dueDateHint={dueDateHint(new Date())}
          />
        </div>
      </div>
    </>
  );
}
