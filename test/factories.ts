// Small factories that make unique records, so integration tests can run in parallel against one
// database without stepping on each other. Each returns what the tests need, nothing more.
import { randomUUID } from 'node:crypto';
import { prisma } from '@/lib/db/client';
import type { Role, OrganisationKind } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);

export async function makeOrganisation(opts: { parent?: { id: string; path: string }; kind?: OrganisationKind; name?: string } = {}) {
  const id = `org${unique()}`;
  const path = `${opts.parent?.path ?? '/'}${id}/`;
  return prisma.organisation.create({
    data: { id, code: id.toUpperCase(), name: opts.name ?? `Organisation ${id}`, kind: opts.kind ?? 'FORCE', parentId: opts.parent?.id ?? null, path },
    select: { id: true, path: true, name: true, kind: true },
  });
}

/** A region with two forces and a partner agency: the shape most policy cases need. */
export async function makeRegion() {
  const region = await makeOrganisation({ kind: 'REGION', name: 'Test region' });
  const [west, south, partner] = await Promise.all([
    makeOrganisation({ parent: region, kind: 'FORCE', name: 'West force' }),
    makeOrganisation({ parent: region, kind: 'FORCE', name: 'South force' }),
    makeOrganisation({ parent: region, kind: 'PARTNER', name: 'Partner agency' }),
  ]);
  const westLpa = await makeOrganisation({ parent: west, kind: 'LPA', name: 'West LPA' });
  return { region, west, westLpa, south, partner };
}

export async function makeUser(organisation: { id: string }, roles: Role[], opts: { active?: boolean; name?: string; passwordHash?: string } = {}) {
  const id = `usr${unique()}`;
  return prisma.user.create({
    data: {
      id,
      email: `${id}@test.invalid`,
      name: opts.name ?? `Officer ${id}`,
      organisationId: organisation.id,
      active: opts.active ?? true,
      passwordHash: opts.passwordHash ?? null,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, email: true, name: true },
  });
}

/** The user as the session would present them. */
export async function asCurrentUser(userId: string): Promise<CurrentUser> {
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, rank: true, roles: { select: { role: true } }, organisation: { select: { id: true, name: true, path: true, kind: true } } },
  });
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    rank: row.rank,
    roles: row.roles.map((r) => r.role),
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationPath: row.organisation.path,
    organisationKind: row.organisation.kind,
  };
}

type ThreatOptions = {
  name?: string;
  tier?: number;
  type?: 'OCG' | 'PRIORITY_INDIVIDUAL' | 'VULNERABILITY';
  status?: 'MAPPED' | 'ACTIVE' | 'ARCHIVED';
  areas?: ('DRUGS' | 'FRAUD' | 'COUNTY_LINES' | 'FIREARMS' | 'CYBER')[];
  leadResponsibleOfficerId?: string | null;
  deputyId?: string | null;
  sharedWith?: string[];
  mappedOn?: Date;
};

export async function makeThreat(organisation: { id: string }, opts: ThreatOptions = {}) {
  const id = unique();
  return prisma.socThreat.create({
    data: {
      urn: `T-${id.toUpperCase()}`,
      name: opts.name ?? `Threat ${id}`,
      type: opts.type ?? 'OCG',
      tier: opts.tier ?? 3,
      status: opts.status ?? 'ACTIVE',
      mappedOn: opts.mappedOn ?? new Date('2026-01-15T00:00:00Z'),
      organisationId: organisation.id,
      leadResponsibleOfficerId: opts.leadResponsibleOfficerId ?? null,
      deputyId: opts.deputyId ?? null,
      areas: { create: (opts.areas ?? ['DRUGS']).map((area) => ({ area })) },
      shares: { create: (opts.sharedWith ?? []).map((organisationId) => ({ organisationId })) },
    },
    select: { id: true, urn: true, name: true, version: true, organisationId: true },
  });
}

export async function makePlanWithAction(threatId: string, opts: { ownerUserId?: string | null } = {}) {
  const plan = await prisma.fourPPlan.create({
    data: { threatId, liveThreatId: threatId, status: 'ACTIVE' },
    select: { id: true },
  });
  const action = await prisma.action.create({
    data: {
      planId: plan.id,
      strand: 'PREVENT',
      description: 'Test action',
      ownerUserId: opts.ownerUserId ?? null,
      lastUpdatedAt: new Date(),
    },
    select: { id: true },
  });
  return { plan, action };
}

// --- LRO assignment (issue 3, item 4: LRO and deputy) -------------------------------------------

/** A training record, e.g. an LRO course completed on one day and expiring on another (or never). */
export async function makeTraining(
  userId: string,
  opts: { completedOn: Date; expiresOn?: Date | null; kind?: 'LRO_COURSE' | 'IMMERSIVE_LEARNING' | 'SOC_TACTICAL_ADVISER_INPUT' | 'OTHER' },
) {
  return prisma.trainingRecord.create({
    data: { userId, kind: opts.kind ?? 'LRO_COURSE', completedOn: opts.completedOn, expiresOn: opts.expiresOn ?? null },
    select: { id: true },
  });
}

/** A threat whose LRO and deputy were appointed `startedAt`, with their open history rows (as the seed makes them). */
export async function makeHeldThreat(
  organisation: { id: string },
  holders: { lroId?: string | null; deputyId?: string | null; status?: 'MAPPED' | 'ACTIVE' | 'ARCHIVED'; startedAt?: Date },
) {
  const threat = await makeThreat(organisation, { leadResponsibleOfficerId: holders.lroId ?? null, deputyId: holders.deputyId ?? null, status: holders.status });
  const startedAt = holders.startedAt ?? new Date('2026-02-01T09:00:00Z');
  const rows = [
    ...(holders.lroId ? [{ threatId: threat.id, userId: holders.lroId, role: 'LRO' as const, startedAt }] : []),
    ...(holders.deputyId ? [{ threatId: threat.id, userId: holders.deputyId, role: 'DEPUTY' as const, startedAt }] : []),
  ];
  if (rows.length) await prisma.lroAssignment.createMany({ data: rows });
  return threat;
}

/** `count` active threats held by the officer as LRO, to give them a caseload. */
export async function giveCaseload(organisation: { id: string }, lroId: string, count: number) {
  for (let i = 0; i < count; i++) await makeThreat(organisation, { leadResponsibleOfficerId: lroId });
}
// --- end of LRO assignment factories ------------------------------------------------------------

// --- Action factories (actions engineer, issue 3) -------------------------------------------------

/** A plan on the threat: live (DRAFT or ACTIVE) unless CLOSED, which is no longer the live plan. */
export async function makePlanForActions(threatId: string, opts: { status?: 'DRAFT' | 'ACTIVE' | 'CLOSED' } = {}) {
  const status = opts.status ?? 'ACTIVE';
  return prisma.fourPPlan.create({
    data: { threatId, liveThreatId: status === 'CLOSED' ? null : threatId, status, closedAt: status === 'CLOSED' ? new Date() : null },
    select: { id: true, threatId: true },
  });
}

export async function makeObjectiveForActions(planId: string, strand: 'PURSUE' | 'PREVENT' | 'PROTECT' | 'PREPARE', title = `Objective ${unique()}`) {
  return prisma.objective.create({
    data: { planId, strand, title, successMeasure: `Success measure of ${title}` },
    select: { id: true, strand: true, title: true },
  });
}

type ActionForTestOptions = {
  strand?: 'PURSUE' | 'PREVENT' | 'PROTECT' | 'PREPARE';
  objectiveId?: string | null;
  description?: string;
  ownerUserId?: string | null;
  ownerOrganisationId?: string | null;
  ownerContactName?: string | null;
  status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'COMPLETE' | 'CANCELLED';
  dueOn?: Date | null;
  lastUpdatedAt?: Date;
};

export async function makeActionForTest(planId: string, opts: ActionForTestOptions = {}) {
  return prisma.action.create({
    data: {
      planId,
      strand: opts.strand ?? 'PREVENT',
      objectiveId: opts.objectiveId ?? null,
      description: opts.description ?? `Action ${unique()}`,
      ownerUserId: opts.ownerUserId ?? null,
      ownerOrganisationId: opts.ownerOrganisationId ?? null,
      ownerContactName: opts.ownerContactName ?? null,
      status: opts.status ?? 'NOT_STARTED',
      dueOn: opts.dueOn === undefined ? new Date('2027-03-31T00:00:00Z') : opts.dueOn,
      lastUpdatedAt: opts.lastUpdatedAt ?? new Date('2026-01-20T10:00:00Z'),
    },
    select: { id: true, version: true, planId: true },
  });
}
// --- end of action factories ---------------------------------------------------------------------
