import { z } from 'zod';
import { FLAG_CODES, FLAG_SEVERITIES } from '@/lib/domain/compliance/flags';

// Query strings come from links and bookmarks: a value that makes no sense is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);

/**
 * The flagged-records page's filters and page (/compliance/flags?code=&severity=&organisation=&within=&page=):
 * `organisation` is the flag's own organisation; `within` an organisation and everything below it.
 */
export const flagRecordsQuerySchema = z.object({
  code: z.preprocess(firstValue, optional(z.enum(FLAG_CODES))),
  severity: z.preprocess(firstValue, optional(z.enum(FLAG_SEVERITIES))),
  organisation: z.preprocess(firstValue, optional(z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/))),
  within: z.preprocess(firstValue, optional(z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/))),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});

export type FlagRecordsQuery = z.infer<typeof flagRecordsQuerySchema>;
