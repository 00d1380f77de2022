import 'server-only';
import { join, prisma, sql, type Prisma } from './client';
import { countFlags, countFlagsByOrganisation, flagRowsSql } from './compliance-sql';
import { listThreatFlagTags, type ThreatFlagTag } from './threats';
import type { Actor } from '@/lib/auth/policy';
import type { FlagCode, FlagSeverity } from '@/lib/domain/compliance/flags';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';
import { LIVE_THREAT_STATUSES, OPEN_ACTION_STATUSES, type ActionStatus, type PlanStatus, type Strand, type ThreatStatus } from '@/lib/domain/vocabulary';

// "My work" (issue 4, item 4): what each role's home page shows. Every list is limited and
// counted in the database; flags come from the compliance engine's SQL (compliance-sql.ts), so a
// home page agrees with the register, the threat pages and the co-ordinator's counts.

/** An action is "due soon" when its due date is today or within this many days. */
export const DUE_SOON_DAYS = 14;
export const MY_WORK_LIST_LIMIT = 20;

export type HeldThreatRow = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  status: ThreatStatus;
  /** How the user holds it. */
  role: 'LRO' | 'DEPUTY';
  planStatus: PlanStatus | null;
  nextReviewDue: Date | null;
  flags: ThreatFlagTag[];
};

const heldBy = (userId: string): Prisma.SocThreatWhereInput => ({ OR: [{ leadResponsibleOfficerId: userId }, { deputyId: userId }] });

/**
 * The live threats the user holds as LRO or deputy, with their flags: the most alerts first, then
 * the most warnings, then by URN. At most `take` (an LRO holds a handful; the count says if more).
 */
export async function listHeldThreats(user: Pick<Actor, 'id'>, now: Date, { take = MY_WORK_LIST_LIMIT } = {}): Promise<{ rows: HeldThreatRow[]; total: number }> {
  const where: Prisma.SocThreatWhereInput = { AND: [heldBy(user.id), { status: { in: [...LIVE_THREAT_STATUSES] } }] };
  const [total, threats] = await Promise.all([
    prisma.socThreat.count({ where }),
    prisma.socThreat.findMany({
      where,
      orderBy: { urn: 'asc' },
      take,
      select: { id: true, urn: true, name: true, tier: true, status: true, leadResponsibleOfficerId: true, livePlan: { select: { status: true, nextReviewDue: true } } },
    }),
  ]);
  const flags = await listThreatFlagTags(threats, now);
  const weight = (tags: ThreatFlagTag[], severity: FlagSeverity) => tags.filter((t) => t.severity === severity).reduce((n, t) => n + t.count, 0);
  const rows = threats.map(
    (t): HeldThreatRow => ({
      id: t.id,
      urn: t.urn,
      name: t.name,
      tier: t.tier,
      status: t.status,
      role: t.leadResponsibleOfficerId === user.id ? 'LRO' : 'DEPUTY',
      planStatus: t.livePlan?.status ?? null,
      nextReviewDue: t.livePlan?.nextReviewDue ?? null,
      flags: flags.get(t.id) ?? [],
    }),
  );
  rows.sort((a, b) => weight(b.flags, 'alert') - weight(a.flags, 'alert') || weight(b.flags, 'warning') - weight(a.flags, 'warning') || a.urn.localeCompare(b.urn));
  return { rows, total };
}

export type WorkActionRow = {
  id: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  strand: Strand;
  description: string;
  status: ActionStatus;
  dueOn: Date | null;
  lastUpdatedAt: Date;
  ownerName: string | null;
  /** Whether the user owns it (otherwise it is on a threat they hold). */
  isOwn: boolean;
  isOverdue: boolean;
  isStale: boolean;
  isDueSoon: boolean;
};

const ACTION_WORK_CODES: readonly FlagCode[] = ['ACTION_OVERDUE', 'ACTION_STALE'];

/**
 * The open actions that need the user now: on the live plans of the threats they hold (as LRO or
 * deputy) and those they own anywhere, that are overdue or stale (the ACTION_OVERDUE and
 * ACTION_STALE flags, by each threat's own thresholds) or due within DUE_SOON_DAYS. Soonest due
 * first; at most `take`, with the total.
 */
export async function listActionsNeedingAttention(user: Pick<Actor, 'id'>, now: Date, { take = MY_WORK_LIST_LIMIT } = {}): Promise<{ rows: WorkActionRow[]; total: number }> {
  // The threats whose flags matter: held ones, and those with an action the user owns.
  const threats = sql`
    SELECT t."id" FROM "SocThreat" t
     WHERE t."leadResponsibleOfficerId" = ${user.id} OR t."deputyId" = ${user.id}
        OR EXISTS (SELECT 1 FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" WHERE p."threatId" = t."id" AND a."ownerUserId" = ${user.id})`;
  const flagged = await prisma.$queryRaw<{ subject_id: string; code: FlagCode }[]>(sql`
    SELECT f.subject_id AS subject_id, f.code AS code
      FROM (${await flagRowsSql({ threatSql: threats }, now)}) f
     WHERE f.subject_kind = 'ACTION' AND f.code IN (${join([...ACTION_WORK_CODES])})`);
  const overdue = new Set(flagged.filter((f) => f.code === 'ACTION_OVERDUE').map((f) => f.subject_id));
  const stale = new Set(flagged.filter((f) => f.code === 'ACTION_STALE').map((f) => f.subject_id));

  const today = londonDateKey(now);
  const dueFrom = new Date(`${today}T00:00:00Z`);
  const dueTo = new Date(`${addCalendarDays(today, DUE_SOON_DAYS)}T00:00:00Z`);
  const where: Prisma.ActionWhereInput = {
    status: { in: [...OPEN_ACTION_STATUSES] },
    plan: { liveThreatId: { not: null }, threat: { status: { in: [...LIVE_THREAT_STATUSES] } } },
    AND: [
      { OR: [{ ownerUserId: user.id }, { plan: { threat: heldBy(user.id) } }] },
      { OR: [{ id: { in: [...new Set([...overdue, ...stale])] } }, { dueOn: { gte: dueFrom, lte: dueTo } }] },
    ],
  };
  const [total, actions] = await Promise.all([
    prisma.action.count({ where }),
    prisma.action.findMany({
      where,
      orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { lastUpdatedAt: 'asc' }, { id: 'asc' }],
      take,
      select: {
        id: true,
        strand: true,
        description: true,
        status: true,
        dueOn: true,
        lastUpdatedAt: true,
        ownerUserId: true,
        ownerUser: { select: { name: true } },
        ownerOrganisation: { select: { name: true } },
        plan: { select: { threat: { select: { id: true, urn: true, name: true } } } },
      },
    }),
  ]);
  return {
    total,
    rows: actions.map(
      (a): WorkActionRow => ({
        id: a.id,
        threatId: a.plan.threat.id,
        threatUrn: a.plan.threat.urn,
        threatName: a.plan.threat.name,
        strand: a.strand,
        description: a.description,
        status: a.status,
        dueOn: a.dueOn,
        lastUpdatedAt: a.lastUpdatedAt,
        ownerName: a.ownerUser?.name ?? a.ownerOrganisation?.name ?? null,
        isOwn: a.ownerUserId === user.id,
        isOverdue: overdue.has(a.id),
        isStale: stale.has(a.id),
        isDueSoon: a.dueOn !== null && a.dueOn >= dueFrom && a.dueOn <= dueTo,
      }),
    ),
  };
}

/** Whether the user owns any open action on a live plan (an action owner's section shows then). */
export async function ownsOpenActions(user: Pick<Actor, 'id'>): Promise<boolean> {
  const found = await prisma.action.findFirst({
    where: { ownerUserId: user.id, status: { in: [...OPEN_ACTION_STATUSES] }, plan: { liveThreatId: { not: null } } },
    select: { id: true },
  });
  return found !== null;
}

/** Whether the user holds any live threat as LRO or deputy. */
export async function holdsLiveThreats(user: Pick<Actor, 'id'>): Promise<boolean> {
  const found = await prisma.socThreat.findFirst({ where: { AND: [heldBy(user.id), { status: { in: [...LIVE_THREAT_STATUSES] } }] }, select: { id: true } });
  return found !== null;
}

export type FlagCountRow = { code: FlagCode; alerts: number; warnings: number };

/**
 * The flags of the user's organisation and below, by code: alerts and warnings. Every code with
 * any flag, in no particular order (the page orders them).
 */
export async function countScopeFlags(user: Pick<Actor, 'organisationPath'>, now: Date): Promise<FlagCountRow[]> {
  const counts = await countFlags({ organisationPath: user.organisationPath }, now);
  const byCode = new Map<FlagCode, FlagCountRow>();
  for (const { code, severity, count } of counts) {
    const row = byCode.get(code) ?? { code, alerts: 0, warnings: 0 };
    if (severity === 'alert') row.alerts += count;
    else row.warnings += count;
    byCode.set(code, row);
  }
  return [...byCode.values()];
}

export type OrganisationFlagCountRow = { organisationId: string; organisationName: string; alerts: number; warnings: number };

/**
 * The flags of each organisation in the user's scope (each flag counted where it belongs: the
 * threat's organisation, the officer's, the order's), alerts and warnings. Organisations with no
 * flag are listed too, with zeros, so that a clean one shows as clean. By name.
 */
export async function countScopeFlagsByOrganisation(user: Pick<Actor, 'organisationPath'>, now: Date): Promise<OrganisationFlagCountRow[]> {
  const [counts, organisations] = await Promise.all([
    countFlagsByOrganisation(user.organisationPath, now),
    prisma.organisation.findMany({
      where: { path: { startsWith: user.organisationPath }, kind: { not: 'PARTNER' } },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const rows = new Map<string, OrganisationFlagCountRow>(organisations.map((o) => [o.id, { organisationId: o.id, organisationName: o.name, alerts: 0, warnings: 0 }]));
  const missing = counts.map((c) => c.organisationId).filter((id) => !rows.has(id));
  if (missing.length) {
    // A partner organisation can hold flags too (an officer of a council as LRO): list it then.
    for (const o of await prisma.organisation.findMany({ where: { id: { in: [...new Set(missing)] } }, select: { id: true, name: true } })) {
      rows.set(o.id, { organisationId: o.id, organisationName: o.name, alerts: 0, warnings: 0 });
    }
  }
  for (const { organisationId, severity, count } of counts) {
    const row = rows.get(organisationId);
    if (!row) continue;
    if (severity === 'alert') row.alerts += count;
    else row.warnings += count;
  }
  return [...rows.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.organisationId.localeCompare(b.organisationId));
}
