import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { getDashboard } from '@/lib/db/dashboard';
import { exportDisruptions, findExportOrganisation, type DisruptionExportFilter, type DisruptionExportRow } from '@/lib/db/disruption-export';
import { exportThreats, type ThreatRegisterRow } from '@/lib/db/threats';
import { FLAG_LABELS } from '@/lib/domain/compliance/flags';
import { csvLine, PROTECTIVE_MARKING } from '@/lib/domain/csv';
import type { DashboardData, DashboardPeriod } from '@/lib/domain/dashboard';
import { dashboardTable, dashboardTableFilename, tableRows, type DashboardTable, type DashboardTableKey } from '@/lib/domain/dashboard-tables';
import { formatDateTime, londonDateKey, londonDayStart } from '@/lib/domain/dates';
import { toXlsx, XLSX_CONTENT_TYPE, type XlsxCell, type XlsxSheet } from '@/lib/domain/xlsx';
import { PLAN_STATUS_LABELS, STRAND_LABELS, THREAT_AREA_LABELS, THREAT_STATUS_LABELS, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import { DISRUPTION_CATEGORY_LABELS, DISRUPTION_ROLE_LABELS } from '@/lib/validation/disruptions';
import type { ExportFormat } from '@/lib/validation/exports';
import type { ThreatRegisterQuery } from '@/lib/validation/threat-register';

// Exports (issue 6 part 5): the register with its flags, each dashboard table, disruptions in an
// APMIS-ready layout, and the inspection evidence pack. Every file is marked OFFICIAL-SENSITIVE
// first and last (and, in a workbook, in each sheet's printed header and footer), neutralises
// cells a spreadsheet would run as formulas (lib/domain/csv.ts, lib/domain/xlsx.ts), reads its
// records from the database in batches, and is audited. Callers (route handlers) have checked
// that the user may create exports (export:create); the queries scope every record to the user.

export const THREATS_EXPORT_AUDIT = 'export.threats';
export const DASHBOARD_EXPORT_AUDIT = 'export.dashboard';
export const DISRUPTIONS_EXPORT_AUDIT = 'export.disruptions';
export const EVIDENCE_PACK_AUDIT = 'export.evidence-pack';

/** A file to download. */
export type ExportFile = { body: string | Uint8Array; filename: string; contentType: string; rowCount: number };

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

type Row = readonly XlsxCell[];

/** The rows as CSV, marked first and last; dates as dd/mm/yyyy. */
function csvFile(rows: readonly Row[]): string {
  const text = (cell: XlsxCell) => (cell instanceof Date ? ukDate(cell) : cell);
  return [csvLine([PROTECTIVE_MARKING]), ...rows.map((row) => csvLine(row.map(text))), csvLine([PROTECTIVE_MARKING])].join('');
}

/** A London calendar date as dd/mm/yyyy (APMIS and UK spreadsheets). */
function ukDate(date: Date): string {
  const [y, m, d] = londonDateKey(date).split('-');
  return `${d}/${m}/${y}`;
}

/** A stored date (a calendar date) as the instant London's day starts, so a workbook shows the date without a time. */
const calendarDate = (date: Date) => londonDayStart(londonDateKey(date));

// --- The register ----------------------------------------------------------------------------------

const THREAT_HEADER = ['URN', 'Name', 'Type', 'Tier', 'Status', 'Organisation', 'LRO', 'Threat areas', '4P plan status', 'Next review due', 'Flags'];

/** One register row as cells (not yet escaped: the writers do that). */
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

export function threatsExportFilename(now: Date, format: ExportFormat = 'csv'): string {
  return `quadrant-threats-${londonDateKey(now)}.${format}`;
}

/**
 * The threats register the user may see under the query's filters and sort, with its flags, as
 * CSV or XLSX (one sheet): rows loaded from the database in batches. Audited as `export.threats`
 * with the query, the format and the row count.
 */
export async function exportThreatsFile(user: Actor, query: ThreatRegisterQuery, format: ExportFormat, now: Date = new Date()): Promise<ExportFile> {
  const rows: Row[] = [THREAT_HEADER];
  const csvParts = format === 'csv' ? [csvLine([PROTECTIVE_MARKING]), csvLine(THREAT_HEADER)] : [];
  let rowCount = 0;
  for await (const batch of exportThreats(user, query, now)) {
    for (const row of batch) {
      // CSV is built line by line; a workbook needs every row at once.
      if (format === 'csv') csvParts.push(csvLine(threatCells(row)));
      else rows.push(threatCells(row));
    }
    rowCount += batch.length;
  }
  await recordAudit({
    actorId: user.id,
    action: THREATS_EXPORT_AUDIT,
    entityType: 'Export',
    organisationId: user.organisationId,
    after: { query: auditedQuery(query), format, rowCount },
  });
  const filename = threatsExportFilename(now, format);
  if (format === 'csv') {
    csvParts.push(csvLine([PROTECTIVE_MARKING]));
    return { body: csvParts.join(''), filename, contentType: CSV_CONTENT_TYPE, rowCount };
  }
  return { body: toXlsx([{ name: 'Threats', rows, boldRows: [0] }]), filename, contentType: XLSX_CONTENT_TYPE, rowCount };
}

/** The register as CSV (exportThreatsFile in CSV). */
export async function exportThreatsCsv(user: Actor, query: ThreatRegisterQuery, now: Date = new Date()): Promise<{ csv: string; rowCount: number }> {
  const file = await exportThreatsFile(user, query, 'csv', now);
  return { csv: file.body as string, rowCount: file.rowCount };
}

// --- Dashboard tables -------------------------------------------------------------------------------

/** A dashboard table as a sheet: caption, blank line, header in bold, rows, the total in bold. */
function tableSheet(data: DashboardData, table: DashboardTable, name: string = table.title): XlsxSheet {
  const rows = tableRows(data, table);
  return { name, rows, boldRows: [2, ...(table.hasTotalRow && table.rows.length ? [rows.length - 1] : [])] };
}

/**
 * One of the dashboard's tables for the user's scope and the period, as CSV or XLSX: the caption
 * (table, scope, period and method) under the marking, then the header and one row per
 * organisation with the scope's total. Audited as `export.dashboard`.
 */
export async function exportDashboardTable(user: Actor, key: DashboardTableKey, format: ExportFormat, period: DashboardPeriod, now: Date = new Date()): Promise<ExportFile> {
  const data = await getDashboard(user, { period }, now);
  const table = dashboardTable(data, key);
  await recordAudit({
    actorId: user.id,
    action: DASHBOARD_EXPORT_AUDIT,
    entityType: 'Export',
    organisationId: user.organisationId,
    after: { table: key, format, period: { from: period.from, to: period.to }, rowCount: table.rows.length },
  });
  const filename = dashboardTableFilename(key, period.to, format);
  if (format === 'csv') return { body: csvFile(tableRows(data, table)), filename, contentType: CSV_CONTENT_TYPE, rowCount: table.rows.length };
  return { body: toXlsx([tableSheet(data, table)]), filename, contentType: XLSX_CONTENT_TYPE, rowCount: table.rows.length };
}

// --- Disruptions in an APMIS-ready layout ---------------------------------------------------------

/**
 * The columns of the APMIS-ready layout (docs/exports.md). Every column of the disruption import
 * (lib/validation/imports.ts DISRUPTION_COLUMNS: Reference, URN, Date, Strand, Category, Role, Lead
 * agency code, Description, APMIS reference) is here under the same header and in a form it reads,
 * so that an export can be imported again; Threat name, Lead agency, Organisation and Recorded on
 * APMIS are there for the reader.
 */
export const DISRUPTION_EXPORT_HEADER = [
  'Reference',
  'APMIS reference',
  'URN',
  'Threat name',
  'Date',
  'Strand',
  'Category',
  'Role',
  'Lead agency code',
  'Lead agency',
  'Organisation',
  'Description',
  'Recorded on APMIS',
];

function disruptionCells(row: DisruptionExportRow): XlsxCell[] {
  return [
    row.reference,
    row.apmisReference ?? '',
    row.urn,
    row.threatName,
    calendarDate(row.disruptedOn),
    STRAND_LABELS[row.strand],
    DISRUPTION_CATEGORY_LABELS[row.category],
    DISRUPTION_ROLE_LABELS[row.role],
    row.leadAgencyCode ?? '',
    row.leadAgencyName ?? '',
    row.organisationName,
    row.description,
    row.apmisReference ? 'yes' : 'no',
  ];
}

export function disruptionsExportFilename(now: Date, format: ExportFormat): string {
  return `quadrant-disruptions-${londonDateKey(now)}.${format}`;
}

/** Thrown when the export names an organisation outside the user's scope (the route answers 404). */
export class ExportNotFoundError extends Error {}

/**
 * Disruptions on the threats the user may read, in the filter's period and organisation subtree,
 * oldest first, in the APMIS-ready layout (docs/exports.md): the marking, the header, one row per
 * disruption, the marking; no caption, so the file can be imported again. Batches from the
 * database. Audited as `export.disruptions`.
 */
export async function exportDisruptionsFile(user: Actor, filter: DisruptionExportFilter, format: ExportFormat, now: Date = new Date()): Promise<ExportFile> {
  if (filter.organisationId && !(await findExportOrganisation(user, filter.organisationId))) throw new ExportNotFoundError('No such organisation');
  const rows: Row[] = [DISRUPTION_EXPORT_HEADER];
  const csvParts = format === 'csv' ? [csvLine([PROTECTIVE_MARKING]), csvLine(DISRUPTION_EXPORT_HEADER)] : [];
  let rowCount = 0;
  for await (const batch of exportDisruptions(user, filter)) {
    for (const row of batch) {
      if (format === 'csv') csvParts.push(csvLine(disruptionCells(row).map((cell) => (cell instanceof Date ? ukDate(cell) : cell))));
      else rows.push(disruptionCells(row));
    }
    rowCount += batch.length;
  }
  await recordAudit({
    actorId: user.id,
    action: DISRUPTIONS_EXPORT_AUDIT,
    entityType: 'Export',
    organisationId: user.organisationId,
    after: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), format, rowCount },
  });
  const filename = disruptionsExportFilename(now, format);
  if (format === 'csv') {
    csvParts.push(csvLine([PROTECTIVE_MARKING]));
    return { body: csvParts.join(''), filename, contentType: CSV_CONTENT_TYPE, rowCount };
  }
  return { body: toXlsx([{ name: 'Disruptions', rows, boldRows: [0] }]), filename, contentType: XLSX_CONTENT_TYPE, rowCount };
}

// --- The inspection evidence pack ------------------------------------------------------------------

/** At most this many disruptions are listed in the pack; the cover says when there were more. */
export const EVIDENCE_PACK_DISRUPTION_LIMIT = 20_000;

/** The pack's sheets drawn from the dashboard, in order, with their sheet names. */
const PACK_TABLES: { key: DashboardTableKey; sheet: string }[] = [
  { key: 'flags', sheet: 'Flags' },
  { key: 'reviews', sheet: 'Reviews within cadence' },
  { key: 'balance', sheet: '4P balance of open actions' },
  { key: 'disruptions', sheet: 'Disruption shares (Annex B)' },
  { key: 'unmet-demand', sheet: 'Unmet demand' },
  { key: 'caseload', sheet: 'LRO caseload' },
];
const PACK_DISRUPTIONS_SHEET = 'Disruptions in the period';

export function evidencePackFilename(period: DashboardPeriod): string {
  return `quadrant-evidence-pack-${period.to.slice(0, 7)}.xlsx`;
}

/**
 * The inspection evidence pack: one workbook for the user's scope and the period. A cover sheet
 * (scope, period, when and by whom it was made, the marking, each sheet's method), then flags,
 * plans reviewed within cadence, the 4P balance of open actions, disruption shares against the
 * national average, unmet demand and LRO caseload, one organisation per row with the scope's total;
 * then the disruptions dated in the period in the APMIS-ready layout (at most
 * EVIDENCE_PACK_DISRUPTION_LIMIT, in batches). Audited as `export.evidence-pack`.
 */
export async function exportEvidencePack(user: Actor & { name: string; organisationName?: string }, period: DashboardPeriod, now: Date = new Date()): Promise<ExportFile> {
  const data = await getDashboard(user, { period }, now);
  const tables = PACK_TABLES.map(({ key, sheet }) => ({ table: dashboardTable(data, key), sheet }));

  const disruptionRows: Row[] = [DISRUPTION_EXPORT_HEADER];
  let disruptionCount = 0;
  let truncated = false;
  for await (const batch of exportDisruptions(user, { from: period.from, to: period.to })) {
    for (const row of batch) {
      if (disruptionCount >= EVIDENCE_PACK_DISRUPTION_LIMIT) {
        truncated = true;
        break;
      }
      disruptionRows.push(disruptionCells(row));
      disruptionCount += 1;
    }
    if (truncated) break;
  }

  const cover: Row[] = [
    ['Quadrant: inspection evidence pack'],
    [],
    ['Scope', data.scope.name],
    ['Period', `${data.period.label} (${ukDate(londonDayStart(data.period.from))} to ${ukDate(londonDayStart(data.period.to))})`],
    ['Generated at', `${formatDateTime(now)} (London time)`],
    ['Generated by', user.organisationName ? `${user.name}, ${user.organisationName}` : user.name],
    ['Protective marking', `${PROTECTIVE_MARKING}: handle, store and share this workbook as ${PROTECTIVE_MARKING}.`],
    ['National average share of Pursue disruptions', `${data.nationalPursuePercent}% (as set in the settings)`],
    [],
    ['Sheet', 'What it holds and how it is counted'],
    ...tables.map(({ table, sheet }) => [sheet, table.method]),
    [
      PACK_DISRUPTIONS_SHEET,
      truncated
        ? `The first ${EVIDENCE_PACK_DISRUPTION_LIMIT} disruptions dated within the period, oldest first, in the APMIS-ready layout; there are more: download them from Quadrant by period and organisation.`
        : `Every disruption dated within the period (${disruptionCount}), lead and supporting, all categories, oldest first, in the APMIS-ready layout.`,
    ],
  ];

  const sheets: XlsxSheet[] = [
    { name: 'Cover', rows: cover, boldRows: [0, 9] },
    ...tables.map(({ table, sheet }) => tableSheet(data, table, sheet)),
    { name: PACK_DISRUPTIONS_SHEET, rows: disruptionRows, boldRows: [0] },
  ];
  await recordAudit({
    actorId: user.id,
    action: EVIDENCE_PACK_AUDIT,
    entityType: 'Export',
    organisationId: user.organisationId,
    after: { format: 'xlsx', period: { from: period.from, to: period.to }, organisations: data.organisations.length, disruptions: disruptionCount, truncated },
  });
  return { body: toXlsx(sheets), filename: evidencePackFilename(period), contentType: XLSX_CONTENT_TYPE, rowCount: disruptionCount };
}

