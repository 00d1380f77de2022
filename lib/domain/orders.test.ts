import { describe, expect, it } from 'vitest';
import { daysUntilExpiry, isOrderExpired, nextComplianceCheckDue, orderStatus } from './orders';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);
const NOW = at('2026-06-15T10:00:00Z');
const order = (over: Partial<{ startsOn: Date; expiresOn: Date | null; lastComplianceCheckOn: Date | null }> = {}) => ({
  startsOn: day('2026-01-01'),
  expiresOn: day('2027-01-01'),
  lastComplianceCheckOn: null,
  ...over,
});

describe('orderStatus: not yet in force, in force up to and including its expiry date, then expired', () => {
  it.each<[string, Parameters<typeof order>[0], Date, ReturnType<typeof orderStatus>]>([
    ['starts tomorrow', { startsOn: day('2026-06-16') }, NOW, 'NOT_STARTED'],
    ['starts today', { startsOn: day('2026-06-15') }, NOW, 'IN_FORCE'],
    ['expires today', { expiresOn: day('2026-06-15') }, NOW, 'IN_FORCE'],
    ['expires today, at 23:59 BST', { expiresOn: day('2026-06-15') }, at('2026-06-15T22:59:00Z'), 'IN_FORCE'],
    ['expired at midnight BST', { expiresOn: day('2026-06-15') }, at('2026-06-15T23:00:00Z'), 'EXPIRED'],
    ['expired yesterday', { expiresOn: day('2026-06-14') }, NOW, 'EXPIRED'],
    ['no expiry', { expiresOn: null }, NOW, 'IN_FORCE'],
  ])('%s -> %s', (_name, over, now, expected) => {
    expect(orderStatus(order(over), now)).toBe(expected);
    expect(isOrderExpired(order(over), now)).toBe(expected === 'EXPIRED');
  });
});

describe('nextComplianceCheckDue: the day ORDER_NOT_MONITORED would be raised for want of a check', () => {
  it('counts from the last check, or from the start when never checked', () => {
    expect(nextComplianceCheckDue(order({ lastComplianceCheckOn: day('2026-06-01') }), { orderCheckDays: 90 }, NOW)).toBe('2026-08-30');
    expect(nextComplianceCheckDue(order(), { orderCheckDays: 90 }, NOW)).toBe('2026-04-01');
    expect(nextComplianceCheckDue(order({ lastComplianceCheckOn: day('2026-06-01') }), { orderCheckDays: 30 }, NOW)).toBe('2026-07-01');
  });

  it('counts calendar days across the clock change', () => {
    expect(nextComplianceCheckDue(order({ lastComplianceCheckOn: day('2025-12-29') }), { orderCheckDays: 90 }, at('2026-01-10T12:00:00Z'))).toBe('2026-03-29');
  });

  it('nothing is due once the order has expired', () => {
    expect(nextComplianceCheckDue(order({ expiresOn: day('2026-06-14') }), { orderCheckDays: 90 }, NOW)).toBeNull();
  });
});

describe('daysUntilExpiry', () => {
  it.each<[Date | null, number | null]>([
    [day('2026-06-15'), 0],
    [day('2026-06-25'), 10],
    [day('2026-06-05'), -10],
    [null, null],
  ])('%s -> %s', (expiresOn, expected) => {
    expect(daysUntilExpiry({ expiresOn }, NOW)).toBe(expected);
  });
});
