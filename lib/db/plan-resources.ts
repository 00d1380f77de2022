import 'server-only';
import type { Tx } from './client';
import { threatScopeWhere } from './scope';
import type { ActionResource, Actor, ThreatResource } from '@/lib/auth/policy';

// Loading plans and actions for a write or a page, within the user's scope, together with the
// policy resource that `can()` needs. Shared by every plan and action use case.

const threatForPolicy = {
  id: true,
  organisationId: true,
  leadResponsibleOfficerId: true,
  deputyId: true,
  organisation: { select: { path: true } },
  shares: { select: { organisationId: true } },
} as const;

type ThreatForPolicy = {
  id: string;
  organisationId: string;
  leadResponsibleOfficerId: string | null;
  deputyId: string | null;
  organisation: { path: string };
  shares: { organisationId: string }[];
};

function threatResource(threat: ThreatForPolicy, actionOwnerUserIds: string[]): ThreatResource {
  return {
    kind: 'threat',
    organisationPath: threat.organisation.path,
    leadResponsibleOfficerId: threat.leadResponsibleOfficerId,
    deputyId: threat.deputyId,
    sharedWithOrganisationIds: threat.shares.map((s) => s.organisationId),
    actionOwnerUserIds,
  };
}

/** A plan (any status) and its threat's policy resource, or null when out of the user's scope. */
export async function loadPlanResource(db: Pick<Tx, 'fourPPlan' | 'action'>, user: Actor, planId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const plan = await db.fourPPlan.findFirst({
    where: { id: planId, threat: scope },
    select: { id: true, status: true, version: true, threatId: true, threat: { select: threatForPolicy } },
  });
  if (!plan) return null;
  const owns = await db.action.count({ where: { plan: { threatId: plan.threatId }, ownerUserId: user.id } });
  return {
    record: { id: plan.id, status: plan.status, version: plan.version, threatId: plan.threatId, organisationId: plan.threat.organisationId },
    resource: threatResource(plan.threat, owns > 0 ? [user.id] : []),
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
      plan: { select: { status: true, threatId: true, threat: { select: threatForPolicy } } },
    },
  });
  if (!action) return null;
  const resource: ActionResource = { kind: 'action', ownerUserId: action.ownerUserId, threat: threatResource(action.plan.threat, []) };
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
