import 'server-only';
import { prisma, type Tx } from './client';
import { getEffectiveThresholds, pathIds } from './settings';
import {
  caseloadLevel,
  caseloadSummary,
  lroTrainingStatus,
  trainingSummary,
  type AssignmentRole,
  type CaseloadLevel,
  type CaseloadThresholds,
  type LroCourse,
  type LroTrainingStatus,
} from '@/lib/domain/lro';
import { LIVE_THREAT_STATUSES } from '@/lib/domain/vocabulary';

// Officers who may hold the LRO or deputy role of a threat, with what a manager needs to choose
// well: their caseload (active threats held as LRO) and their LRO course records.

type Db = Pick<Tx, 'organisation' | 'user' | 'socThreat' | 'trainingRecord'>;

/**
 * The path of the organisation whose officers may lead a threat: the nearest force or ROCU at or
 * above the threat's organisation (a district's threat is led from its force's officers, a ROCU's
 * from the ROCU's). Falls back to the threat's own organisation when there is neither above it.
 */
export async function lroTreeRoot(db: Pick<Tx, 'organisation'>, threatOrganisationPath: string): Promise<{ path: string; name: string }> {
  const ids = pathIds(threatOrganisationPath);
  const organisations = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, path: true, name: true } });
  const byId = new Map(organisations.map((o) => [o.id, o]));
  for (let i = ids.length - 1; i >= 0; i--) {
    const organisation = byId.get(ids[i]!);
    if (organisation && (organisation.kind === 'FORCE' || organisation.kind === 'ROCU')) return { path: organisation.path, name: organisation.name };
  }
  const own = byId.get(ids[ids.length - 1]!);
  return { path: threatOrganisationPath, name: own?.name ?? '' };
}

const officerSelect = { id: true, name: true, rank: true, organisation: { select: { name: true } } } as const;

export type OfficerRow = { id: string; name: string; rank: string | null; organisationName: string };

/** Active users with the LRO role in the organisation at `rootPath` or below it. */
const eligibleWhere = (rootPath: string) => ({ active: true, roles: { some: { role: 'LRO' as const } }, organisation: { path: { startsWith: rootPath } } });

const toRow = (u: { id: string; name: string; rank: string | null; organisation: { name: string } }): OfficerRow => ({
  id: u.id,
  name: u.name,
  rank: u.rank,
  organisationName: u.organisation.name,
});

/** Every officer who may be appointed LRO or deputy under `rootPath` (see lroTreeRoot), by name. */
export async function listLroOfficers(db: Pick<Tx, 'user'>, rootPath: string): Promise<OfficerRow[]> {
  const rows = await db.user.findMany({ where: eligibleWhere(rootPath), select: officerSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map(toRow);
}

/** The officer if they may be appointed under `rootPath`; null for an unknown id or anyone else. */
export async function findLroOfficer(db: Pick<Tx, 'user'>, rootPath: string, userId: string): Promise<OfficerRow | null> {
  const row = await db.user.findFirst({ where: { id: userId, ...eligibleWhere(rootPath) }, select: officerSelect });
  return row ? toRow(row) : null;
}

/** Officers by id, whoever they are (the current holders, who may no longer be eligible). */
export async function getOfficers(db: Pick<Tx, 'user'>, userIds: readonly string[]): Promise<OfficerRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: officerSelect });
  return rows.map(toRow);
}

export type OfficerStanding = {
  /** Live threats (MAPPED or ACTIVE) the officer holds as LRO, counted in the database: LRO_OVERLOADED counts the same. */
  activeThreatsAsLro: number;
  /** Their LRO course records (TrainingRecord kind LRO_COURSE). */
  lroCourses: LroCourse[];
};

/** Caseload and LRO courses of each officer, in two queries whatever the number of officers. */
export async function getOfficerStandings(db: Pick<Db, 'socThreat' | 'trainingRecord'>, userIds: readonly string[]): Promise<Map<string, OfficerStanding>> {
  const out = new Map<string, OfficerStanding>(userIds.map((id) => [id, { activeThreatsAsLro: 0, lroCourses: [] }]));
  if (userIds.length === 0) return out;
  // One after the other: `db` may be an interactive transaction, which runs one query at a time.
  const caseloads = await db.socThreat.groupBy({
    by: ['leadResponsibleOfficerId'],
    where: { status: { in: [...LIVE_THREAT_STATUSES] }, leadResponsibleOfficerId: { in: [...userIds] } },
    _count: { _all: true },
  });
  const courses = await db.trainingRecord.findMany({
    where: { userId: { in: [...userIds] }, kind: 'LRO_COURSE' },
    select: { userId: true, completedOn: true, expiresOn: true },
  });
  for (const row of caseloads) {
    if (row.leadResponsibleOfficerId) out.get(row.leadResponsibleOfficerId)!.activeThreatsAsLro = row._count._all;
  }
  for (const course of courses) out.get(course.userId)!.lroCourses.push({ completedOn: course.completedOn, expiresOn: course.expiresOn });
  return out;
}

/** An officer as the assignment form shows them: who, where, caseload and training. A plain object. */
export type OfficerChoice = {
  id: string;
  name: string;
  rank: string | null;
  organisationName: string;
  activeThreatsAsLro: number;
  caseloadLevel: CaseloadLevel;
  caseloadText: string;
  trainingStatus: LroTrainingStatus['status'];
  trainingText: string;
  /** False for a current holder who could not be appointed now (e.g. no longer in the tree). */
  isEligible: boolean;
  currentRole: AssignmentRole | null;
};

export type LroChoices = {
  /** The force or ROCU whose LROs may be appointed. */
  treeName: string;
  thresholds: CaseloadThresholds;
  officers: OfficerChoice[];
};

/**
 * The officers a manager may choose between for a threat: the LROs of its force (or ROCU) tree,
 * and its current holders, each with their caseload and training at `now`.
 */
export async function getLroChoices(
  threat: { organisationPath: string; leadResponsibleOfficerId: string | null; deputyId: string | null },
  now: Date,
): Promise<LroChoices> {
  const root = await lroTreeRoot(prisma, threat.organisationPath);
  const eligible = await listLroOfficers(prisma, root.path);
  const eligibleIds = new Set(eligible.map((o) => o.id));
  // A current holder stays on the list (to be kept) even if they could not be appointed today.
  const holders = [threat.leadResponsibleOfficerId, threat.deputyId].filter((id): id is string => id !== null && !eligibleIds.has(id));
  const officers = [...eligible, ...(await getOfficers(prisma, holders))];
  const thresholds = await getEffectiveThresholds(threat.organisationPath);
  const standings = await getOfficerStandings(prisma, officers.map((o) => o.id));
  return {
    treeName: root.name,
    thresholds: { lroCaseloadWarning: thresholds.lroCaseloadWarning, lroCaseloadAlert: thresholds.lroCaseloadAlert },
    officers: officers.map((officer) => {
      const standing = standings.get(officer.id)!;
      const training = lroTrainingStatus(standing.lroCourses, now);
      const level = caseloadLevel(standing.activeThreatsAsLro, thresholds);
      return {
        ...officer,
        activeThreatsAsLro: standing.activeThreatsAsLro,
        caseloadLevel: level,
        caseloadText: caseloadSummary(standing.activeThreatsAsLro, level),
        trainingStatus: training.status,
        trainingText: trainingSummary(training),
        isEligible: eligibleIds.has(officer.id),
        currentRole: officer.id === threat.leadResponsibleOfficerId ? 'LRO' : officer.id === threat.deputyId ? 'DEPUTY' : null,
      };
    }),
  };
}
