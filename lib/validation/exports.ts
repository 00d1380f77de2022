import { z } from 'zod';

// The query strings of the download links (app/api/exports/**): the file format, and the filters
// of the APMIS-ready disruptions export. A value that makes no sense is dropped, not an error,
// as for the pages the links come from.

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `format=csv|xlsx`; CSV when absent or not one of them. */
export const exportFormatSchema = z.preprocess(firstValue, z.enum(EXPORT_FORMATS).catch('csv').default('csv'));

/** The query string as a plain object of arrays (what the schemas preprocess). */
export function searchParamsObject(searchParams: URLSearchParams): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [key, value] of searchParams) (params[key] ??= []).push(value);
  return params;
}

export const disruptionExportQuerySchema = z.object({
  format: exportFormatSchema,
  from: z.preprocess(firstValue, optional(day)),
  to: z.preprocess(firstValue, optional(day)),
  organisation: z.preprocess(firstValue, optional(id)),
});
export type DisruptionExportQuery = z.infer<typeof disruptionExportQuerySchema>;
