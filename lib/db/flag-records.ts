import 'server-only';
import { empty, join, prisma, raw, sql, type Sql } from './client';
import { flagRowsSql } from './compliance-sql';
import { withinOrganisationSql } from './dashboard-records';
import type { Actor } from '@/lib/auth/policy';
import { FLAG_CODES, type FlagCode, type FlagSeverity, type FlagSubjectKind } from '@/lib/domain/compliance/flags';
import { formatDate } from '@/lib/domain/dates';
import { ORDER_KIND_LABELS, type OrderKind } from '@/lib/domain/vocabulary';

// The records behind a flag count (issue 4, "My work": every figure drills down to the records
// behind it). The same universe and the same SQL as the counts (compliance-sql.ts), so a number
// and its list cannot disagree.

export const FLAG_RECORDS_PAGE_SIZE = 50;

/**
 * `organisationId`: the flag's own organisation exactly; `withinOrganisationId`: that organisation
 * and everything below it (a dashboard row's subtree).
 */
export type FlagRecordFilter = { code?: FlagCode; severity?: FlagSeverity; organisationId?: string; withinOrganisationId?: string };

export type FlagRecord = {
  code: FlagCode;
  severity: FlagSeverity;
  subject: { kind: FlagSubjectKind; id: string };
  threatId: string | null;
  organisationId: string;
  organisationName: string;
  threat: { id: string; urn: string; name: string } | null;
  /** What the flag is about, in a few words: "Action 'Cuckooing visits'", "Sam Ashworth (LRO)". */
  subjectText: string;
};

type RawRow = { code: FlagCode; severity: FlagSeverity; subject_kind: FlagSubjectKind; subject_id: string; threat_id: string | null; organisation_id: string };

const codeOrder = raw(`CASE f.code ${FLAG_CODES.map((code, i) => `WHEN '${code}' THEN ${i}`).join(' ')} END`);

function conditions(filter: FlagRecordFilter): Sql {
  const where: Sql[] = [];
  if (filter.code) where.push(sql`f.code = ${filter.code}`);
  if (filter.severity) where.push(sql`f.severity = ${filter.severity}`);
  if (filter.organisationId) where.push(sql`f.organisation_id = ${filter.organisationId}`);
  if (filter.withinOrganisationId) where.push(withinOrganisationSql(sql`f.organisation_id`, filter.withinOrganisationId));
  return where.length ? sql`WHERE ${join(where, ' AND ')}` : empty;
}

const quoted = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `'${oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine}'`;
};

/**
 * One page of the flags of the user's organisation and below (the universe the My work counts
 * read), filtered by code, severity and the flag's organisation: alerts first, then in the order
 * of FLAG_CODES, then by organisation and threat. Each with what it is about, for the list.
 */
export async function listFlagRecords(user: Pick<Actor, 'organisationPath'>, now: Date, filter: FlagRecordFilter, page: number) {
  const flags = await flagRowsSql({ organisationPath: user.organisationPath }, now);
  const where = conditions(filter);
  const [{ n }] = await prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS n FROM (${flags}) f ${where}`);
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / FLAG_RECORDS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await prisma.$queryRaw<RawRow[]>(sql`
    SELECT f.code AS code, f.severity AS severity, f.subject_kind AS subject_kind, f.subject_id AS subject_id, f.threat_id AS threat_id, f.organisation_id AS organisation_id
      FROM (${flags}) f
      JOIN "Organisation" o ON o."id" = f.organisation_id
      LEFT JOIN "SocThreat" t ON t."id" = f.threat_id
      ${where}
     ORDER BY CASE f.severity WHEN 'alert' THEN 0 ELSE 1 END, ${codeOrder}, o."name", t."urn", f.subject_kind, f.subject_id
     LIMIT ${raw(String(FLAG_RECORDS_PAGE_SIZE))} OFFSET ${raw(String((current - 1) * FLAG_RECORDS_PAGE_SIZE))}`);

  const ids = (kind: FlagSubjectKind) => [...new Set(rows.filter((r) => r.subject_kind === kind).map((r) => r.subject_id))];
  const threatIds = [...new Set(rows.map((r) => r.threat_id).filter((id): id is string => id !== null))];
  const [organisations, threats, actions, disruptions, assessments, officers, orders] = await Promise.all([
    prisma.organisation.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.organisation_id))] } }, select: { id: true, name: true } }),
    prisma.socThreat.findMany({ where: { id: { in: threatIds } }, select: { id: true, urn: true, name: true } }),
    prisma.action.findMany({ where: { id: { in: ids('ACTION') } }, select: { id: true, description: true } }),
    prisma.disruption.findMany({ where: { id: { in: ids('DISRUPTION') } }, select: { id: true, reference: true } }),
    prisma.morileAssessment.findMany({ where: { id: { in: ids('ASSESSMENT') } }, select: { id: true, assessedOn: true } }),
    prisma.user.findMany({ where: { id: { in: ids('OFFICER') } }, select: { id: true, name: true, rank: true } }),
    prisma.ancillaryOrder.findMany({ where: { id: { in: ids('ORDER') } }, select: { id: true, kind: true, subjectName: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  const [organisationById, threatById, actionById, disruptionById, officerById, orderById] = [
    byId(organisations),
    byId(threats),
    byId(actions),
    byId(disruptions),
    byId(officers),
    byId(orders),
  ];
  const assessmentById = byId(assessments);

  const describe = (row: RawRow): string => {
    switch (row.subject_kind) {
      case 'THREAT':
        return 'The threat';
      case 'PLAN':
        return 'Its 4P plan';
      case 'ACTION': {
        const action = actionById.get(row.subject_id);
        return action ? `Action ${quoted(action.description)}` : 'An action';
      }
      case 'DISRUPTION':
        return `Disruption ${disruptionById.get(row.subject_id)?.reference ?? ''}`.trim();
      case 'ASSESSMENT': {
        const assessment = assessmentById.get(row.subject_id);
        return assessment ? `MoRiLE assessment of ${formatDate(assessment.assessedOn)}` : 'A MoRiLE assessment';
      }
      case 'OFFICER': {
        const officer = officerById.get(row.subject_id);
        return officer ? `${[officer.rank, officer.name].filter(Boolean).join(' ')} (LRO)` : 'An LRO';
      }
      case 'ORDER': {
        const order = orderById.get(row.subject_id);
        return order ? `${ORDER_KIND_LABELS[order.kind as OrderKind] ?? ORDER_KIND_LABELS.OTHER} on ${order.subjectName}` : 'An ancillary order';
      }
    }
  };

  return {
    total,
    page: current,
    pageCount: total === 0 ? 0 : pageCount,
    pageSize: FLAG_RECORDS_PAGE_SIZE,
    rows: rows.map(
      (row): FlagRecord => ({
        code: row.code,
        severity: row.severity,
        subject: { kind: row.subject_kind, id: row.subject_id },
        threatId: row.threat_id,
        organisationId: row.organisation_id,
        organisationName: organisationById.get(row.organisation_id)?.name ?? '',
        threat: row.threat_id ? (threatById.get(row.threat_id) ?? null) : null,
        subjectText: describe(row),
      }),
    ),
  };
}

/** The organisations whose flags the user may list (their own and below), by name, for the filter. */
export async function listFlagOrganisationOptions(user: Pick<Actor, 'organisationPath'>): Promise<{ value: string; text: string }[]> {
  const rows = await prisma.organisation.findMany({
    where: { path: { startsWith: user.organisationPath } },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((o) => ({ value: o.id, text: o.name }));
}
