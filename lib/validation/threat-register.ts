import { z } from 'zod';
import { FLAG_CODES, type FlagCode } from '@/lib/domain/compliance/flags';
import { THREAT_AREAS, THREAT_STATUSES, THREAT_TYPES } from '@/lib/domain/vocabulary';

export const THREAT_SORT_KEYS = ['urn', 'name', 'type', 'tier', 'status', 'organisation', 'lro', 'mappedOn', 'flags'] as const;
export type ThreatSortKey = (typeof THREAT_SORT_KEYS)[number];
export const REGISTER_PAGE_SIZE = 25;

/** The register's flag filter: one flag, or any alert, or any flag at all. */
export const FLAG_FILTER_ANY_ALERT = 'alert';
export const FLAG_FILTER_ANY = 'any';
export type ThreatFlagFilter = FlagCode | typeof FLAG_FILTER_ANY_ALERT | typeof FLAG_FILTER_ANY;

/**
 * The direction a column sorts in when first chosen: counts of flags start with the most, since
 * the threats with the most alerts are the ones to look at first.
 */
export function defaultSortOrder(sort: ThreatSortKey): 'asc' | 'desc' {
  return sort === 'flags' ? 'desc' : 'asc';
}

// Query strings come from people and bookmarks: a value that makes no sense is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The register's filters, sort and page, parsed from the URL's search parameters. Without an
 * order, a column sorts in its default direction (defaultSortOrder).
 */
export const threatRegisterQuerySchema = z
  .object({
    organisation: z.preprocess(firstValue, optional(id)),
    type: z.preprocess(firstValue, optional(z.enum(THREAT_TYPES))),
    tier: z.preprocess(firstValue, optional(z.coerce.number().int().min(1).max(5))),
    area: z.preprocess(firstValue, optional(z.enum(THREAT_AREAS))),
    status: z.preprocess(firstValue, optional(z.enum(THREAT_STATUSES))),
    lro: z.preprocess(firstValue, optional(z.union([z.literal('none'), id]))),
    flag: z.preprocess(firstValue, optional(z.enum([...FLAG_CODES, FLAG_FILTER_ANY_ALERT, FLAG_FILTER_ANY]))),
    q: z.preprocess(firstValue, optional(z.string().trim().min(1).max(100))),
    /** Part of the LRO's name (the register lists hundreds of LROs for a region: typed, not picked). */
    lroName: z.preprocess(firstValue, optional(z.string().trim().min(1).max(100))),
    sort: z.preprocess(firstValue, z.enum(THREAT_SORT_KEYS).catch('urn').default('urn')),
    order: z.preprocess(firstValue, optional(z.enum(['asc', 'desc']))),
    page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform((query) => ({ ...query, order: query.order ?? defaultSortOrder(query.sort) }));

export type ThreatRegisterQuery = z.infer<typeof threatRegisterQuerySchema>;
