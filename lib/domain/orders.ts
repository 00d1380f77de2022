/**
 * Ancillary orders (SCPOs, slavery and trafficking risk orders, closure orders...): what a
 * register and a work list say about an order beyond its flag. ORDER_NOT_MONITORED itself is
 * compliance/rules.ts `orderFlags`; these helpers keep to its conventions (London calendar days;
 * an order is in force up to and including its expiry date). Pure: `now` is a parameter.
 */
import { addCalendarDays, calendarDaysBetween, daysSince, londonDateKey } from '@/lib/domain/dates';
import type { ComplianceThresholds } from '@/lib/domain/settings';

export const COMPLIANCE_CHECK_RESULTS = ['COMPLIANT', 'BREACH', 'UNABLE_TO_CHECK'] as const;
export type ComplianceCheckResult = (typeof COMPLIANCE_CHECK_RESULTS)[number];
export const COMPLIANCE_CHECK_RESULT_LABELS: Record<ComplianceCheckResult, string> = {
  COMPLIANT: 'Compliant',
  BREACH: 'Breach',
  UNABLE_TO_CHECK: 'Unable to check',
};

/** The register's "expiring soon" filter: the default warning period of ORDER_NOT_MONITORED. */
export const EXPIRING_SOON_DAYS = 90;

export const ORDER_STATUSES = ['NOT_STARTED', 'IN_FORCE', 'EXPIRED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  NOT_STARTED: 'Not yet in force',
  IN_FORCE: 'In force',
  EXPIRED: 'Expired',
};

/**
 * The threat an order is linked to, as a page shows it: its URN always (the order names it), its
 * name and a link only for a user who may read the threat.
 */
export type LinkedThreat = { id: string; urn: string; canRead: true; name: string } | { id: string; urn: string; canRead: false } | null;

type OrderDates = { startsOn: Date; expiresOn: Date | null; lastComplianceCheckOn: Date | null };

/** Whether the order has expired: from the day after its expiry date (as orderFlags reads it). */
export function isOrderExpired(order: Pick<OrderDates, 'expiresOn'>, now: Date): boolean {
  return order.expiresOn !== null && daysSince(order.expiresOn, now) >= 1;
}

/** Not yet started (it starts on a later day), in force, or expired. */
export function orderStatus(order: Pick<OrderDates, 'startsOn' | 'expiresOn'>, now: Date): OrderStatus {
  if (isOrderExpired(order, now)) return 'EXPIRED';
  return daysSince(order.startsOn, now) < 0 ? 'NOT_STARTED' : 'IN_FORCE';
}

/**
 * The London date (yyyy-mm-dd) on which an order in force is flagged ORDER_NOT_MONITORED for want
 * of a check: `orderCheckDays` after its last check, or after its start if never checked. Null
 * once it has expired (nothing more is due).
 */
export function nextComplianceCheckDue(order: OrderDates, thresholds: Pick<ComplianceThresholds, 'orderCheckDays'>, now: Date): string | null {
  if (isOrderExpired(order, now)) return null;
  return addCalendarDays(londonDateKey(order.lastComplianceCheckOn ?? order.startsOn), thresholds.orderCheckDays);
}

/** Days until the order expires (0 on its expiry date, negative after); null without an expiry. */
export function daysUntilExpiry(order: Pick<OrderDates, 'expiresOn'>, now: Date): number | null {
  return order.expiresOn ? calendarDaysBetween(londonDateKey(now), londonDateKey(order.expiresOn)) : null;
}
