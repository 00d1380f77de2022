import 'server-only';
import { prisma, type Prisma } from './client';
import { threatScopeWhere } from './scope';
import type { Actor } from '@/lib/auth/policy';
import { addCalendarDays, londonDayStart } from '@/lib/domain/dates';
import type { Strand } from '@/lib/domain/vocabulary';
import type { DisruptionCategory, DisruptionRole } from '@/lib/validation/disruptions';

// Disruptions for export (issue 6 part 5: the APMIS-ready layout and the evidence pack): every
// disruption on a threat the user may read, optionally within a period and an organisation's
// subtree, oldest first, fetched from the database in batches (keyset on date and id).

/** How many disruptions an export loads at a time. */
export const DISRUPTION_EXPORT_BATCH_SIZE = 500;

export type DisruptionExportFilter = {
  /** London calendar dates (yyyy-mm-dd), both inclusive; either may be left open. */
  from?: string;
  to?: string;
  /** Only disruptions on threats owned by this organisation or below it. */
  organisationId?: string;
};

export type DisruptionExportRow = {
  id: string;
  reference: string;
  apmisReference: string | null;
  urn: string;
  threatName: string;
  disruptedOn: Date;
  strand: Strand;
  category: DisruptionCategory;
  role: DisruptionRole;
  leadAgencyName: string | null;
  leadAgencyCode: string | null;
  organisationName: string;
  description: string;
};

const select = {
  id: true,
  reference: true,
  apmisReference: true,
  disruptedOn: true,
  strand: true,
  category: true,
  role: true,
  description: true,
  leadAgency: { select: { name: true, code: true } },
  threat: { select: { urn: true, name: true, organisation: { select: { name: true } } } },
} as const;

/**
 * The `where` of an export: the user's threat scope (threat:read, as the register), the period and
 * the organisation's subtree. Null when the user may read no threat, or the organisation is not
 * theirs or below it.
 */
async function exportWhere(user: Actor, filter: DisruptionExportFilter): Promise<Prisma.DisruptionWhereInput | null> {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const threat: Prisma.SocThreatWhereInput[] = [scope];
  if (filter.organisationId) {
    const organisation = await findExportOrganisation(user, filter.organisationId);
    if (!organisation) return null;
    threat.push({ organisation: { path: { startsWith: organisation.path } } });
  }
  const disruptedOn: Prisma.DateTimeFilter = {};
  if (filter.from) disruptedOn.gte = londonDayStart(filter.from);
  if (filter.to) disruptedOn.lt = londonDayStart(addCalendarDays(filter.to, 1));
  return { threat: { AND: threat }, ...(filter.from || filter.to ? { disruptedOn } : {}) };
}

/** Every disruption the filter selects within the user's scope, oldest first, in batches. */
export async function* exportDisruptions(user: Actor, filter: DisruptionExportFilter, batchSize: number = DISRUPTION_EXPORT_BATCH_SIZE): AsyncGenerator<DisruptionExportRow[]> {
  const where = await exportWhere(user, filter);
  if (!where) return;
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.disruption.findMany({
      where,
      orderBy: [{ disruptedOn: 'asc' }, { id: 'asc' }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      apmisReference: row.apmisReference,
      urn: row.threat.urn,
      threatName: row.threat.name,
      disruptedOn: row.disruptedOn,
      strand: row.strand as Strand,
      category: row.category as DisruptionCategory,
      role: row.role as DisruptionRole,
      leadAgencyName: row.leadAgency?.name ?? null,
      leadAgencyCode: row.leadAgency?.code ?? null,
      organisationName: row.threat.organisation.name,
      description: row.description,
    }));
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The organisation an export is limited to: the user's own or one below it; null otherwise. */
export async function findExportOrganisation(user: Actor, organisationId: string): Promise<{ id: string; name: string; path: string } | null> {
  const organisation = await prisma.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, path: true } });
  return organisation && organisation.path.startsWith(user.organisationPath) ? organisation : null;
}
