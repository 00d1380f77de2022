import { z } from 'zod';
import { periodEnding, type DashboardPeriod } from '@/lib/domain/dashboard';
import type { DashboardTableKey } from '@/lib/domain/dashboard-tables';
import { londonDateKey } from '@/lib/domain/dates';
import { CAPABILITIES_NEEDED, SHORTFALLS, STRANDS, type CapabilityNeeded, type Shortfall, type Strand } from '@/lib/domain/vocabulary';

// The dashboard's period (/dashboard?yearEnding=yyyy-mm) and the filters of the records pages its
// numbers link to (/compliance/disruptions, /unmet-demand, /actions, /plans), parsed from the
// address, and the addresses themselves, so a figure and its link are built from one definition.

// Query strings come from links and bookmarks: a value that makes no sense is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const page = z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1));
const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/);
const flag = z.preprocess(firstValue, optional(z.enum(['1'])));

/** The month of `now` in London (yyyy-mm): the default "year ending". */
export function currentLondonMonth(now: Date): string {
  return londonDateKey(now).slice(0, 7);
}

export const dashboardQuerySchema = z.object({ yearEnding: z.preprocess(firstValue, optional(month)) });

/** The dashboard's period: the 12 months ending with the chosen month, else with the current London month. A future month falls back too. */
export function dashboardPeriod(params: unknown, now: Date): { yearEnding: string; period: DashboardPeriod } {
  const current = currentLondonMonth(now);
  const chosen = dashboardQuerySchema.parse(params ?? {}).yearEnding;
  const yearEnding = chosen && chosen <= current ? chosen : current;
  return { yearEnding, period: periodEnding(yearEnding) };
}

/** The months offered in the "Year ending" select: the current one and the 35 before it, latest first. */
export function yearEndingOptions(now: Date, count = 36): { value: string; text: string }[] {
  const [y, m] = currentLondonMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 - i, 1));
    const value = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    return { value, text: date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) };
  });
}

/** Where records are: an organisation and everything below it (`within`), or one organisation exactly (`organisation`). */
const place = { within: z.preprocess(firstValue, optional(id)), organisation: z.preprocess(firstValue, optional(id)) };

export const disruptionRecordsQuerySchema = z.object({
  ...place,
  strand: z.preprocess(firstValue, optional(z.enum(STRANDS))),
  /** Lead disruptions only. */
  lead: flag,
  /** Annex B categories only (MAJOR, MODERATE, MINOR). */
  annexB: flag,
  from: z.preprocess(firstValue, optional(day)),
  to: z.preprocess(firstValue, optional(day)),
  page,
});
export type DisruptionRecordsQuery = z.infer<typeof disruptionRecordsQuerySchema>;

export const unmetDemandRecordsQuerySchema = z.object({
  ...place,
  shortfall: z.preprocess(firstValue, optional(z.enum(SHORTFALLS))),
  capability: z.preprocess(firstValue, optional(z.enum(CAPABILITIES_NEEDED))),
  /** Not yet resolved only. */
  open: flag,
  page,
});
export type UnmetDemandRecordsQuery = z.infer<typeof unmetDemandRecordsQuerySchema>;

export const actionRecordsQuerySchema = z.object({ ...place, strand: z.preprocess(firstValue, optional(z.enum(STRANDS))), page });
export type ActionRecordsQuery = z.infer<typeof actionRecordsQuerySchema>;

export const PLAN_CADENCE_FILTERS = ['within', 'outside'] as const;
export const planRecordsQuerySchema = z.object({ ...place, cadence: z.preprocess(firstValue, optional(z.enum(PLAN_CADENCE_FILTERS))), page });
export type PlanRecordsQuery = z.infer<typeof planRecordsQuerySchema>;


// --- Addresses -----------------------------------------------------------------------------------

/** The place filter of a dashboard row: its subtree, or (the scope's own row) that organisation exactly. */
export type RowPlace = { organisationId: string; own?: boolean };

function href(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

const placeParams = (row: RowPlace) => (row.own ? { organisation: row.organisationId } : { within: row.organisationId });

export function planRecordsHref(row: RowPlace, cadence?: (typeof PLAN_CADENCE_FILTERS)[number]): string {
  return href('/compliance/plans', { ...placeParams(row), cadence });
}

export function flagRecordsHref(row: RowPlace, opts: { code?: string; severity?: 'alert' | 'warning' } = {}): string {
  return href('/compliance/flags', { code: opts.code, severity: opts.severity, ...placeParams(row) });
}

export function actionRecordsHref(row: RowPlace, strand?: Strand): string {
  return href('/compliance/actions', { ...placeParams(row), strand });
}

/** Annex B disruptions of the row in the period (lead, MAJOR/MODERATE/MINOR), optionally of one strand. */
export function disruptionRecordsHref(row: RowPlace, period: Pick<DashboardPeriod, 'from' | 'to'>, strand?: Strand): string {
  return href('/compliance/disruptions', { ...placeParams(row), strand, lead: '1', annexB: '1', from: period.from, to: period.to });
}

export function unmetDemandRecordsHref(row: RowPlace, opts: { shortfall?: Shortfall; capability?: CapabilityNeeded; open?: boolean } = {}): string {
  return href('/compliance/unmet-demand', { ...placeParams(row), shortfall: opts.shortfall, capability: opts.capability, open: opts.open ? '1' : undefined });
}

/** The LRO register filtered to a row's officers: leading live threats, and optionally trained, untrained or over caseload. */
export function lroRecordsHref(row: RowPlace, opts: { training?: 'trained' | 'untrained'; over?: boolean } = {}): string {
  return href('/lros', { ...placeParams(row), caseload: opts.over ? 'over' : 'holding', training: opts.training });
}

/** A dashboard table's download (the exports helper's route handlers, /api/exports/dashboard/<table>). */
export function dashboardExportHref(table: DashboardTableKey, format: 'csv' | 'xlsx', yearEnding: string): string {
  return href(`/api/exports/dashboard/${table}`, { format, yearEnding });
}

export function evidencePackHref(yearEnding: string): string {
  return href('/api/exports/evidence-pack', { yearEnding });
}

export function dashboardHref(yearEnding?: string): string {
  return href('/dashboard', { yearEnding });
}

export function dashboardPrintHref(yearEnding: string): string {
  return href('/dashboard/print', { yearEnding });
}
