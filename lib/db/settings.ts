import 'server-only';
import { prisma, type Tx } from './client';
import { resolveThresholds, SETTING_KEYS, type ComplianceThresholds } from '@/lib/domain/settings';

const select = Object.fromEntries([...SETTING_KEYS.map((k) => [k, true]), ['organisationId', true]]) as Record<(typeof SETTING_KEYS)[number] | 'organisationId', true>;

/** The ids of an organisation and its ancestors, root first, from its materialised path. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The thresholds in force for the organisation at `organisationPath` (own, else inherited). */
export async function getEffectiveThresholds(organisationPath: string, db: Pick<Tx, 'complianceSettings'> = prisma): Promise<ComplianceThresholds> {
  const ids = pathIds(organisationPath);
  const rows = await db.complianceSettings.findMany({ where: { organisationId: { in: ids } }, select });
  const byOrganisation = new Map(rows.map((row) => [row.organisationId, row]));
  return resolveThresholds(ids.map((id) => byOrganisation.get(id)));
}
