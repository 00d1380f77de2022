import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { londonDateKey } from '@/lib/domain/dates';
import { COMPLIANCE_CHECK_RESULTS } from '@/lib/domain/orders';
import { ORDER_KINDS } from '@/lib/domain/vocabulary';

// Ancillary orders: adding and changing an order, recording a compliance check, and the
// register's filters. Each form schema is shared by the form (browser) and the server action.

export const SUBJECT_NAME_MAX = 120;
export const THREAT_URN_MAX = 40;
export const CONDITIONS_MAX = 4000;
export const MANAGING_TEAM_MAX = 120;
export const CHECK_NOTE_MAX = 2000;

export const MISSING_BREACH_NOTE = 'Enter what the breach was';

const id = z.string().trim().min(1);
const version = z.coerce.number().int().min(1);
/** An optional text field: absent, null or blank all mean "not given" (''). */
const optionalText = (max: number, message: string) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max, message));
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
/** Refinements that run even when other fields are wrong, so one submission shows every problem. */
const always = { when: () => true };

const orderFields = {
  kind: z.enum(ORDER_KINDS, { error: 'Select the kind of order' }),
  subjectName: z
    .string({ error: 'Enter the name of the subject of the order' })
    .trim()
    .min(1, 'Enter the name of the subject of the order')
    .max(SUBJECT_NAME_MAX, `Subject must be ${SUBJECT_NAME_MAX} characters or fewer`),
  // Blank: the order is not linked to a threat on Quadrant. URNs are kept in capitals.
  threatUrn: z.preprocess(
    (v) => (typeof v === 'string' ? v.toUpperCase() : v == null ? '' : v),
    z.string().trim().max(THREAT_URN_MAX, `Threat URN must be ${THREAT_URN_MAX} characters or fewer`),
  ),
  organisationId: z.string({ error: 'Select the organisation responsible for the order' }).trim().min(1, 'Select the organisation responsible for the order'),
  madeOn: datePartsSchema('date the order was made'),
  startsOn: datePartsSchema('start date'),
  expiresOn: datePartsSchema('expiry date', { required: false }),
  conditions: optionalText(CONDITIONS_MAX, `Conditions must be ${CONDITIONS_MAX} characters or fewer`),
  managingTeam: optionalText(MANAGING_TEAM_MAX, `Managing team must be ${MANAGING_TEAM_MAX} characters or fewer`),
  // Blank: nobody named yet (the register shows it, since unclear management is the problem).
  managingOfficerId: optionalText(100, 'Select the managing officer from the list'),
};

type OrderDateValues = { madeOn?: unknown; startsOn?: unknown; expiresOn?: unknown };

/**
 * The dates in relation to each other and to today (in London): an order is made on or before
 * today, starts on or after it is made (an SCPO often starts on release), and expires after it
 * starts. Each is checked once both of its dates are real dates.
 */
function refineOrderDates(value: OrderDateValues, ctx: z.RefinementCtx) {
  const { madeOn, startsOn, expiresOn } = value;
  if (isIsoDate(madeOn) && madeOn > londonDateKey(new Date())) {
    ctx.addIssue({ code: 'custom', path: ['madeOn'], message: 'Date the order was made must be today or in the past' });
  }
  if (isIsoDate(madeOn) && isIsoDate(startsOn) && startsOn < madeOn) {
    ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'Start date must be the same as or after the date the order was made' });
  }
  if (isIsoDate(startsOn) && isIsoDate(expiresOn) && expiresOn <= startsOn) {
    ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Expiry date must be after the start date' });
  }
}

/** Adding an order to the register. */
export const createOrderSchema = z.object(orderFields).strict().superRefine(refineOrderDates, always);
export type CreateOrderInput = z.input<typeof createOrderSchema>;

/** Changing an order; `version` is the one the editor saw (no lost updates). */
export const editOrderSchema = z
  .object({ orderId: id, version, ...orderFields })
  .strict()
  .superRefine(refineOrderDates, always);
export type EditOrderInput = z.input<typeof editOrderSchema>;

/**
 * Recording a compliance check of an order: when (today or before), the result, and a note,
 * which a breach must have (what was breached is the evidence for the breach proceedings).
 */
export const recordComplianceCheckSchema = z
  .object({
    orderId: id,
    checkedOn: datePartsSchema('date of the check'),
    result: z.enum(COMPLIANCE_CHECK_RESULTS, { error: 'Select the result of the check' }),
    note: optionalText(CHECK_NOTE_MAX, `Note must be ${CHECK_NOTE_MAX} characters or fewer`),
  })
  .strict()
  .superRefine((value: { checkedOn?: unknown; result?: unknown; note?: unknown }, ctx) => {
    if (isIsoDate(value.checkedOn) && value.checkedOn > londonDateKey(new Date())) {
      ctx.addIssue({ code: 'custom', path: ['checkedOn'], message: 'Date of the check must be today or in the past' });
    }
    if (value.result === 'BREACH' && (typeof value.note !== 'string' || value.note.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: MISSING_BREACH_NOTE });
    }
  }, always);
export type RecordComplianceCheckInput = z.input<typeof recordComplianceCheckSchema>;

// --- The register's query ---------------------------------------------------------------------

export const ORDER_SORT_KEYS = ['flag', 'kind', 'subject', 'organisation', 'madeOn', 'expiresOn', 'lastCheck', 'breaches', 'officer'] as const;
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];
export const ORDER_REGISTER_PAGE_SIZE = 25;
/** The managing-officer filter's value for orders nobody is named to manage. */
export const NO_MANAGING_OFFICER = 'none';

/**
 * The direction a column sorts in when first chosen: the flag and breaches start with the most
 * serious, since those are the orders to look at first; everything else ascending.
 */
export function defaultOrderSortOrder(sort: OrderSortKey): 'asc' | 'desc' {
  return sort === 'flag' || sort === 'breaches' ? 'desc' : 'asc';
}

// Query strings come from people and bookmarks: a value that makes no sense is dropped, not an error.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === '' ? undefined : value);
const queryId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const checked = z.preprocess(firstValue, z.enum(['true']).optional().catch(undefined)).transform((v) => v === 'true');

/** The register's filters, sort and page, parsed from the URL's search parameters. */
export const orderRegisterQuerySchema = z
  .object({
    kind: z.preprocess(firstValue, optional(z.enum(ORDER_KINDS))),
    organisation: z.preprocess(firstValue, optional(queryId)),
    officer: z.preprocess(firstValue, optional(z.union([z.literal(NO_MANAGING_OFFICER), queryId]))),
    /** Only orders flagged ORDER_NOT_MONITORED (unchecked too long, or expiring soon). */
    notMonitored: checked,
    /** Only orders in force that expire within EXPIRING_SOON_DAYS. */
    expiringSoon: checked,
    sort: z.preprocess(firstValue, z.enum(ORDER_SORT_KEYS).catch('flag').default('flag')),
    order: z.preprocess(firstValue, optional(z.enum(['asc', 'desc']))),
    page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
  })
  .transform((query) => ({ ...query, order: query.order ?? defaultOrderSortOrder(query.sort) }));

export type OrderRegisterQuery = z.infer<typeof orderRegisterQuerySchema>;
