import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, londonDateKey } from './dates';

describe('dates in the Europe/London calendar', () => {
  it.each([
    // British Summer Time starts at 01:00 UTC on 29 March 2026: before it, London is on UTC.
    ['2026-03-28T23:30:00Z', '2026-03-28'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    // In summer, 23:30 UTC is 00:30 the next day in London.
    ['2026-07-01T23:30:00Z', '2026-07-02'],
    // The clocks go back at 01:00 UTC on 25 October 2026.
    ['2026-10-24T23:30:00Z', '2026-10-25'],
    ['2026-10-25T23:30:00Z', '2026-10-25'],
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDateKey(new Date(instant))).toBe(expected);
  });

  it('formats GOV.UK style', () => {
    expect(formatDate(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026');
    expect(formatDate(new Date('2026-11-25T10:00:00Z'), 'short')).toBe('25 Nov 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(new Date('2026-11-25T14:05:00Z'))).toBe('25 November 2026 at 2:05pm');
  });
});
