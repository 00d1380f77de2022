import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { exportThreats, type ThreatRegisterRow } from '@/lib/db/threats';
import { FLAG_LABELS } from '@/lib/domain/compliance/flags';
import { csvLine, PROTECTIVE_MARKING } from '@/lib/domain/csv';
import { londonDateKey } from '@/lib/domain/dates';
import { PLAN_STATUS_LABELS, THREAT_AREA_LABELS, THREAT_STATUS_LABELS, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import type { ThreatRegisterQuery } from '@/lib/validation/threat-register';

export const THREATS_EXPORT_AUDIT = 'export.threats';

const THREAT_HEADER = ['URN', 'Name', 'Type', 'Tier', 'Status', 'Organisation', 'LRO', 'Threat areas', '4P plan status', 'Next review due', 'Flags'];

/** One register row as CSV cells (not yet escaped: csvLine does that). */
function threatCells(row: ThreatRegisterRow): (string | number)[] {
  return [
    row.urn,
    row.name,
    THREAT_TYPE_LABELS[row.type],
    row.tier,
    THREAT_STATUS_LABELS[row.status],
    row.organisationName,
    row.leadResponsibleOfficerName ?? 'None appointed',
    row.areas.map((a) => THREAT_AREA_LABELS[a]).join('; '),
    row.planStatus ? PLAN_STATUS_LABELS[row.planStatus] : 'No plan',
    row.nextReviewDue ? londonDateKey(row.nextReviewDue) : '',
    row.flags.map((f) => `${FLAG_LABELS[f.code]} (${f.severity}): ${f.count}`).join('; '),
  ];
}

/** The query as recorded in the audit trail: the filters and sort, without the page. */
function auditedQuery(query: ThreatRegisterQuery) {
  const { page: _page, ...rest } = query;
  void _page;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

export function threatsExportFilename(now: Date): string {
  return `quadrant-threats-${londonDateKey(now)}.csv`;
}

/**
 * The threats register the user may see under the query's filters and sort, as CSV with its
 * flags: marked OFFICIAL-SENSITIVE first and last, formula cells neutralised, rows loaded from
 * the database in batches. Audited as `export.threats` with the query and the row count. The
 * caller has checked that the user may create exports (export:create).
 */
export async function exportThreatsCsv(user: Actor, query: ThreatRegisterQuery, now: Date = new Date()): Promise<{ csv: string; rowCount: number }> {
  const parts = [csvLine([PROTECTIVE_MARKING]), csvLine(THREAT_HEADER)];
  let rowCount = 0;
  for await (const batch of exportThreats(user, query, now)) {
    for (const row of batch) parts.push(csvLine(threatCells(row)));
    rowCount += batch.length;
  }
  parts.push(csvLine([PROTECTIVE_MARKING]));
  await recordAudit({
    actorId: user.id,
    action: THREATS_EXPORT_AUDIT,
    entityType: 'Export',
    organisationId: user.organisationId,
    after: { query: auditedQuery(query), rowCount },
  });
  return { csv: parts.join(''), rowCount };
}
