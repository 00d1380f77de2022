import 'server-only';
import { prisma, type Prisma } from './client';
import { ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import type { Actor } from '@/lib/auth/policy';
import { REGISTER_PAGE_SIZE, type ThreatRegisterQuery, type ThreatSortKey } from '@/lib/validation/threat-register';
import type { ThreatArea, ThreatStatus, ThreatType, PlanStatus, Strand, ActionStatus } from '@/lib/domain/vocabulary';

export type ThreatRegisterRow = {
  id: string;
  urn: string;
  name: string;
  type: ThreatType;
  tier: number;
  status: ThreatStatus;
  mappedOn: Date;
  organisationName: string;
  leadResponsibleOfficerName: string | null;
  areas: ThreatArea[];
  planStatus: PlanStatus | null;
  nextReviewDue: Date | null;
};

export type ThreatRegisterPage = {
  rows: ThreatRegisterRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

function orderBy(sort: ThreatSortKey, order: 'asc' | 'desc'): Prisma.SocThreatOrderByWithRelationInput[] {
  const primary: Record<ThreatSortKey, Prisma.SocThreatOrderByWithRelationInput> = {
    urn: { urn: order },
    name: { name: order },
    type: { type: order },
    tier: { tier: order },
    status: { status: order },
    organisation: { organisation: { name: order } },
    lro: { leadResponsibleOfficer: { name: order } },
    mappedOn: { mappedOn: order },
  };
  // A unique tie-breaker keeps pages stable.
  return sort === 'urn' ? [primary.urn] : [primary[sort], { urn: 'asc' }];
}

function filterWhere(query: ThreatRegisterQuery): Prisma.SocThreatWhereInput[] {
  const where: Prisma.SocThreatWhereInput[] = [];
  if (query.organisation) where.push({ organisationId: query.organisation });
  if (query.type) where.push({ type: query.type });
  if (query.tier) where.push({ tier: query.tier });
  if (query.status) where.push({ status: query.status });
  if (query.area) where.push({ areas: { some: { area: query.area } } });
  if (query.lro === 'none') where.push({ leadResponsibleOfficerId: null });
  else if (query.lro) where.push({ leadResponsibleOfficerId: query.lro });
  if (query.q) where.push({ OR: [{ urn: { contains: query.q.toUpperCase() } }, { name: { contains: query.q } }] });
  return where;
}

/** One page of the threats register the user may see, filtered and sorted in the database. */
export async function listThreats(user: Actor, query: ThreatRegisterQuery): Promise<ThreatRegisterPage> {
  const scope = threatScopeWhere(user);
  if (!scope) return { rows: [], total: 0, page: 1, pageCount: 0, pageSize: REGISTER_PAGE_SIZE };
  const where: Prisma.SocThreatWhereInput = { AND: [scope, ...filterWhere(query)] };
  const total = await prisma.socThreat.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.socThreat.findMany({
    where,
    orderBy: orderBy(query.sort, query.order),
    skip: (page - 1) * REGISTER_PAGE_SIZE,
    take: REGISTER_PAGE_SIZE,
    select: {
      id: true,
      urn: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      mappedOn: true,
      organisation: { select: { name: true } },
      leadResponsibleOfficer: { select: { name: true } },
      areas: { select: { area: true }, orderBy: { area: 'asc' } },
      livePlan: { select: { status: true, nextReviewDue: true } },
    },
  });
  return {
    total,
    page,
    pageCount: total === 0 ? 0 : pageCount,
    pageSize: REGISTER_PAGE_SIZE,
    rows: rows.map((row) => ({
      id: row.id,
      urn: row.urn,
      name: row.name,
      type: row.type,
      tier: row.tier,
      status: row.status,
      mappedOn: row.mappedOn,
      organisationName: row.organisation.name,
      leadResponsibleOfficerName: row.leadResponsibleOfficer?.name ?? null,
      areas: row.areas.map((a) => a.area),
      planStatus: row.livePlan?.status ?? null,
      nextReviewDue: row.livePlan?.nextReviewDue ?? null,
    })),
  };
}

export type Option = { value: string; text: string };

/** The organisations and LROs that appear among the threats the user may see, for the filters. */
export async function listRegisterFilterOptions(user: Actor): Promise<{ organisations: Option[]; leadResponsibleOfficers: Option[] }> {
  const scope = threatScopeWhere(user);
  if (!scope) return { organisations: [], leadResponsibleOfficers: [] };
  const [organisations, officers] = await Promise.all([
    prisma.organisation.findMany({ where: { threats: { some: scope } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.user.findMany({ where: { threatsLed: { some: scope } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    organisations: organisations.map((o) => ({ value: o.id, text: o.name })),
    leadResponsibleOfficers: officers.map((o) => ({ value: o.id, text: o.name })),
  };
}

const personSelect = { select: { id: true, name: true, rank: true, email: true } } as const;

/**
 * One threat, loaded only if it is within the user's scope; null otherwise (the caller shows
 * "not found" either way). Returns the policy resource alongside, for `can()`.
 */
export async function getThreatDetail(user: Actor, threatId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const threat = await prisma.socThreat.findFirst({
    where: { AND: [{ id: threatId }, scope] },
    select: {
      id: true,
      urn: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      archivedReason: true,
      mappedOn: true,
      version: true,
      updatedAt: true,
      organisation: { select: { id: true, name: true, path: true } },
      leadResponsibleOfficer: personSelect,
      deputy: personSelect,
      areas: { select: { area: true }, orderBy: { area: 'asc' } },
      shares: { select: { organisationId: true, organisation: { select: { name: true } } } },
      assessments: {
        orderBy: { assessedOn: 'desc' },
        take: 20,
        select: {
          id: true,
          assessedOn: true,
          harm: true,
          likelihood: true,
          riskScore: true,
          confidence: true,
          priority: true,
          tier: true,
          moderatedAt: true,
          moderatedBy: { select: { name: true } },
          nextReassessmentDue: true,
        },
      },
      lroAssignments: {
        orderBy: [{ startedAt: 'desc' }],
        take: 50,
        select: { id: true, role: true, startedAt: true, endedAt: true, handoverNote: true, user: { select: { name: true, rank: true } } },
      },
      livePlan: {
        select: {
          id: true,
          status: true,
          version: true,
          nextReviewDue: true,
          activatedAt: true,
          updatedAt: true,
          intelligenceGaps: true,
          _count: { select: { objectives: true, engagements: true } },
          reviews: { orderBy: { reviewedAt: 'desc' }, take: 1, select: { reviewedAt: true, outcome: true, reviewer: { select: { name: true } } } },
        },
      },
    },
  });
  if (!threat) return null;

  const resource = toThreatResource(
    { leadResponsibleOfficerId: threat.leadResponsibleOfficer?.id ?? null, deputyId: threat.deputy?.id ?? null, organisation: threat.organisation, shares: threat.shares },
    user,
    await ownsActionOnThreat(prisma, user, threatId),
  );
  return { threat, resource };
}

export type ThreatDetail = NonNullable<Awaited<ReturnType<typeof getThreatDetail>>>['threat'];

export type StrandActionCounts = Record<Strand, Partial<Record<ActionStatus, number>>>;

/** Actions of a plan counted by strand and status, in the database. */
export async function countPlanActions(planId: string): Promise<StrandActionCounts> {
  const groups = await prisma.action.groupBy({ by: ['strand', 'status'], where: { planId }, _count: { _all: true } });
  const counts: StrandActionCounts = { PURSUE: {}, PREVENT: {}, PROTECT: {}, PREPARE: {} };
  for (const group of groups) counts[group.strand][group.status] = group._count._all;
  return counts;
}

/** The policy resource for one threat, loaded within the user's scope (null when out of it). */
export async function loadThreatResource(db: Pick<typeof prisma, 'socThreat' | 'action'>, user: Actor, threatId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await db.socThreat.findFirst({ where: { AND: [{ id: threatId }, scope] }, select: { ...threatPolicySelect, version: true } });
  if (!row) return null;
  return { record: row, resource: toThreatResource(row, user, await ownsActionOnThreat(db, user, threatId)) };
}

/** Who last changed a record, from the audit trail (for conflict messages). */
export async function lastChangeOf(db: Pick<typeof prisma, 'auditEvent'>, entityType: string, entityId: string) {
  const event = await db.auditEvent.findFirst({
    where: { entityType, entityId, NOT: { action: { endsWith: '.view' } } },
    orderBy: { at: 'desc' },
    select: { at: true, actor: { select: { name: true } } },
  });
  return event ? { by: event.actor?.name ?? null, at: event.at } : null;
}
