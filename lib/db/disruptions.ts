import 'server-only';
import { prisma, type Tx } from './client';
import { findThreatInScope, ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import type { Actor } from '@/lib/auth/policy';
import type { Strand, ThreatStatus } from '@/lib/domain/vocabulary';
import type { DisruptionCategory, DisruptionRole } from '@/lib/validation/disruptions';

// Disruptions of a threat (issue 6, "Disruptions"): the threat's list, paginated in the database,
// the records the writes load within the user's scope, and the organisations that may lead one.

type Db = Pick<Tx, 'socThreat' | 'disruption' | 'action' | 'organisation'>;

/** Lead agencies are forces, ROCUs and partner agencies. */
export const LEAD_AGENCY_KINDS = ['FORCE', 'ROCU', 'PARTNER'] as const;

export const DISRUPTIONS_PAGE_SIZE = 25;

export type DisruptionRow = {
  id: string;
  reference: string;
  disruptedOn: Date;
  strand: Strand;
  category: DisruptionCategory;
  role: DisruptionRole;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
  description: string;
  apmisReference: string | null;
  apmisRecordedAt: Date | null;
  recordedByName: string | null;
  updatedAt: Date;
};

const disruptionSelect = {
  id: true,
  reference: true,
  disruptedOn: true,
  strand: true,
  category: true,
  role: true,
  leadAgencyId: true,
  leadAgency: { select: { name: true } },
  description: true,
  apmisReference: true,
  apmisRecordedAt: true,
  recordedBy: { select: { name: true } },
  updatedAt: true,
} as const;

type DisruptionSelected = {
  id: string;
  reference: string;
  disruptedOn: Date;
  strand: string;
  category: string;
  role: string;
  leadAgencyId: string | null;
  leadAgency: { name: string } | null;
  description: string;
  apmisReference: string | null;
  apmisRecordedAt: Date | null;
  recordedBy: { name: string } | null;
  updatedAt: Date;
};

function toDisruptionRow(row: DisruptionSelected): DisruptionRow {
  const { leadAgency, recordedBy, ...rest } = row;
  return {
    ...rest,
    strand: row.strand as Strand,
    category: row.category as DisruptionCategory,
    role: row.role as DisruptionRole,
    leadAgencyName: leadAgency?.name ?? null,
    recordedByName: recordedBy?.name ?? null,
  };
}

/** Newest first: by date of the disruption, then the one recorded later, then id. */
const newestFirst = [{ disruptedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] as const;

/** One page of a threat's disruptions, newest first. The caller has checked access to the threat. */
export async function listThreatDisruptions(threatId: string, page: number, pageSize = DISRUPTIONS_PAGE_SIZE) {
  const total = await prisma.disruption.count({ where: { threatId } });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await prisma.disruption.findMany({ where: { threatId }, orderBy: [...newestFirst], skip: (current - 1) * pageSize, take: pageSize, select: disruptionSelect });
  return { rows: rows.map(toDisruptionRow), total, page: current, pageCount };
}

/** One disruption of a threat (null when it is not that threat's). The caller has checked access to the threat. */
export async function getThreatDisruption(threatId: string, disruptionId: string): Promise<DisruptionRow | null> {
  const row = await prisma.disruption.findFirst({ where: { id: disruptionId, threatId }, select: disruptionSelect });
  return row ? toDisruptionRow(row) : null;
}

const threatFactsSelect = { urn: true, name: true, status: true } as const;

export type DisruptionThreat = { id: string; urn: string; name: string; status: ThreatStatus; organisationId: string; organisationPath: string };

function toDisruptionThreat(row: { id: string; urn: string; name: string; status: string; organisationId: string; organisation: { path: string } }): DisruptionThreat {
  return { id: row.id, urn: row.urn, name: row.name, status: row.status as ThreatStatus, organisationId: row.organisationId, organisationPath: row.organisation.path };
}

/**
 * The threat a disruption is recorded against, within the user's threat:read scope, with its
 * policy resource (the caller asks plan:read or disruption:record of it). Null when out of scope.
 */
export async function loadDisruptionThreat(db: Db, user: Actor, threatId: string) {
  const found = await findThreatInScope(db, user, threatId, threatFactsSelect);
  return found && { record: toDisruptionThreat(found.row), resource: found.resource };
}

/** For the pages: the threat and its resource, or null. */
export function getDisruptionThreat(user: Actor, threatId: string) {
  return loadDisruptionThreat(prisma, user, threatId);
}

/** A disruption with its threat and the threat's policy resource, within the user's scope (null when out of it). */
export async function loadDisruptionResource(db: Db, user: Actor, disruptionId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await db.disruption.findFirst({ where: { id: disruptionId, threat: scope }, select: { ...disruptionSelect, threat: { select: { ...threatPolicySelect, ...threatFactsSelect } } } });
  if (!row) return null;
  const { threat, ...disruption } = row;
  return {
    record: { disruption: toDisruptionRow(disruption), threat: toDisruptionThreat(threat) },
    resource: toThreatResource(threat, user, await ownsActionOnThreat(db, user, threat.id)),
  };
}

export type LeadAgencyOption = { id: string; name: string; kind: (typeof LEAD_AGENCY_KINDS)[number] };

/** Every force, ROCU and partner agency, by name: the organisations that may lead a disruption. */
export async function listLeadAgencies(db: Pick<Tx, 'organisation'> = prisma): Promise<LeadAgencyOption[]> {
  const rows = await db.organisation.findMany({ where: { kind: { in: [...LEAD_AGENCY_KINDS] } }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true, kind: true } });
  return rows.map((row) => ({ ...row, kind: row.kind as LeadAgencyOption['kind'] }));
}

/** The lead agency named, if it is a force, ROCU or partner agency. */
export async function findLeadAgency(db: Pick<Tx, 'organisation'>, organisationId: string) {
  return db.organisation.findFirst({ where: { id: organisationId, kind: { in: [...LEAD_AGENCY_KINDS] } }, select: { id: true, name: true } });
}
