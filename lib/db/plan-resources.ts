import 'server-only';
import type { Tx } from './client';
import { ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import type { ActionResource, Actor } from '@/lib/auth/policy';

// Loading plans and actions for a write or a page, within the user's scope, together with the
// policy resource that `can()` needs. Shared by every plan and action use case.

/** A plan (any status) and its threat's policy resource, or null when out of the user's scope. */
export async function loadPlanResource(db: Pick<Tx, 'fourPPlan' | 'action'>, user: Actor, planId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const plan = await db.fourPPlan.findFirst({
    where: { id: planId, threat: scope },
    select: { id: true, status: true, version: true, threatId: true, threat: { select: threatPolicySelect } },
  });
  if (!plan) return null;
  return {
    record: { id: plan.id, status: plan.status, version: plan.version, threatId: plan.threatId, organisationId: plan.threat.organisationId },
    resource: toThreatResource(plan.threat, user, await ownsActionOnThreat(db, user, plan.threatId)),
  };
}

/** An action and its policy resource (owner plus the threat), or null when out of scope. */
export async function loadActionResource(db: Pick<Tx, 'action'>, user: Actor, actionId: string) {
  const scope = threatScopeWhere(user, 'action:read');
  const ownScope = { ownerUserId: user.id };
  const action = await db.action.findFirst({
    where: { id: actionId, OR: [ownScope, ...(scope ? [{ plan: { threat: scope } }] : [])] },
    select: {
      id: true,
      planId: true,
      status: true,
      version: true,
      ownerUserId: true,
      plan: { select: { status: true, threatId: true, threat: { select: threatPolicySelect } } },
    },
  });
  if (!action) return null;
  // Owning some other action on the threat gives no right over this one (policy.relationsOf).
  const resource: ActionResource = { kind: 'action', ownerUserId: action.ownerUserId, threat: toThreatResource(action.plan.threat, user, false) };
  return {
    record: {
      id: action.id,
      planId: action.planId,
      planStatus: action.plan.status,
      status: action.status,
      version: action.version,
      ownerUserId: action.ownerUserId,
      threatId: action.plan.threatId,
      organisationId: action.plan.threat.organisationId,
    },
    resource,
  };
}

/**
 * Records that a plan changed materially (objectives, actions, intelligence gaps, owner): the
 * review compares this with its own date to raise PLAN_CHANGED_SINCE_REVIEW.
 */
export async function markPlanMateriallyChanged(db: Pick<Tx, 'fourPPlan'>, planId: string, at: Date = new Date()): Promise<void> {
  await db.fourPPlan.update({ where: { id: planId }, data: { materiallyChangedAt: at }, select: { id: true } });
}
