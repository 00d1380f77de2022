import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { requirePermission, requireUser } from '@/lib/auth/guards';
import { can, type Verb } from '@/lib/auth/policy';
import { getPlanForThreat, getPlanThreat } from '@/lib/db/plans';

/**
 * What every page under /threats/[threatId]/plan starts with: the user, the threat (within their
 * scope) and its plan, after asking the policy for `verb` on the threat. Refusal looks like
 * absence. `canEdit` says whether the user may change this plan (plan:edit and not closed).
 */
export async function loadPlanContext(threatId: string, verb: Verb = 'plan:read') {
  const user = await requireUser();
  const found = await getPlanThreat(user, threatId);
  requirePermission(user, verb, found?.resource ?? null);
  if (!found) notFound();
  const plan = await getPlanForThreat(threatId, found.livePlanId);
  const mayEdit = can(user, 'plan:edit', found.resource);
  return {
    user,
    threat: found.threat,
    plan,
    /** Whether the user may edit plans of this threat at all (e.g. create a new one). */
    mayEdit,
    /** Whether the user may change the plan shown (it is live and they may edit). */
    canEdit: mayEdit && plan !== null && plan.status !== 'CLOSED',
  };
}

/**
 * For the plan's edit pages: the live plan the user may change. No plan: not found. A closed
 * plan: back to the plan page, which says that a closed plan cannot be changed.
 */
export async function loadEditablePlan(threatId: string) {
  const context = await loadPlanContext(threatId, 'plan:edit');
  if (!context.plan) notFound();
  if (context.plan.status === 'CLOSED') redirect(`/threats/${threatId}/plan?notice=closed`);
  return { ...context, plan: context.plan };
}
