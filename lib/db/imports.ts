import 'server-only';
import { prisma, type Tx } from './client';
import { threatScopeWhere } from './scope';
import { pathIds } from './settings';
import type { Actor } from '@/lib/auth/policy';

// Imports of APMIS extracts (issue 6, "Imports"; lib/services/imports.ts): everything an import
// reads before it writes, fetched a chunk of keys at a time (so that a file of 50,000 rows makes a
// few hundred queries, not 50,000), and the one long transaction a commit runs in. Threats are
// read within the importer's scope with the `import:run` verb (their organisation or below).

type Db = Pick<Tx, 'organisation' | 'user' | 'socThreat' | 'disruption' | 'action'>;

/** Keys per `IN (...)` list: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

async function inChunks<K, T>(keys: readonly K[], load: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await load(unique.slice(i, i + CHUNK))));
  return out;
}

export type ImportOrganisation = { id: string; code: string; name: string; kind: string; path: string };

const organisationSelect = { id: true, code: true, name: true, kind: true, path: true } as const;

/** Organisations by code, wherever they are (the caller decides what is in scope). */
export async function findOrganisationsByCode(codes: readonly string[], db: Db = prisma): Promise<ImportOrganisation[]> {
  return inChunks(codes, (chunk) => db.organisation.findMany({ where: { code: { in: chunk } }, select: organisationSelect }));
}

/**
 * For each organisation path, the path of its force or ROCU (the nearest above it or itself), or
 * the path itself when there is none: an LRO of a threat must belong to that tree, as when a
 * manager appoints one (lib/db/officers.ts lroTreeRoot), here for many organisations at once.
 */
export async function lroTreeRoots(paths: readonly string[], db: Db = prisma): Promise<Map<string, string>> {
  const ids = [...new Set(paths.flatMap((path) => pathIds(path)))];
  const organisations = await inChunks(ids, (chunk) => db.organisation.findMany({ where: { id: { in: chunk } }, select: { id: true, kind: true, path: true } }));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const out = new Map<string, string>();
  for (const path of new Set(paths)) {
    const chain = pathIds(path);
    let root = path;
    for (let i = chain.length - 1; i >= 0; i--) {
      const organisation = byId.get(chain[i]!);
      if (organisation && (organisation.kind === 'FORCE' || organisation.kind === 'ROCU')) {
        root = organisation.path;
        break;
      }
    }
    out.set(path, root);
  }
  return out;
}

export type ImportPerson = { id: string; email: string; name: string; active: boolean; isLro: boolean; organisationPath: string };

/** Users by e-mail address (lower case), active or not, with whether they hold the LRO role. */
export async function findUsersByEmail(emails: readonly string[], db: Db = prisma): Promise<ImportPerson[]> {
  const rows = await inChunks(emails, (chunk) =>
    db.user.findMany({
      where: { email: { in: chunk } },
      select: { id: true, email: true, name: true, active: true, organisation: { select: { path: true } }, roles: { select: { role: true } } },
    }),
  );
  return rows.map((u) => ({ id: u.id, email: u.email.toLowerCase(), name: u.name, active: u.active, isLro: u.roles.some((r) => r.role === 'LRO'), organisationPath: u.organisation.path }));
}

export type StoredThreat = {
  id: string;
  urn: string;
  name: string;
  type: string;
  tier: number;
  status: string;
  archivedReason: string | null;
  archivedAt: Date | null;
  mappedOn: Date;
  organisationId: string;
  leadResponsibleOfficerId: string | null;
  deputyId: string | null;
  version: number;
  areas: string[];
};

const storedThreatSelect = {
  id: true,
  urn: true,
  name: true,
  type: true,
  tier: true,
  status: true,
  archivedReason: true,
  archivedAt: true,
  mappedOn: true,
  organisationId: true,
  leadResponsibleOfficerId: true,
  deputyId: true,
  version: true,
  areas: { select: { area: true } },
} as const;

/**
 * Threats by URN: `inScope` those the user may import into (import:run: their organisation or
 * below), `elsewhere` the URNs taken by threats outside it (URNs are unique, so such a row can be
 * neither created nor updated; the caller reports it without saying more about the threat).
 */
export async function findThreatsByUrn(user: Actor, urns: readonly string[], db: Db = prisma): Promise<{ inScope: StoredThreat[]; elsewhere: Set<string> }> {
  const scope = threatScopeWhere(user, 'import:run');
  const inScope = scope
    ? (await inChunks(urns, (chunk) => db.socThreat.findMany({ where: { AND: [{ urn: { in: chunk } }, scope] }, select: storedThreatSelect }))).map((t) => ({
        ...t,
        areas: t.areas.map((a) => a.area).sort(),
      }))
    : [];
  const found = new Set(inScope.map((t) => t.urn));
  const rest = urns.filter((urn) => !found.has(urn));
  const elsewhere = new Set((await inChunks(rest, (chunk) => db.socThreat.findMany({ where: { urn: { in: chunk } }, select: { urn: true } }))).map((t) => t.urn));
  return { inScope, elsewhere };
}

export type StoredDisruption = {
  id: string;
  reference: string;
  threatId: string;
  disruptedOn: Date;
  strand: string;
  category: string;
  role: string;
  leadAgencyId: string | null;
  description: string;
  apmisReference: string | null;
  apmisRecordedAt: Date | null;
};

/**
 * Disruptions by reference: `inScope` those on threats the user may import into, `elsewhere` the
 * references taken by disruptions of threats outside it.
 */
export async function findDisruptionsByReference(user: Actor, references: readonly string[], db: Db = prisma): Promise<{ inScope: StoredDisruption[]; elsewhere: Set<string> }> {
  const scope = threatScopeWhere(user, 'import:run');
  const select = {
    id: true,
    reference: true,
    threatId: true,
    disruptedOn: true,
    strand: true,
    category: true,
    role: true,
    leadAgencyId: true,
    description: true,
    apmisReference: true,
    apmisRecordedAt: true,
  } as const;
  const inScope = scope ? await inChunks(references, (chunk) => db.disruption.findMany({ where: { reference: { in: chunk }, threat: scope }, select })) : [];
  const found = new Set(inScope.map((d) => d.reference));
  const rest = references.filter((reference) => !found.has(reference));
  const elsewhere = new Set((await inChunks(rest, (chunk) => db.disruption.findMany({ where: { reference: { in: chunk } }, select: { reference: true } }))).map((d) => d.reference));
  return { inScope, elsewhere };
}

/** Names and URNs of threats, for the confirmation's links. */
export async function getThreatLabels(ids: readonly string[], db: Db = prisma): Promise<{ id: string; urn: string; name: string }[]> {
  return inChunks(ids, (chunk) => db.socThreat.findMany({ where: { id: { in: chunk } }, select: { id: true, urn: true, name: true }, orderBy: { urn: 'asc' } }));
}

/** How long a commit may run: a file of 50,000 rows takes well under this. */
export const IMPORT_TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Runs a commit in one database transaction: every row is written, or (on any failure) none is.
 * The timeout is long because a large file is written in one go; on SQLite other writers wait
 * (busy timeout) while it runs.
 */
export function runImportTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { timeout: IMPORT_TRANSACTION_TIMEOUT_MS, maxWait: 30_000 });
}
