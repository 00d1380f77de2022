import 'server-only';
import { prisma, type Tx } from './client';
import { pathIds } from './settings';
import type { Actor, OrganisationKind, OrganisationResource } from '@/lib/auth/policy';
import { DEFAULT_THRESHOLDS, SETTING_KEYS, type ThresholdOverrides } from '@/lib/domain/settings';

// Organisations as the settings pages see them: the tree below the user's organisation (its
// materialised path is the scope), and each organisation's own compliance thresholds beside
// those it inherits.

export type SettingKey = (typeof SETTING_KEYS)[number];

/** One organisation's own values: null means "inherit". */
export type OwnSettingValues = Record<SettingKey, number | null>;

/** Where the value in force comes from. */
export type SettingSource = { kind: 'own' } | { kind: 'inherited'; organisationId: string; organisationName: string } | { kind: 'default' };

export type ThresholdInForce = {
  value: number;
  source: SettingSource;
  /** What would apply if this organisation had no value of its own (its parent's, or the default). */
  inherited: { value: number; source: Exclude<SettingSource, { kind: 'own' }> };
};

export const ORGANISATIONS_PAGE_SIZE = 50;

const valuesSelect = Object.fromEntries(SETTING_KEYS.map((key) => [key, true])) as Record<SettingKey, true>;

function ownValuesOf(row: Partial<Record<SettingKey, number | null>> | null | undefined): OwnSettingValues | null {
  if (!row) return null;
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, row[key] ?? null])) as OwnSettingValues;
}

function hasAnyValue(values: OwnSettingValues | null): boolean {
  return values !== null && SETTING_KEYS.some((key) => values[key] !== null);
}

/** The policy resource of an organisation. */
export function toOrganisationResource(organisation: { id: string; path: string }): OrganisationResource {
  return { kind: 'organisation', id: organisation.id, path: organisation.path };
}

/**
 * One page of the organisations in the user's scope (their organisation and everything below
 * it), in tree order (by path, so each organisation comes straight after its parent), with
 * whether each has any threshold of its own.
 */
export async function listOrganisationsInScope(user: Pick<Actor, 'organisationPath'>, page: number) {
  const where = { path: { startsWith: user.organisationPath } };
  const total = await prisma.organisation.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await prisma.organisation.findMany({
    where,
    orderBy: { path: 'asc' },
    skip: (current - 1) * ORGANISATIONS_PAGE_SIZE,
    take: ORGANISATIONS_PAGE_SIZE,
    select: { id: true, name: true, kind: true, path: true, parent: { select: { name: true } }, complianceSettings: { select: valuesSelect } },
  });
  const depthOfScope = pathIds(user.organisationPath).length;
  return {
    total,
    page: current,
    pageCount: total === 0 ? 0 : pageCount,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind as OrganisationKind,
      /** The parent's name, unless this is the top of the user's scope. */
      parentName: pathIds(row.path).length > depthOfScope ? (row.parent?.name ?? null) : null,
      hasOwnSettings: hasAnyValue(ownValuesOf(row.complianceSettings)),
    })),
  };
}

/** An organisation for a write, found only within the user's scope: null is "not found". */
export async function loadOrganisationResource(db: Pick<Tx, 'organisation'>, user: Pick<Actor, 'organisationPath'>, organisationId: string) {
  const row = await db.organisation.findFirst({
    where: { id: organisationId, path: { startsWith: user.organisationPath } },
    select: { id: true, name: true, kind: true, path: true },
  });
  if (!row) return null;
  return { record: { ...row, kind: row.kind as OrganisationKind }, resource: toOrganisationResource(row) };
}

type ChainLink = { organisationId: string; organisationName: string; values: ThresholdOverrides | null };

/**
 * Each threshold in force at the last organisation of the chain (root first), with where it comes
 * from: its own value, the nearest ancestor's, or Quadrant's default. Agrees with
 * resolveThresholds (lib/domain/settings.ts), which gives the values alone.
 */
export function thresholdsWithSources(chainRootFirst: readonly ChainLink[]): Record<SettingKey, ThresholdInForce> {
  const self = chainRootFirst.at(-1);
  const ancestors = chainRootFirst.slice(0, -1);
  const out = {} as Record<SettingKey, ThresholdInForce>;
  for (const key of SETTING_KEYS) {
    let inherited: ThresholdInForce['inherited'] = { value: DEFAULT_THRESHOLDS[key], source: { kind: 'default' } };
    for (const link of ancestors) {
      const value = link.values?.[key];
      if (typeof value === 'number') inherited = { value, source: { kind: 'inherited', organisationId: link.organisationId, organisationName: link.organisationName } };
    }
    const own = self?.values?.[key];
    out[key] = typeof own === 'number' ? { value: own, source: { kind: 'own' }, inherited } : { value: inherited.value, source: inherited.source, inherited };
  }
  return out;
}

/**
 * One organisation within the user's scope for its settings page: its own row (values, version,
 * who changed it last and when), its ancestors' values (root first, named, even above the
 * user's scope, since they are what it inherits), and each threshold in force with its source.
 * Null when it does not exist or is outside the user's scope.
 */
export async function getOrganisationSettings(user: Pick<Actor, 'organisationPath'>, organisationId: string, db: Pick<Tx, 'organisation'> = prisma) {
  const found = await loadOrganisationResource(db, user, organisationId);
  if (!found) return null;
  const ids = pathIds(found.record.path);
  const chainRows = await db.organisation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      complianceSettings: { select: { ...valuesSelect, version: true, updatedAt: true, updatedBy: { select: { name: true } } } },
    },
  });
  const byId = new Map(chainRows.map((row) => [row.id, row]));
  const chain: ChainLink[] = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ organisationId: row.id, organisationName: row.name, values: ownValuesOf(row.complianceSettings) }] : [];
  });
  const ownRow = byId.get(found.record.id)?.complianceSettings ?? null;
  const own = ownValuesOf(ownRow);
  return {
    organisation: found.record,
    resource: found.resource,
    /** The organisation's own values (all null when it has no row yet). */
    own: own ?? (Object.fromEntries(SETTING_KEYS.map((key) => [key, null])) as OwnSettingValues),
    /** The version the form sends back: 0 when no row exists yet. */
    version: ownRow?.version ?? 0,
    lastChange: ownRow ? { at: ownRow.updatedAt, byName: ownRow.updatedBy?.name ?? null } : null,
    ancestors: chain.slice(0, -1),
    thresholds: thresholdsWithSources(chain),
  };
}

/** The settings row of an organisation as a write sees it (null: none yet). */
export async function getOwnSettingsRow(db: Pick<Tx, 'complianceSettings'>, organisationId: string) {
  const row = await db.complianceSettings.findUnique({
    where: { organisationId },
    select: { ...valuesSelect, id: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  if (!row) return null;
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, updatedByName: row.updatedBy?.name ?? null, values: ownValuesOf(row)! };
}

/**
 * The own values of every organisation on the path to `path` (its ancestors and itself) and of
 * every organisation below it that has a row: what is needed to work out the thresholds in force
 * anywhere in that subtree after a change.
 */
export async function listSettingsAroundOrganisation(db: Pick<Tx, 'complianceSettings'>, path: string) {
  const rows = await db.complianceSettings.findMany({
    where: { OR: [{ organisationId: { in: pathIds(path) } }, { organisation: { path: { startsWith: path } } }] },
    select: { ...valuesSelect, organisation: { select: { id: true, name: true, path: true } } },
  });
  return rows.map((row) => ({ organisationId: row.organisation.id, organisationName: row.organisation.name, path: row.organisation.path, values: ownValuesOf(row)! }));
}
