import 'server-only';
import { empty, join, prisma, raw, sql, sqlDialect, type Prisma, type Sql, type Tx } from './client';
import { getOfficerFlags } from './compliance';
import { listFlagRows } from './compliance-sql';
import { getOfficerStandings } from './officers';
import { withinOrganisationSql } from './dashboard-records';
import { pathPrefixSql, threatScopeWhere } from './scope';
import { getEffectiveThresholds } from './settings';
import { compareFlagTags, listThreatFlagTags, type ThreatFlagTag } from './threats';
import { relationsFor, type Actor, type UserResource } from '@/lib/auth/policy';
import type { ComplianceFlag, FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';
import { addCalendarDays, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import { caseloadLevel, lroTrainingStatus, type AssignmentRole, type CaseloadLevel, type CaseloadThresholds, type LroTrainingStatus } from '@/lib/domain/lro';
import { LIVE_THREAT_STATUSES, type ThreatStatus } from '@/lib/domain/vocabulary';
import { LRO_REGISTER_PAGE_SIZE, TRAINING_EXPIRY_SOON_DAYS, type LroRegisterQuery, type LroSortKey } from '@/lib/validation/lro-register';
import type { TrainingKind } from '@/lib/validation/training';

// The LRO register (issue 5, "LRO register"): every LRO and deputy a user may see, with what
// they hold, their caseload against their organisation's thresholds, their LRO training and their
// flags. Filtered, sorted, counted and paged in the database; the page's rows are then judged by
// the same pure rules as the flags (lib/domain/lro.ts), and their flags come from the compliance
// engine's SQL (compliance-sql.ts), so the register agrees with the flags everywhere else.
//
// Who is on it: officers who hold a live threat (MAPPED or ACTIVE) as LRO or deputy, and active
// officers with the LRO role, within the user's scope of lro:read (their organisation and below;
// an LRO sees only their own entry).

const LIVE = raw(LIVE_THREAT_STATUSES.map((s) => `'${s}'`).join(', '));
const OFFICER_FLAG_CODES: FlagCode[] = ['LRO_UNTRAINED', 'LRO_OVERLOADED'];

/** An instant as a bound parameter, typed for PostgreSQL where it cannot infer it. */
const ts = (date: Date): Sql => (sqlDialect() === 'postgres' ? sql`CAST(${date} AS timestamp(3))` : sql`${date}`);

/** The officers the user may see in the register, as a condition on "User" u; null: none. */
function officerScopeSql(user: Actor): Sql | null {
  const branches: Sql[] = [];
  for (const relation of relationsFor(user, 'lro:read')) {
    if (relation === 'organisation') branches.push(sql`u."organisationId" IN (SELECT o."id" FROM "Organisation" o WHERE ${pathPrefixSql(sql`o."path"`, user.organisationPath)})`);
    if (relation === 'holder') branches.push(sql`u."id" = ${user.id}`);
  }
  return branches.length ? sql`(${join(branches, ' OR ')})` : null;
}

/** The same scope for Prisma. */
function officerScopeWhere(user: Actor): Prisma.UserWhereInput | null {
  const branches: Prisma.UserWhereInput[] = [];
  for (const relation of relationsFor(user, 'lro:read')) {
    if (relation === 'organisation') branches.push({ organisation: { path: { startsWith: user.organisationPath } } });
    if (relation === 'holder') branches.push({ id: user.id });
  }
  return branches.length ? { OR: branches } : null;
}

/**
 * Training as a rank for filtering and sorting, the SQL twin of lroTrainingStatus: 0 no completed
 * course, 1 expired, 2 current with an expiry, 3 current without one. `training_until` is when the
 * current courses run out (rank 2 only).
 */
function trainingColumns(now: Date): Sql {
  const at = ts(now);
  const course = sql`FROM "TrainingRecord" tr WHERE tr."userId" = u."id" AND tr."kind" = 'LRO_COURSE' AND tr."completedOn" <= ${at}`;
  const current = sql`${course} AND (tr."expiresOn" IS NULL OR tr."expiresOn" > ${at})`;
  return sql`CASE
      WHEN EXISTS (SELECT 1 ${course} AND tr."expiresOn" IS NULL) THEN 3
      WHEN EXISTS (SELECT 1 ${current}) THEN 2
      WHEN EXISTS (SELECT 1 ${course}) THEN 1
      ELSE 0 END AS training_rank,
    (SELECT MAX(tr."expiresOn") ${current}) AS training_until`;
}

/**
 * Every officer in the user's register with their live threats as LRO and as deputy and their
 * training rank: a subquery yielding (id, name, rank, active, organisation_id, organisation_name,
 * organisation_path, as_lro, as_deputy, training_rank, training_until). Null when the user may
 * see no one.
 */
function registerSql(user: Actor, now: Date): Sql | null {
  const scope = officerScopeSql(user);
  if (!scope) return null;
  return sql`SELECT * FROM (
    SELECT u."id" AS id, u."name" AS name, u."rank" AS rank, u."active" AS active,
           o."id" AS organisation_id, o."name" AS organisation_name, o."path" AS organisation_path,
           (SELECT COUNT(*) FROM "SocThreat" t WHERE t."leadResponsibleOfficerId" = u."id" AND t."status" IN (${LIVE})) AS as_lro,
           (SELECT COUNT(*) FROM "SocThreat" t WHERE t."deputyId" = u."id" AND t."status" IN (${LIVE})) AS as_deputy,
           CASE WHEN u."active" AND EXISTS (SELECT 1 FROM "UserRole" ur WHERE ur."userId" = u."id" AND ur."role" = 'LRO') THEN 1 ELSE 0 END AS is_lro,
           ${trainingColumns(now)}
      FROM "User" u JOIN "Organisation" o ON o."id" = u."organisationId"
     WHERE ${scope}
  ) officers WHERE officers.as_lro > 0 OR officers.as_deputy > 0 OR officers.is_lro = 1`;
}

/** The first instant after the "expiring soon" window: a course expiring before it expires within TRAINING_EXPIRY_SOON_DAYS London days. */
function expiringSoonBefore(now: Date): Date {
  return londonDayStart(addCalendarDays(londonDateKey(now), TRAINING_EXPIRY_SOON_DAYS + 1));
}

/** LIKE pattern for "contains", with the user's own % and _ taken literally (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type FlagOfKind = { code: FlagCode; severity: FlagSeverity };

/** Every officer's own flags in the user's organisation and below, by officer (the engine's officer rules only). */
async function officerFlagsById(user: Actor, now: Date): Promise<Map<string, FlagOfKind[]>> {
  const out = new Map<string, FlagOfKind[]>();
  for (const row of await listFlagRows({ organisationPath: user.organisationPath }, now, { codes: OFFICER_FLAG_CODES })) {
    out.set(row.subject.id, [...(out.get(row.subject.id) ?? []), { code: row.code, severity: row.severity }]);
  }
  return out;
}

function filterConditions(query: LroRegisterQuery, now: Date, overloaded: readonly string[]): Sql[] {
  const where: Sql[] = [];
  if (query.organisation) where.push(sql`r.organisation_id = ${query.organisation}`);
  if (query.within) where.push(withinOrganisationSql(sql`r.organisation_id`, query.within));
  if (query.q) where.push(sql`LOWER(r.name) LIKE ${containsPattern(query.q.toLowerCase())} ESCAPE '\\'`);
  if (query.training === 'untrained') where.push(sql`r.training_rank <= 1`);
  if (query.training === 'trained') where.push(sql`r.training_rank >= 2`);
  if (query.training === 'expiring') where.push(sql`r.training_rank = 2 AND r.training_until < ${ts(expiringSoonBefore(now))}`);
  if (query.caseload === 'holding') where.push(sql`r.as_lro > 0`);
  if (query.caseload === 'over') where.push(overloaded.length ? sql`r.id IN (${join([...overloaded])})` : sql`1 = 0`);
  return where;
}

function orderBy(sort: LroSortKey, order: 'asc' | 'desc'): Sql {
  const dir = raw(order === 'desc' ? 'DESC' : 'ASC');
  // Names A to Z break every tie, then the id, so that pages are stable.
  const byName = sql`LOWER(r.name) ASC, r.id ASC`;
  switch (sort) {
    case 'name':
      return sql`LOWER(r.name) ${dir}, r.id ${dir}`;
    case 'organisation':
      return sql`LOWER(r.organisation_name) ${dir}, ${byName}`;
    case 'caseload':
      return sql`r.as_lro ${dir}, r.as_deputy ${dir}, ${byName}`;
    case 'training':
      // Ascending: untrained, expired, expiring soonest ... never expiring.
      return sql`r.training_rank ${dir}, CASE WHEN r.training_until IS NULL THEN 1 ELSE 0 END ${dir}, r.training_until ${dir}, ${byName}`;
  }
}

export type LroRegisterRow = {
  id: string;
  name: string;
  rank: string | null;
  isActive: boolean;
  organisationId: string;
  organisationName: string;
  /** Live threats (MAPPED or ACTIVE) held as LRO: the caseload. */
  liveThreatsAsLro: number;
  liveThreatsAsDeputy: number;
  caseloadLevel: CaseloadLevel;
  thresholds: CaseloadThresholds;
  training: LroTrainingStatus;
  /** Their own flags (LRO_UNTRAINED, LRO_OVERLOADED), alerts first. */
  flags: ThreatFlagTag[];
};

export type LroRegisterPage = { rows: LroRegisterRow[]; total: number; page: number; pageCount: number; pageSize: number };

type RawRegisterRow = {
  id: string;
  name: string;
  rank: string | null;
  active: boolean | number | bigint;
  organisation_id: string;
  organisation_name: string;
  organisation_path: string;
  as_lro: number | bigint;
  as_deputy: number | bigint;
};

/** The caseload thresholds of each organisation, resolved once per organisation. */
async function thresholdsByPath(paths: readonly string[]): Promise<Map<string, CaseloadThresholds>> {
  const unique = [...new Set(paths)];
  const resolved = await Promise.all(unique.map(async (path) => [path, await getEffectiveThresholds(path)] as const));
  return new Map(resolved.map(([path, t]) => [path, { lroCaseloadWarning: t.lroCaseloadWarning, lroCaseloadAlert: t.lroCaseloadAlert }]));
}

/**
 * One page of the LRO register the user may see, filtered, sorted and counted in the database.
 * Caseload levels and training are judged for the page's officers by the pure rules.
 */
export async function listLroRegister(user: Actor, query: LroRegisterQuery, now: Date = new Date()): Promise<LroRegisterPage> {
  const register = registerSql(user, now);
  const none: LroRegisterPage = { rows: [], total: 0, page: 1, pageCount: 0, pageSize: LRO_REGISTER_PAGE_SIZE };
  if (!register) return none;
  const flags = await officerFlagsById(user, now);
  const overloaded = [...flags].filter(([, list]) => list.some((f) => f.code === 'LRO_OVERLOADED')).map(([id]) => id);
  const conditions = filterConditions(query, now, overloaded);
  const where = conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : empty;

  const [{ n }] = await prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS n FROM (${register}) r ${where}`);
  const total = Number(n);
  if (total === 0) return none;
  const pageCount = Math.ceil(total / LRO_REGISTER_PAGE_SIZE);
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.$queryRaw<RawRegisterRow[]>(
    sql`SELECT r.id, r.name, r.rank, r.active, r.organisation_id, r.organisation_name, r.organisation_path, r.as_lro, r.as_deputy
          FROM (${register}) r ${where}
         ORDER BY ${orderBy(query.sort, query.order)}
         LIMIT ${raw(String(LRO_REGISTER_PAGE_SIZE))} OFFSET ${raw(String((page - 1) * LRO_REGISTER_PAGE_SIZE))}`,
  );

  const [standings, thresholds] = await Promise.all([
    getOfficerStandings(
      prisma,
      rows.map((r) => r.id),
    ),
    thresholdsByPath(rows.map((r) => r.organisation_path)),
  ]);
  return {
    total,
    page,
    pageCount,
    pageSize: LRO_REGISTER_PAGE_SIZE,
    rows: rows.map((row): LroRegisterRow => {
      const asLro = Number(row.as_lro);
      const limits = thresholds.get(row.organisation_path)!;
      return {
        id: row.id,
        name: row.name,
        rank: row.rank,
        isActive: Boolean(Number(row.active)),
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        liveThreatsAsLro: asLro,
        liveThreatsAsDeputy: Number(row.as_deputy),
        caseloadLevel: caseloadLevel(asLro, limits),
        thresholds: limits,
        training: lroTrainingStatus(standings.get(row.id)?.lroCourses ?? [], now),
        flags: (flags.get(row.id) ?? []).map((f) => ({ ...f, count: 1 })).sort(compareFlagTags),
      };
    }),
  };
}

export type Option = { value: string; text: string };

/** The organisations of the officers on the user's register, for its filter. */
export async function listLroRegisterOrganisations(user: Actor, now: Date = new Date()): Promise<Option[]> {
  const register = registerSql(user, now);
  if (!register) return [];
  const rows = await prisma.$queryRaw<{ org_id: string; org_name: string }[]>(
    sql`SELECT r.organisation_id AS org_id, r.organisation_name AS org_name FROM (${register}) r
          GROUP BY r.organisation_id, r.organisation_name ORDER BY LOWER(r.organisation_name), r.organisation_id`,
  );
  return rows.map((row) => ({ value: row.org_id, text: row.org_name }));
}

export type TrainingSummaryRow = {
  organisationId: string;
  organisationName: string;
  /** Officers leading at least one live threat. */
  leading: number;
  /** Of them: with a completed, current LRO course. */
  trained: number;
  /** Of them: with none, or only expired ones (LRO_UNTRAINED). */
  untrained: number;
  /** Of the trained: the current course runs out within TRAINING_EXPIRY_SOON_DAYS. */
  expiringSoon: number;
};

/**
 * LRO training per organisation of the officers on the user's register who lead live threats:
 * how many, how many trained and untrained, and how many trained whose course expires soon.
 * Counted in the database; each figure is the register filtered by organisation, "leading live
 * threats" and the matching training filter. Organisations with no such officer are left out.
 */
export async function countTrainingByOrganisation(user: Actor, now: Date = new Date()): Promise<TrainingSummaryRow[]> {
  const register = registerSql(user, now);
  if (!register) return [];
  const rows = await prisma.$queryRaw<
    { organisation_id: string; organisation_name: string; leading: number | bigint; trained: number | bigint; untrained: number | bigint; expiring: number | bigint }[]
  >(sql`SELECT r.organisation_id, r.organisation_name, COUNT(*) AS leading,
               SUM(CASE WHEN r.training_rank >= 2 THEN 1 ELSE 0 END) AS trained,
               SUM(CASE WHEN r.training_rank <= 1 THEN 1 ELSE 0 END) AS untrained,
               SUM(CASE WHEN r.training_rank = 2 AND r.training_until < ${ts(expiringSoonBefore(now))} THEN 1 ELSE 0 END) AS expiring
          FROM (${register}) r
         WHERE r.as_lro > 0
         GROUP BY r.organisation_id, r.organisation_name
         ORDER BY LOWER(r.organisation_name), r.organisation_id`);
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    leading: Number(row.leading),
    trained: Number(row.trained),
    untrained: Number(row.untrained),
    expiringSoon: Number(row.expiring),
  }));
}

// --- One officer ----------------------------------------------------------------------------------

const live: Prisma.SocThreatWhereInput = { status: { in: [...LIVE_THREAT_STATUSES] } };

/** Someone with a place in the register or its history: the LRO role, a live threat held, or any past assignment. */
const isLroOrDeputy: Prisma.UserWhereInput = {
  OR: [{ roles: { some: { role: 'LRO' } } }, { threatsLed: { some: live } }, { threatsDeputised: { some: live } }, { lroAssignments: { some: {} } }],
};

function toUserResource(person: { id: string; organisationPath: string }): UserResource {
  return { kind: 'user', id: person.id, organisationPath: person.organisationPath };
}

const personSelect = { id: true, name: true, rank: true, active: true, organisation: { select: { id: true, name: true, path: true } } } as const;

export type LroPerson = { id: string; name: string; rank: string | null; isActive: boolean; organisationId: string; organisationName: string; organisationPath: string };

function toPerson(row: { id: string; name: string; rank: string | null; active: boolean; organisation: { id: string; name: string; path: string } }): LroPerson {
  return {
    id: row.id,
    name: row.name,
    rank: row.rank,
    isActive: row.active,
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationPath: row.organisation.path,
  };
}

/** An LRO or deputy the user may see in the register (lro:read scope), with the policy resource; null otherwise. */
export async function findLroPerson(user: Actor, userId: string): Promise<{ person: LroPerson; resource: UserResource } | null> {
  const scope = officerScopeWhere(user);
  if (!scope) return null;
  const row = await prisma.user.findFirst({ where: { AND: [{ id: userId }, scope, isLroOrDeputy] }, select: personSelect });
  if (!row) return null;
  const person = toPerson(row);
  return { person, resource: toUserResource(person) };
}

/**
 * Anyone in the user's organisation or below, for a write about them (e.g. recording their
 * training): null, "not found", for anyone else.
 */
export async function loadPersonResource(db: Pick<Tx, 'user'>, user: Pick<Actor, 'organisationPath'>, userId: string) {
  const row = await db.user.findFirst({ where: { id: userId, organisation: { path: { startsWith: user.organisationPath } } }, select: personSelect });
  if (!row) return null;
  const person = toPerson(row);
  return { record: person, resource: toUserResource(person) };
}

export type HeldThreatOfOfficer = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  status: ThreatStatus;
  organisationName: string;
  role: AssignmentRole;
  flags: ThreatFlagTag[];
};

export type TrainingRecordRow = {
  id: string;
  kind: TrainingKind;
  completedOn: Date;
  expiresOn: Date | null;
  note: string | null;
  recordedByName: string | null;
  recordedAt: Date;
};

export type AssignmentHistoryRow = {
  id: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  role: AssignmentRole;
  startedAt: Date;
  endedAt: Date | null;
  handoverNote: string | null;
};

export const HISTORY_LIMIT = 100;

export type LroProfile = {
  person: LroPerson;
  resource: UserResource;
  liveThreatsAsLro: number;
  liveThreatsAsDeputy: number;
  thresholds: CaseloadThresholds;
  caseloadLevel: CaseloadLevel;
  training: LroTrainingStatus;
  trainingRecords: TrainingRecordRow[];
  /** Their own flags (LRO_UNTRAINED, LRO_OVERLOADED), each with its sentence. */
  flags: ComplianceFlag[];
  /** The live threats they hold that the viewer may read, LRO first, then by URN. */
  threats: HeldThreatOfOfficer[];
  /** Live threats they hold that the viewer may not read (counted, not shown). */
  hiddenThreats: number;
  /** Every threat they have held or hold (that the viewer may read), the latest first. */
  history: AssignmentHistoryRow[];
  historyTotal: number;
};

/**
 * One officer's page: their live threats with flags, caseload, training records, own flags and
 * the threats they have held and handed over. Null when the user may not see them (the page
 * shows "not found"). Threats are shown only where the viewer may read them.
 */
export async function getLroProfile(user: Actor, userId: string, now: Date = new Date()): Promise<LroProfile | null> {
  const found = await findLroPerson(user, userId);
  if (!found) return null;
  const { person } = found;
  const threatScope = threatScopeWhere(user) ?? { id: { in: [] } };
  const heldBy: Prisma.SocThreatWhereInput = { AND: [live, { OR: [{ leadResponsibleOfficerId: userId }, { deputyId: userId }] }] };

  const [asLro, asDeputy, visible, records, historyTotal, history, thresholds, flags, standings] = await Promise.all([
    prisma.socThreat.count({ where: { ...live, leadResponsibleOfficerId: userId } }),
    prisma.socThreat.count({ where: { ...live, deputyId: userId } }),
    prisma.socThreat.findMany({
      where: { AND: [heldBy, threatScope] },
      orderBy: { urn: 'asc' },
      select: { id: true, urn: true, name: true, tier: true, status: true, leadResponsibleOfficerId: true, organisation: { select: { name: true } } },
    }),
    prisma.trainingRecord.findMany({
      where: { userId },
      orderBy: [{ completedOn: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, kind: true, completedOn: true, expiresOn: true, note: true, createdAt: true, recordedBy: { select: { name: true } } },
    }),
    prisma.lroAssignment.count({ where: { userId, threat: threatScope } }),
    prisma.lroAssignment.findMany({
      where: { userId, threat: threatScope },
      orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
      take: HISTORY_LIMIT,
      select: { id: true, role: true, startedAt: true, endedAt: true, handoverNote: true, threat: { select: { id: true, urn: true, name: true } } },
    }),
    getEffectiveThresholds(person.organisationPath),
    getOfficerFlags(userId, now),
    getOfficerStandings(prisma, [userId]),
  ]);
  const tags = await listThreatFlagTags(visible, now);
  const limits = { lroCaseloadWarning: thresholds.lroCaseloadWarning, lroCaseloadAlert: thresholds.lroCaseloadAlert };
  const threats = visible
    .map(
      (t): HeldThreatOfOfficer => ({
        id: t.id,
        urn: t.urn,
        name: t.name,
        tier: t.tier,
        status: t.status,
        organisationName: t.organisation.name,
        role: t.leadResponsibleOfficerId === userId ? 'LRO' : 'DEPUTY',
        flags: tags.get(t.id) ?? [],
      }),
    )
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'LRO' ? -1 : 1) || a.urn.localeCompare(b.urn));

  return {
    ...found,
    liveThreatsAsLro: asLro,
    liveThreatsAsDeputy: asDeputy,
    thresholds: limits,
    caseloadLevel: caseloadLevel(asLro, limits),
    training: lroTrainingStatus(standings.get(userId)?.lroCourses ?? [], now),
    trainingRecords: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      completedOn: r.completedOn,
      expiresOn: r.expiresOn,
      note: r.note,
      recordedByName: r.recordedBy?.name ?? null,
      recordedAt: r.createdAt,
    })),
    flags,
    threats,
    hiddenThreats: asLro + asDeputy - visible.length,
    history: history.map((h) => ({
      id: h.id,
      threatId: h.threat.id,
      threatUrn: h.threat.urn,
      threatName: h.threat.name,
      role: h.role,
      startedAt: h.startedAt,
      endedAt: h.endedAt,
      handoverNote: h.handoverNote,
    })),
    historyTotal,
  };
}
