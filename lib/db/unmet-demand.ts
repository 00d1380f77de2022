import 'server-only';
import { prisma, type Tx } from './client';
import { findThreatInScope, ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import type { Actor } from '@/lib/auth/policy';
import type { CapabilityNeeded, Shortfall, ThreatStatus } from '@/lib/domain/vocabulary';

// Unmet demand on a threat (issue 6, "Unmet demand"): the threat the pages and writes work on,
// loaded within the user's scope with its policy resource, and the threat's records, open first.

type Db = Pick<Tx, 'socThreat' | 'unmetDemand' | 'action'>;

export type UnmetDemandRow = {
  id: string;
  threatId: string;
  shortfall: Shortfall;
  capabilityNeeded: CapabilityNeeded;
  description: string;
  raisedOn: Date;
  escalatedTo: string | null;
  escalatedOn: Date | null;
  resolvedOn: Date | null;
  apmisRecorded: boolean;
  recordedByName: string | null;
  createdAt: Date;
};

const unmetDemandSelect = {
  id: true,
  threatId: true,
  shortfall: true,
  capabilityNeeded: true,
  description: true,
  raisedOn: true,
  escalatedTo: true,
  escalatedOn: true,
  resolvedOn: true,
  apmisRecorded: true,
  recordedBy: { select: { name: true } },
  createdAt: true,
} as const;

type Selected = Omit<UnmetDemandRow, 'recordedByName' | 'shortfall' | 'capabilityNeeded'> & {
  shortfall: string;
  capabilityNeeded: string;
  recordedBy: { name: string } | null;
};

function toRow({ recordedBy, ...row }: Selected): UnmetDemandRow {
  return { ...row, shortfall: row.shortfall as Shortfall, capabilityNeeded: row.capabilityNeeded as CapabilityNeeded, recordedByName: recordedBy?.name ?? null };
}

const threatSelect = { ...threatPolicySelect, urn: true, name: true, status: true, mappedOn: true } as const;

export type UnmetDemandThreat = { id: string; urn: string; name: string; status: ThreatStatus; mappedOn: Date; organisationId: string };

async function findThreat(db: Db, user: Actor, threatId: string) {
  const found = await findThreatInScope(db, user, threatId, threatSelect);
  if (!found) return null;
  const { row } = found;
  const threat: UnmetDemandThreat = { id: row.id, urn: row.urn, name: row.name, status: row.status as ThreatStatus, mappedOn: row.mappedOn, organisationId: row.organisationId };
  return { record: threat, resource: found.resource };
}

/** A threat for the unmet demand pages, within the user's threat:read scope, with its policy resource (null when out of scope). */
export async function getUnmetDemandThreat(user: Actor, threatId: string) {
  return findThreat(prisma, user, threatId);
}

/** The threat unmet demand is recorded against, within the user's scope, for the write. */
export async function loadUnmetDemandThreat(db: Db, user: Actor, threatId: string) {
  return findThreat(db, user, threatId);
}

/** A record of unmet demand with its threat's policy resource, within the user's scope (null when out of it). */
export async function loadUnmetDemandResource(db: Db, user: Actor, unmetDemandId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await db.unmetDemand.findFirst({
    where: { id: unmetDemandId, threat: scope },
    select: { ...unmetDemandSelect, threat: { select: { ...threatPolicySelect, status: true } } },
  });
  if (!row) return null;
  const { threat, ...rest } = row;
  return {
    record: { ...toRow(rest), organisationId: threat.organisationId, threatStatus: threat.status as ThreatStatus },
    resource: toThreatResource(threat, user, await ownsActionOnThreat(db, user, threat.id)),
  };
}

export const UNMET_DEMAND_PAGE_SIZE = 20;

/**
 * A page of a threat's unmet demand: open (unresolved) first, then resolved; each newest raised
 * first. Ordered and paged in the database. The caller has checked access to the threat.
 */
export async function listThreatUnmetDemand(threatId: string, page = 1, pageSize = UNMET_DEMAND_PAGE_SIZE) {
  const [total, open] = await Promise.all([prisma.unmetDemand.count({ where: { threatId } }), prisma.unmetDemand.count({ where: { threatId, resolvedOn: null } })]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await prisma.unmetDemand.findMany({
    where: { threatId },
    orderBy: [{ resolvedOn: { sort: 'desc', nulls: 'first' } }, { raisedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: unmetDemandSelect,
  });
  return { rows: rows.map(toRow), total, open, page: current, pageCount };
}

/** One record of a threat's unmet demand (null when it is not that threat's). The caller has checked access to the threat. */
export async function getThreatUnmetDemand(threatId: string, unmetDemandId: string): Promise<UnmetDemandRow | null> {
  const row = await prisma.unmetDemand.findFirst({ where: { id: unmetDemandId, threatId }, select: unmetDemandSelect });
  return row ? toRow(row) : null;
}
