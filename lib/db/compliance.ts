import 'server-only';
import { prisma, type Tx } from './client';
import { getEffectiveThresholds } from './settings';
import { compareFlags, type ComplianceFlag } from '@/lib/domain/compliance/flags';
import type { OfficerComplianceRecord, ThreatComplianceRecord } from '@/lib/domain/compliance/records';
import { officerFlags, orderFlags, threatFlags } from '@/lib/domain/compliance/rules';

// Single records, judged by the pure rules (lib/domain/compliance/rules.ts). Lists and counts at
// scale come from SQL instead (compliance-sql.ts); the agreement test keeps the two the same.
// Callers check access first: these load by id and do not scope.

type Db = Pick<Tx, 'socThreat' | 'user' | 'ancillaryOrder' | 'complianceSettings'>;

const actionSelect = {
  id: true,
  description: true,
  strand: true,
  status: true,
  ownerUserId: true,
  ownerOrganisationId: true,
  dueOn: true,
  lastUpdatedAt: true,
  completedAt: true,
} as const;

export const threatComplianceSelect = {
  id: true,
  urn: true,
  name: true,
  status: true,
  tier: true,
  mappedOn: true,
  organisationId: true,
  leadResponsibleOfficerId: true,
  plans: {
    select: {
      id: true,
      status: true,
      activatedAt: true,
      nextReviewDue: true,
      materiallyChangedAt: true,
      reviews: { select: { id: true, reviewedAt: true } },
      engagements: { select: { engagedOn: true } },
      actions: { select: actionSelect },
    },
  },
  disruptions: { select: { id: true, reference: true, disruptedOn: true, apmisReference: true } },
  unmetDemand: { select: { id: true, raisedOn: true, resolvedOn: true } },
  assessments: { select: { id: true, assessedOn: true, moderatedAt: true } },
} as const;

export const officerComplianceSelect = {
  id: true,
  name: true,
  organisationId: true,
  threatsLed: { select: { id: true, status: true } },
  trainingRecords: { select: { kind: true, completedOn: true, expiresOn: true } },
} as const;

export const orderComplianceSelect = {
  id: true,
  kind: true,
  subjectName: true,
  threatId: true,
  organisationId: true,
  startsOn: true,
  expiresOn: true,
  lastComplianceCheckOn: true,
} as const;

export async function loadThreatComplianceRecord(threatId: string, db: Db = prisma): Promise<(ThreatComplianceRecord & { organisationPath: string }) | null> {
  const row = await db.socThreat.findUnique({
    where: { id: threatId },
    select: { ...threatComplianceSelect, organisation: { select: { path: true } } },
  });
  if (!row) return null;
  const { organisation, ...record } = row;
  return { ...record, organisationPath: organisation.path };
}

export async function loadOfficerComplianceRecord(userId: string, db: Db = prisma): Promise<(OfficerComplianceRecord & { organisationPath: string }) | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { ...officerComplianceSelect, organisation: { select: { path: true } } } });
  if (!row) return null;
  const { organisation, ...record } = row;
  return { ...record, organisationPath: organisation.path };
}

/** An officer's own flags (LRO_UNTRAINED, LRO_OVERLOADED) at `now`. */
export async function getOfficerFlags(userId: string, now: Date, db: Db = prisma): Promise<ComplianceFlag[]> {
  const officer = await loadOfficerComplianceRecord(userId, db);
  if (!officer) return [];
  return officerFlags(officer, await getEffectiveThresholds(officer.organisationPath, db), now);
}

/**
 * Every flag of one threat at `now`: the threat, its plans, actions, disruptions, assessments and
 * ancillary orders, plus its LRO's own flags (an untrained or overloaded LRO is the threat's
 * problem too). Alerts first.
 */
export async function getThreatFlags(threatId: string, now: Date, db: Db = prisma): Promise<ComplianceFlag[]> {
  const threat = await loadThreatComplianceRecord(threatId, db);
  if (!threat) return [];
  const thresholds = await getEffectiveThresholds(threat.organisationPath, db);
  const orders = await db.ancillaryOrder.findMany({ where: { threatId }, select: { ...orderComplianceSelect, organisation: { select: { path: true } } } });
  const ordersFlags = await Promise.all(
    orders.map(async ({ organisation, ...order }) =>
      orderFlags(order, organisation.path === threat.organisationPath ? thresholds : await getEffectiveThresholds(organisation.path, db), now),
    ),
  );
  const lroFlags = threat.leadResponsibleOfficerId ? await getOfficerFlags(threat.leadResponsibleOfficerId, now, db) : [];
  return [...threatFlags(threat, thresholds, now), ...ordersFlags.flat(), ...lroFlags].sort(compareFlags);
}
