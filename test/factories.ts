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
