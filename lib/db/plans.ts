import 'server-only';
import { prisma, type Tx } from './client';
import { ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import { loadPlanResource } from './plan-resources';
import type { Actor } from '@/lib/auth/policy';
import { STRANDS, type ActionStatus, type PlanStatus, type Strand } from '@/lib/domain/vocabulary';
import type { EngagementKind } from '@/lib/domain/vocabulary';

export type PlanObjectiveOption = { id: string; strand: Strand; title: string };

const byStrand = <T extends { strand: Strand }>(rows: T[]): T[] =>
  // Strand order is the template's (Pursue, Prevent, Protect, Prepare), not the database's: SQLite
  // sorts enum text alphabetically, PostgreSQL by declaration, so sort here. The sort is stable.
  [...rows].sort((a, b) => STRANDS.indexOf(a.strand) - STRANDS.indexOf(b.strand));

const objectiveOrder = [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;

/**
 * A plan's objectives for a select (strand order, then position, then creation). The caller has
 * already loaded the plan within the user's scope (loadPlanResource / loadActionResource).
 */
export async function listPlanObjectives(planId: string): Promise<PlanObjectiveOption[]> {
  const rows = await prisma.objective.findMany({ where: { planId }, select: { id: true, strand: true, title: true }, orderBy: [...objectiveOrder] });
  return byStrand(rows.map((r) => ({ id: r.id, strand: r.strand as Strand, title: r.title })));
}

// ---------------------------------------------------------------------------------------------
// The threat a plan page is about, with its policy resource
// ---------------------------------------------------------------------------------------------

/** The threat (within the user's scope) that a plan page belongs to, and its policy resource. */
export async function getPlanThreat(user: Actor, threatId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await prisma.socThreat.findFirst({
    where: { AND: [{ id: threatId }, scope] },
    select: { ...threatPolicySelect, urn: true, name: true, status: true, organisation: { select: { path: true, name: true } }, livePlan: { select: { id: true } } },
  });
  if (!row) return null;
  const resource = toThreatResource(row, user, await ownsActionOnThreat(prisma, user, threatId));
  return {
    threat: { id: row.id, urn: row.urn, name: row.name, status: row.status, organisationId: row.organisationId, organisationPath: row.organisation.path, organisationName: row.organisation.name },
    livePlanId: row.livePlan?.id ?? null,
    resource,
  };
}

export type PlanThreat = NonNullable<Awaited<ReturnType<typeof getPlanThreat>>>['threat'];

// ---------------------------------------------------------------------------------------------
// The plan page
// ---------------------------------------------------------------------------------------------

export type PlanOwner = { kind: 'USER'; id: string; name: string; rank: string | null; organisationName: string } | { kind: 'ORGANISATION'; id: string; name: string } | null;

export type PlanActionRow = {
  id: string;
  strand: Strand;
  objectiveId: string | null;
  description: string;
  ownerUserName: string | null;
  ownerOrganisationName: string | null;
  ownerContactName: string | null;
  dueOn: Date | null;
  status: ActionStatus;
  lastUpdatedAt: Date;
};

export type PlanObjectiveRow = { id: string; strand: Strand; title: string; successMeasure: string; updatedAt: Date };

export type PlanEngagementRow = {
  id: string;
  partnerName: string;
  engagedOn: Date;
  kind: EngagementKind;
  summary: string;
  recordedByName: string | null;
};

/** How many engagements the plan page lists (newest first); the total is shown beside them. */
export const PLAN_PAGE_ENGAGEMENTS = 25;

const planSelect = {
  id: true,
  threatId: true,
  status: true,
  version: true,
  intelligenceGaps: true,
  nextReviewDue: true,
  activatedAt: true,
  materiallyChangedAt: true,
  closedAt: true,
  closureOutcome: true,
  closureWhatWorked: true,
  closureLearning: true,
  createdAt: true,
  updatedAt: true,
  planOwnerUser: { select: { id: true, name: true, rank: true, organisation: { select: { name: true } } } },
  planOwnerOrganisation: { select: { id: true, name: true } },
} as const;

type PlanRow = {
  id: string;
  threatId: string;
  status: PlanStatus;
  version: number;
  intelligenceGaps: string | null;
  nextReviewDue: Date | null;
  activatedAt: Date | null;
  materiallyChangedAt: Date | null;
  closedAt: Date | null;
  closureOutcome: string | null;
  closureWhatWorked: string | null;
  closureLearning: string | null;
  createdAt: Date;
  updatedAt: Date;
  planOwnerUser: { id: string; name: string; rank: string | null; organisation: { name: string } } | null;
  planOwnerOrganisation: { id: string; name: string } | null;
};

function planOwnerOf(plan: Pick<PlanRow, 'planOwnerUser' | 'planOwnerOrganisation'>): PlanOwner {
  if (plan.planOwnerUser) {
    const u = plan.planOwnerUser;
    return { kind: 'USER', id: u.id, name: u.name, rank: u.rank, organisationName: u.organisation.name };
  }
  if (plan.planOwnerOrganisation) return { kind: 'ORGANISATION', ...plan.planOwnerOrganisation };
  return null;
}

function toPlanSummary(plan: PlanRow) {
  const { planOwnerUser: _u, planOwnerOrganisation: _o, ...rest } = plan;
  return { ...rest, owner: planOwnerOf(plan) };
}

export type PlanSummary = ReturnType<typeof toPlanSummary>;

/**
 * The plan a threat's plan page shows: its live plan, or else its most recently closed one (read
 * only), or null when the threat never had a plan. The caller has checked plan:read on the threat.
 */
export async function getPlanForThreat(threatId: string, livePlanId: string | null): Promise<PlanSummary | null> {
  const plan = livePlanId
    ? await prisma.fourPPlan.findUnique({ where: { id: livePlanId }, select: planSelect })
    : await prisma.fourPPlan.findFirst({ where: { threatId }, orderBy: [{ closedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }], select: planSelect });
  return plan ? toPlanSummary(plan as PlanRow) : null;
}

/** Everything the plan page lists under the plan: objectives, actions, partner engagement. */
export async function getPlanContents(planId: string) {
  const [objectives, actions, engagements, engagementCount] = await Promise.all([
    prisma.objective.findMany({
      where: { planId },
      select: { id: true, strand: true, title: true, successMeasure: true, updatedAt: true },
      orderBy: [...objectiveOrder],
    }),
    // One plan's actions (tens, not thousands): the template shows them all, under their objectives.
    prisma.action.findMany({
      where: { planId },
      select: {
        id: true,
        strand: true,
        objectiveId: true,
        description: true,
        ownerUser: { select: { name: true } },
        ownerOrganisation: { select: { name: true } },
        ownerContactName: true,
        dueOn: true,
        status: true,
        lastUpdatedAt: true,
      },
      orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.partnerEngagement.findMany({
      where: { planId },
      select: { id: true, engagedOn: true, kind: true, summary: true, partnerOrganisation: { select: { name: true } }, recordedBy: { select: { name: true } } },
      orderBy: [{ engagedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      take: PLAN_PAGE_ENGAGEMENTS,
    }),
    prisma.partnerEngagement.count({ where: { planId } }),
  ]);
  return {
    objectives: byStrand(objectives.map((o) => ({ ...o, strand: o.strand as Strand }))) as PlanObjectiveRow[],
    actions: actions.map(
      (a): PlanActionRow => ({
        id: a.id,
        strand: a.strand as Strand,
        objectiveId: a.objectiveId,
        description: a.description,
        ownerUserName: a.ownerUser?.name ?? null,
        ownerOrganisationName: a.ownerOrganisation?.name ?? null,
        ownerContactName: a.ownerContactName,
        dueOn: a.dueOn,
        status: a.status as ActionStatus,
        lastUpdatedAt: a.lastUpdatedAt,
      }),
    ),
    engagements: engagements.map(
      (e): PlanEngagementRow => ({
        id: e.id,
        partnerName: e.partnerOrganisation.name,
        engagedOn: e.engagedOn,
        kind: e.kind as EngagementKind,
        summary: e.summary,
        recordedByName: e.recordedBy?.name ?? null,
      }),
    ),
    engagementCount,
  };
}

/** One objective of a plan, for its edit form. */
export async function getObjective(planId: string, objectiveId: string) {
  const row = await prisma.objective.findFirst({
    where: { id: objectiveId, planId },
    select: { id: true, strand: true, title: true, successMeasure: true, updatedAt: true, _count: { select: { actions: true } } },
  });
  if (!row) return null;
  return { id: row.id, strand: row.strand as Strand, title: row.title, successMeasure: row.successMeasure, updatedAt: row.updatedAt, actionCount: row._count.actions };
}

// ---------------------------------------------------------------------------------------------
// Choices for the plan's forms
// ---------------------------------------------------------------------------------------------

export type Choice = { value: string; text: string };

/**
 * The organisation whose officers may own a plan: the force (or ROCU) the threat belongs to, so
 * a threat of a local policing area may be owned by any officer of its force. Falls back to the
 * threat's own organisation when no force or ROCU is above it.
 */
async function owningUnitPath(db: Pick<Tx, 'organisation'>, organisationPath: string): Promise<string> {
  const ids = organisationPath.split('/').filter(Boolean);
  const units = await db.organisation.findMany({ where: { id: { in: ids }, kind: { in: ['FORCE', 'ROCU'] } }, select: { path: true } });
  // The deepest force or ROCU on the path (a threat sits in at most one, in practice).
  return units.map((u) => u.path).sort((a, b) => b.length - a.length)[0] ?? organisationPath;
}

const ownerRoles = ['LRO', 'MANAGER'] as const;

/**
 * Officers who may own a plan of a threat in the organisation at `organisationPath`: active LROs
 * and managers of its force (or ROCU) and below. `where` lets the write check one id.
 */
function planOwnerUserWhere(unitPath: string) {
  return { active: true, organisation: { path: { startsWith: unitPath } }, roles: { some: { role: { in: [...ownerRoles] } } } };
}

export async function listPlanOwnerOfficers(organisationPath: string): Promise<Choice[]> {
  const unitPath = await owningUnitPath(prisma, organisationPath);
  const rows = await prisma.user.findMany({
    where: planOwnerUserWhere(unitPath),
    select: { id: true, name: true, rank: true, organisation: { select: { name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((u) => ({ value: u.id, text: `${[u.rank, u.name].filter(Boolean).join(' ')} (${u.organisation.name})` }));
}

/** Whether the user may be chosen as the owner of a plan of a threat at `organisationPath`. */
export async function isEligiblePlanOwner(db: Pick<Tx, 'organisation' | 'user'>, organisationPath: string, userId: string): Promise<boolean> {
  const unitPath = await owningUnitPath(db, organisationPath);
  return (await db.user.count({ where: { id: userId, ...planOwnerUserWhere(unitPath) } })) > 0;
}

/** Partner agencies (organisations of kind PARTNER), for plan owner and engagement choices. */
export async function listPartnerOrganisations(): Promise<Choice[]> {
  const rows = await prisma.organisation.findMany({ where: { kind: 'PARTNER' }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map((o) => ({ value: o.id, text: o.name }));
}

/** A partner organisation by id, or null when there is none of kind PARTNER. */
export async function findPartnerOrganisation(db: Pick<Tx, 'organisation'>, organisationId: string) {
  return db.organisation.findFirst({ where: { id: organisationId, kind: 'PARTNER' }, select: { id: true, name: true } });
}

// ---------------------------------------------------------------------------------------------
// Loaders for writes
// ---------------------------------------------------------------------------------------------

/** An objective and its plan's policy resource, within the user's scope (null when out of it). */
export async function loadObjectiveResource(db: Pick<Tx, 'objective' | 'fourPPlan' | 'action'>, user: Actor, objectiveId: string) {
  const objective = await db.objective.findUnique({
    where: { id: objectiveId },
    select: { id: true, planId: true, strand: true, title: true, successMeasure: true, updatedAt: true, _count: { select: { actions: true } } },
  });
  if (!objective) return null;
  const plan = await loadPlanResource(db, user, objective.planId);
  if (!plan) return null;
  return {
    record: {
      plan: plan.record,
      objective: { id: objective.id, strand: objective.strand as Strand, title: objective.title, successMeasure: objective.successMeasure, updatedAt: objective.updatedAt, actionCount: objective._count.actions },
    },
    resource: plan.resource,
  };
}

/** The plan's fields a details edit changes, with names for the audit trail. */
export async function planDetailsForAudit(db: Pick<Tx, 'fourPPlan'>, planId: string) {
  const plan = await db.fourPPlan.findUniqueOrThrow({
    where: { id: planId },
    select: { intelligenceGaps: true, planOwnerUserId: true, planOwnerOrganisationId: true, planOwnerUser: { select: { name: true } }, planOwnerOrganisation: { select: { name: true } } },
  });
  return {
    intelligenceGaps: plan.intelligenceGaps ?? '',
    planOwner: plan.planOwnerUser?.name ?? plan.planOwnerOrganisation?.name ?? null,
    planOwnerUserId: plan.planOwnerUserId,
    planOwnerOrganisationId: plan.planOwnerOrganisationId,
  };
}

/** The organisation path of a threat (for the plan owner rule). */
export async function threatOrganisationPath(db: Pick<Tx, 'socThreat'>, threatId: string): Promise<string> {
  const row = await db.socThreat.findUniqueOrThrow({ where: { id: threatId }, select: { organisation: { select: { path: true } } } });
  return row.organisation.path;
}
