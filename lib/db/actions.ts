import 'server-only';
import { prisma, type Prisma, type Tx } from './client';
import { loadActionResource, loadPlanResource } from './plan-resources';
import { threatScopeWhere } from './scope';
import { lastChangeOf } from './threats';
import { POLICY, ROLES, type Actor } from '@/lib/auth/policy';
import { OPEN_ACTION_STATUSES, type ActionStatus, type PlanStatus, type Strand } from '@/lib/domain/vocabulary';

// Reading a plan's actions for their pages and writes: the plan an action is added to, who may
// own an action, one action with its log, and the signed-in user's own actions.

export type Option = { value: string; text: string };

/** The live plan (DRAFT or ACTIVE) of a threat, within the user's scope, for adding an action. */
export async function getLivePlanForActions(user: Actor, threatId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const plan = await prisma.fourPPlan.findFirst({
    where: { liveThreatId: threatId, threat: scope },
    select: { id: true, threat: { select: { urn: true, name: true } } },
  });
  if (!plan) return null;
  const loaded = await loadPlanResource(prisma, user, plan.id);
  if (!loaded) return null;
  return { plan: { ...loaded.record, threatUrn: plan.threat.urn, threatName: plan.threat.name }, resource: loaded.resource };
}

/**
 * Roles whose holders may update an action they own (the policy's action:update under `owner`).
 * Only they are offered as owners: an action owned by someone who may not update it would go stale.
 */
const OWNER_ROLES = ROLES.filter((role) => POLICY[role]['action:update']?.includes('owner'));

type ThreatForOwners = { organisation: { path: string }; shares: { organisationId: string }[]; leadResponsibleOfficerId: string | null; deputyId: string | null };

const threatForOwnersSelect = {
  organisation: { select: { path: true } },
  shares: { select: { organisationId: true } },
  leadResponsibleOfficerId: true,
  deputyId: true,
} as const;

/**
 * Who may own an action on a threat's plan: active officers of the threat's organisation and
 * below, users of the organisations the threat is shared with (partner contacts), and the
 * threat's LRO and deputy wherever they sit.
 */
function eligibleOwnerWhere(threat: ThreatForOwners): Prisma.UserWhereInput {
  const holders = [threat.leadResponsibleOfficerId, threat.deputyId].filter((id): id is string => id != null);
  return {
    active: true,
    roles: { some: { role: { in: OWNER_ROLES } } },
    OR: [
      { organisation: { path: { startsWith: threat.organisation.path } } },
      { organisationId: { in: threat.shares.map((s) => s.organisationId) } },
      { id: { in: holders } },
    ],
  };
}

/**
 * The choices for an action's owner on a threat's plan: officers and partner users who may own
 * it, and partner organisations. `includeUserId` keeps the current owner listed even if they
 * would no longer be offered (moved, or their role changed), so an edit does not lose them.
 */
export async function listActionOwnerOptions(threatId: string, includeUserId?: string | null): Promise<{ users: Option[]; partnerOrganisations: Option[] }> {
  const threat = await prisma.socThreat.findUniqueOrThrow({ where: { id: threatId }, select: threatForOwnersSelect });
  const eligible = eligibleOwnerWhere(threat);
  const [users, organisations] = await Promise.all([
    prisma.user.findMany({
      where: includeUserId ? { OR: [eligible, { id: includeUserId }] } : eligible,
      select: { id: true, name: true, rank: true, organisation: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    prisma.organisation.findMany({ where: { kind: 'PARTNER' }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    users: users.map((u) => ({ value: u.id, text: `${u.name}${u.rank ? `, ${u.rank}` : ''} (${u.organisation.name})` })),
    partnerOrganisations: organisations.map((o) => ({ value: o.id, text: o.name })),
  };
}

/** Whether the user may be made the owner of an action on the threat's plan. */
export async function isEligibleActionOwner(db: Pick<Tx, 'socThreat' | 'user'>, threatId: string, userId: string): Promise<boolean> {
  const threat = await db.socThreat.findUniqueOrThrow({ where: { id: threatId }, select: threatForOwnersSelect });
  return (await db.user.count({ where: { AND: [{ id: userId }, eligibleOwnerWhere(threat)] } })) > 0;
}

export async function isPartnerOrganisation(db: Pick<Tx, 'organisation'>, organisationId: string): Promise<boolean> {
  return (await db.organisation.count({ where: { id: organisationId, kind: 'PARTNER' } })) > 0;
}

/** One objective of the plan, or null when it is not the plan's. */
export async function findPlanObjective(db: Pick<Tx, 'objective'>, planId: string, objectiveId: string) {
  return db.objective.findFirst({ where: { id: objectiveId, planId }, select: { id: true, strand: true, title: true } });
}

/** The fields of an action that its edits and audit events compare. */
export async function getActionState(db: Pick<Tx, 'action'>, actionId: string) {
  const row = await db.action.findUniqueOrThrow({
    where: { id: actionId },
    select: {
      strand: true,
      objectiveId: true,
      description: true,
      ownerUserId: true,
      ownerOrganisationId: true,
      ownerContactName: true,
      dueOn: true,
      status: true,
    },
  });
  return { ...row, dueOn: row.dueOn ? row.dueOn.toISOString().slice(0, 10) : null };
}

/**
 * Who last changed an action and when, for a conflict message: the later of the latest audit
 * event about the action itself (added, edited, cancelled) and the latest update in its log.
 */
export async function lastActionChange(db: Pick<Tx, 'auditEvent' | 'actionUpdate'>, actionId: string) {
  const [audited, update] = await Promise.all([
    lastChangeOf(db, 'Action', actionId),
    db.actionUpdate.findFirst({
      where: { actionId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { createdAt: true, author: { select: { name: true } } },
    }),
  ]);
  const fromLog = update ? { by: update.author.name as string | null, at: update.createdAt } : null;
  if (!audited) return fromLog;
  if (!fromLog) return audited;
  return fromLog.at > audited.at ? fromLog : audited;
}

const person = { select: { id: true, name: true, rank: true, email: true } } as const;

/**
 * One action for its page, loaded within the user's scope (their organisation's, a shared
 * threat's, or their own action), with the policy resource for `can()`. Null when out of scope or
 * when the action is not on the named threat. Holds only what the action itself needs (threat
 * reference, its LRO, the objective): an owner who may not read the plan sees nothing more.
 */
export async function getActionDetail(user: Actor, threatId: string, actionId: string) {
  const loaded = await loadActionResource(prisma, user, actionId);
  if (!loaded || loaded.record.threatId !== threatId) return null;
  const row = await prisma.action.findUniqueOrThrow({
    where: { id: actionId },
    select: {
      id: true,
      planId: true,
      strand: true,
      description: true,
      status: true,
      version: true,
      dueOn: true,
      lastUpdatedAt: true,
      completedAt: true,
      createdAt: true,
      ownerContactName: true,
      ownerUser: { select: { ...person.select, organisation: { select: { name: true } } } },
      ownerOrganisation: { select: { id: true, name: true } },
      objective: { select: { id: true, title: true, successMeasure: true } },
      plan: {
        select: {
          status: true,
          threat: { select: { id: true, urn: true, name: true, leadResponsibleOfficer: person } },
        },
      },
    },
  });
  return {
    action: {
      id: row.id,
      planId: row.planId,
      planStatus: row.plan.status as PlanStatus,
      strand: row.strand as Strand,
      description: row.description,
      status: row.status as ActionStatus,
      version: row.version,
      dueOn: row.dueOn,
      lastUpdatedAt: row.lastUpdatedAt,
      completedAt: row.completedAt,
      createdAt: row.createdAt,
      ownerUser: row.ownerUser
        ? { id: row.ownerUser.id, name: row.ownerUser.name, rank: row.ownerUser.rank, email: row.ownerUser.email, organisationName: row.ownerUser.organisation.name }
        : null,
      ownerOrganisation: row.ownerOrganisation,
      ownerContactName: row.ownerContactName,
      objective: row.objective,
      threat: {
        id: row.plan.threat.id,
        urn: row.plan.threat.urn,
        name: row.plan.threat.name,
        leadResponsibleOfficer: row.plan.threat.leadResponsibleOfficer,
      },
    },
    resource: loaded.resource,
  };
}

export type ActionDetail = NonNullable<Awaited<ReturnType<typeof getActionDetail>>>['action'];

export const ACTION_LOG_PAGE_SIZE = 20;

export type ActionLogEntry = {
  id: string;
  note: string;
  statusFrom: ActionStatus | null;
  statusTo: ActionStatus | null;
  authorName: string;
  createdAt: Date;
};

/** One page of an action's log, newest first, paged in the database. */
export async function listActionUpdates(actionId: string, page: number) {
  const total = await prisma.actionUpdate.count({ where: { actionId } });
  const pageCount = Math.max(1, Math.ceil(total / ACTION_LOG_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await prisma.actionUpdate.findMany({
    where: { actionId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * ACTION_LOG_PAGE_SIZE,
    take: ACTION_LOG_PAGE_SIZE,
    select: { id: true, note: true, statusFrom: true, statusTo: true, createdAt: true, author: { select: { name: true } } },
  });
  return {
    total,
    page: current,
    pageCount: total === 0 ? 0 : pageCount,
    entries: rows.map(
      (r): ActionLogEntry => ({ id: r.id, note: r.note, statusFrom: r.statusFrom, statusTo: r.statusTo, authorName: r.author.name, createdAt: r.createdAt }),
    ),
  };
}

export const MY_ACTIONS_PAGE_SIZE = 25;

export type MyActionRow = {
  id: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  strand: Strand;
  description: string;
  dueOn: Date | null;
  status: ActionStatus;
  lastUpdatedAt: Date;
};

const myActionSelect = {
  id: true,
  strand: true,
  description: true,
  dueOn: true,
  status: true,
  lastUpdatedAt: true,
  plan: { select: { threat: { select: { id: true, urn: true, name: true } } } },
} as const;

/**
 * One page of the actions the user owns on live plans (draft or active): open ones first, soonest
 * due first (no due date last); then the finished ones, most recently updated first. Paged in the
 * database: the open and the finished are two ordered queries, and a page may straddle them.
 */
export async function listMyActions(userId: string, page: number) {
  const base: Prisma.ActionWhereInput = { ownerUserId: userId, plan: { status: { not: 'CLOSED' } } };
  const openWhere: Prisma.ActionWhereInput = { ...base, status: { in: [...OPEN_ACTION_STATUSES] } };
  const doneWhere: Prisma.ActionWhereInput = { ...base, status: { notIn: [...OPEN_ACTION_STATUSES] } };
  const [openCount, doneCount] = await Promise.all([prisma.action.count({ where: openWhere }), prisma.action.count({ where: doneWhere })]);
  const total = openCount + doneCount;
  const pageCount = Math.max(1, Math.ceil(total / MY_ACTIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const offset = (current - 1) * MY_ACTIONS_PAGE_SIZE;

  const open =
    offset < openCount
      ? await prisma.action.findMany({
          where: openWhere,
          orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { lastUpdatedAt: 'asc' }, { id: 'asc' }],
          skip: offset,
          take: MY_ACTIONS_PAGE_SIZE,
          select: myActionSelect,
        })
      : [];
  const room = MY_ACTIONS_PAGE_SIZE - open.length;
  const done =
    room > 0 && doneCount > 0
      ? await prisma.action.findMany({
          where: doneWhere,
          orderBy: [{ lastUpdatedAt: 'desc' }, { id: 'asc' }],
          skip: Math.max(0, offset - openCount),
          take: room,
          select: myActionSelect,
        })
      : [];

  return {
    total,
    openCount,
    page: current,
    pageCount: total === 0 ? 0 : pageCount,
    pageSize: MY_ACTIONS_PAGE_SIZE,
    rows: [...open, ...done].map(
      (r): MyActionRow => ({
        id: r.id,
        threatId: r.plan.threat.id,
        threatUrn: r.plan.threat.urn,
        threatName: r.plan.threat.name,
        strand: r.strand,
        description: r.description,
        dueOn: r.dueOn,
        status: r.status,
        lastUpdatedAt: r.lastUpdatedAt,
      }),
    ),
  };
}
