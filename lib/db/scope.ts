import 'server-only';
import { sql, join, type Prisma, type Sql, type Tx } from './client';
import { relationsFor, type Actor, type ThreatResource, type Verb } from '@/lib/auth/policy';

/**
 * The `where` clause that limits threats to those the user may use `verb` on, built from the
 * same policy table as `can()`: each relation the user's roles allow becomes one branch.
 * Returns null when the user may not use the verb on any threat.
 */
export function threatScopeWhere(user: Actor, verb: Verb = 'threat:read'): Prisma.SocThreatWhereInput | null {
  const branches: Prisma.SocThreatWhereInput[] = [];
  for (const relation of relationsFor(user, verb)) {
    switch (relation) {
      case 'organisation':
        branches.push({ organisation: { path: { startsWith: user.organisationPath } } });
        break;
      case 'holder':
        branches.push({ leadResponsibleOfficerId: user.id }, { deputyId: user.id });
        break;
      case 'shared':
        branches.push({ shares: { some: { organisationId: user.organisationId } } });
        break;
      case 'owner':
        branches.push({ plans: { some: { actions: { some: { ownerUserId: user.id } } } } });
        break;
    }
  }
  return branches.length ? { OR: branches } : null;
}

/** What `can()` needs of a threat, for `select`. */
export const threatPolicySelect = {
  id: true,
  organisationId: true,
  leadResponsibleOfficerId: true,
  deputyId: true,
  organisation: { select: { path: true } },
  shares: { select: { organisationId: true } },
} as const;

export type ThreatPolicyRow = {
  leadResponsibleOfficerId: string | null;
  deputyId: string | null;
  organisation: { path: string };
  shares: { organisationId: string }[];
};

/** The policy resource of a threat row; `ownsAnAction` says whether the user owns one of its actions. */
export function toThreatResource(row: ThreatPolicyRow, user: Pick<Actor, 'id'>, ownsAnAction: boolean): ThreatResource {
  return {
    kind: 'threat',
    organisationPath: row.organisation.path,
    leadResponsibleOfficerId: row.leadResponsibleOfficerId,
    deputyId: row.deputyId,
    sharedWithOrganisationIds: row.shares.map((s) => s.organisationId),
    actionOwnerUserIds: ownsAnAction ? [user.id] : [],
  };
}

/** Whether the user owns any action on any plan of the threat (they may then see that much). */
export async function ownsActionOnThreat(db: Pick<Tx, 'action'>, user: Pick<Actor, 'id'>, threatId: string): Promise<boolean> {
  return (await db.action.count({ where: { plan: { threatId }, ownerUserId: user.id } })) > 0;
}

/** `column LIKE 'prefix%'` for a materialised organisation path, wildcards escaped (as Prisma's startsWith). */
export function pathPrefixSql(column: Sql, prefix: string): Sql {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * The SQL twin of threatScopeWhere: `SELECT id FROM "SocThreat" WHERE ...`, one branch per relation
 * the user's roles allow (lib/db/compliance-sql.ts composes it). Null when the user may not use
 * the verb on any threat.
 */
export function threatScopeSql(user: Actor, verb: Verb = 'threat:read'): Sql | null {
  const branches: Sql[] = [];
  for (const relation of relationsFor(user, verb)) {
    switch (relation) {
      case 'organisation':
        branches.push(sql`t."organisationId" IN (SELECT o."id" FROM "Organisation" o WHERE ${pathPrefixSql(sql`o."path"`, user.organisationPath)})`);
        break;
      case 'holder':
        branches.push(sql`t."leadResponsibleOfficerId" = ${user.id}`, sql`t."deputyId" = ${user.id}`);
        break;
      case 'shared':
        // IN rather than a correlated EXISTS: the same threats, and SQLite can then use an index per branch.
        branches.push(sql`t."id" IN (SELECT s."threatId" FROM "ThreatShare" s WHERE s."organisationId" = ${user.organisationId})`);
        break;
      case 'owner':
        branches.push(sql`EXISTS (SELECT 1 FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" WHERE p."threatId" = t."id" AND a."ownerUserId" = ${user.id})`);
        break;
    }
  }
  return branches.length ? sql`SELECT t."id" FROM "SocThreat" t WHERE ${join(branches, ' OR ')}` : null;
}

/**
 * One threat within the user's threat:read scope, with the fields `select` asks for and the
 * policy resource `can()` needs (the page or action then asks its own verb of it). Null when out
 * of scope, which callers show as "not found". The one way a threat's sub-pages and their writes
 * load their threat.
 */
export async function findThreatInScope<S extends Prisma.SocThreatSelect>(db: Pick<Tx, 'socThreat' | 'action'>, user: Actor, threatId: string, select: S) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await db.socThreat.findFirst({ where: { AND: [{ id: threatId }, scope] }, select: { ...select, ...threatPolicySelect } });
  if (!row) return null;
  // Sound: threatPolicySelect is spread last, so the row has every field ThreatPolicyRow names
  // (TypeScript cannot see through a generic select).
  return { row, resource: toThreatResource(row as unknown as ThreatPolicyRow, user, await ownsActionOnThreat(db, user, threatId)) };
}
