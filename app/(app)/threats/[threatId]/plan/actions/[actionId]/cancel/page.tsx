import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelActionForm } from '@/components/actions/cancel-action-form';
import { InsetText } from '@/components/ui/inset-text';
import { WarningText } from '@/components/ui/warning-text';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { getActionDetail } from '@/lib/db/actions';
import { STRAND_LABELS } from '@/lib/domain/vocabulary';
import { cancelActionAction } from './actions';

export const metadata: Metadata = { title: 'Cancel action' };

export default async function CancelActionPage({ params }: { params: Promise<{ threatId: string; actionId: string }> }) {
  const { threatId, actionId } = await params;
  const user = await requireUser();
  const found = await getActionDetail(user, threatId, actionId);
  requirePermission(user, 'plan:edit', found?.resource.threat ?? null);
  if (!found) notFound();
  const { action } = found;
  const actionHref = `/threats/${threatId}/plan/actions/${action.id}`;
  const isChangeable = action.planStatus !== 'CLOSED' && action.status !== 'CANCELLED';

  return (
    <>
      <Link className="govuk-back-link" href={actionHref}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {action.threat.urn} {action.threat.name}
          </span>
          <h1 className="govuk-heading-l">Cancel this {STRAND_LABELS[action.strand]} action</h1>
          <InsetText>{action.description}</InsetText>
          {isChangeable ? (
            <>
              <WarningText>The action stays on the plan, marked cancelled, with your reason in its log. It cannot be reopened.</WarningText>
              <CancelActionForm actionId={action.id} actionHref={actionHref} version={action.version} save={cancelActionAction} />
            </>
          ) : (
            <p className="govuk-body">
              {action.planStatus === 'CLOSED' ? 'This plan is closed. Its actions can no longer be changed.' : 'This action has already been cancelled.'}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
