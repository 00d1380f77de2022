import { z } from 'zod';

// The LRO register's filters, sort and page (app/(app)/lros), parsed from the address, and the
// addresses of its filtered views (the co-ordinator's training summary links to them).

export const LRO_SORT_KEYS = ['name', 'organisation', 'caseload', 'training'] as const;
export type LroSortKey = (typeof LRO_SORT_KEYS)[number];

/**
 * Training filter: untrained (no completed, current LRO course: never trained, or expired),
 * trained, or trained with the current course running out within TRAINING_EXPIRY_SOON_DAYS.
 */
export const LRO_TRAINING_FILTERS = ['untrained', 'trained', 'expiring'] as const;
export type LroTrainingFilter = (typeof LRO_TRAINING_FILTERS)[number];

/** Caseload filter: leads at least one live threat, or leads as many as the organisation's warning level or more (LRO_OVERLOADED). */
export const LRO_CASELOAD_FILTERS = ['holding', 'over'] as const;
export type LroCaseloadFilter = (typeof LRO_CASELOAD_FILTERS)[number];

/** "Expiring soon": the current LRO course runs out within this many days. */
export const TRAINING_EXPIRY_SOON_DAYS = 90;

export const LRO_REGISTER_PAGE_SIZE = 25;

export const LRO_TRAINING_FILTER_LABELS: Record<LroTrainingFilter, string> = {
  untrained: 'Untrained (none, or expired)',
  trained: 'Trained',
  expiring: `Training expiring within ${TRAINING_EXPIRY_SOON_DAYS} days`,
};

export const LRO_CASELOAD_FILTER_LABELS: Record<LroCaseloadFilter, string> = {
  holding: 'Leading live threats',
  over: 'Over caseload (warning or alert)',
};

/**
 * The direction a column sorts in when first chosen: the heaviest caseload first; training from
 * the worst (untrained) to the best; names and organisations A to Z.
 */
export function defaultLroSortOrder(sort: LroSortKey): 'asc' | 'desc' {
  return sort === 'caseload' ? 'desc' : 'asc';
}

// Query strings come from people and bookmarks: a value that makes no sense is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const lroRegisterQuerySchema = z
  .object({
    q: z.preprocess(firstValue, optional(z.string().trim().min(1).max(100))),
    organisation: z.preprocess(firstValue, optional(id)),
    /** An organisation and everything below it (a dashboard row's subtree). */
    within: z.preprocess(firstValue, optional(id)),
    training: z.preprocess(firstValue, optional(z.enum(LRO_TRAINING_FILTERS))),
    caseload: z.preprocess(firstValue, optional(z.enum(LRO_CASELOAD_FILTERS))),
    sort: z.preprocess(firstValue, z.enum(LRO_SORT_KEYS).catch('name').default('name')),
    order: z.preprocess(firstValue, optional(z.enum(['asc', 'desc']))),
    page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform((query) => ({ ...query, order: query.order ?? defaultLroSortOrder(query.sort) }));

export type LroRegisterQuery = z.infer<typeof lroRegisterQuerySchema>;

/**
 * The query's parameters for an address: defaults left out, so each view has one address. The
 * page is left to the caller (pagination adds it).
 */
export function lroRegisterParams(query: Partial<LroRegisterQuery>): Record<string, string | undefined> {
  const sort = query.sort ?? 'name';
  const order = query.order ?? defaultLroSortOrder(sort);
  return {
    q: query.q,
    organisation: query.organisation,
    within: query.within,
    training: query.training,
    caseload: query.caseload,
    sort: sort === 'name' && order === 'asc' ? undefined : sort,
    order: order === defaultLroSortOrder(sort) ? undefined : order,
  };
}

/** The register's address for a query, e.g. `/lros?organisation=x&caseload=holding&training=untrained`. */
export function lroRegisterHref(query: Partial<LroRegisterQuery> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(lroRegisterParams(query))) if (value !== undefined && value !== '') search.set(key, value);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  const s = search.toString();
  return s ? `/lros?${s}` : '/lros';
}
