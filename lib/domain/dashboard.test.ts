import { describe, expect, it } from 'vitest';
import { balanceOf, percentOf, periodEnding, periodInstants } from './dashboard';

// The dashboard's arithmetic (issue 6 part 4) against small cases worked out by hand.

describe('percentOf', () => {
  it.each([
    [1, 2, 50],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 5, 100],
    [54, 100, 54],
    [1, 8, 12.5],
    [1, 7, 14.3],
  ])('%d of %d is %d%%', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it.each([
    [0, 0],
    [3, 0],
    [1, -1],
    [Number.NaN, 4],
    [1, Number.POSITIVE_INFINITY],
  ])('has no percentage of %d out of %d', (part, whole) => {
    expect(percentOf(part, whole)).toBeNull();
  });
});

describe('balanceOf', () => {
  it('totals the strands and gives each its share', () => {
    expect(balanceOf({ PURSUE: 2, PREVENT: 1, PROTECT: 1, PREPARE: 0 })).toEqual({
      counts: { PURSUE: 2, PREVENT: 1, PROTECT: 1, PREPARE: 0 },
      total: 4,
      percents: { PURSUE: 50, PREVENT: 25, PROTECT: 25, PREPARE: 0 },
    });
  });

  it('rounds each share to one place (so they need not add to exactly 100)', () => {
    expect(balanceOf({ PURSUE: 1, PREVENT: 1, PROTECT: 1, PREPARE: 0 }).percents).toEqual({ PURSUE: 33.3, PREVENT: 33.3, PROTECT: 33.3, PREPARE: 0 });
  });

  it('has no shares when there are no open actions', () => {
    expect(balanceOf({ PURSUE: 0, PREVENT: 0, PROTECT: 0, PREPARE: 0 })).toEqual({
      counts: { PURSUE: 0, PREVENT: 0, PROTECT: 0, PREPARE: 0 },
      total: 0,
      percents: { PURSUE: null, PREVENT: null, PROTECT: null, PREPARE: null },
    });
  });
});

describe('periodEnding', () => {
  it('is the inspection report’s year ending 30 June 2024', () => {
    expect(periodEnding('2024-06')).toEqual({ from: '2023-07-01', to: '2024-06-30', label: 'year ending 30 June 2024' });
  });

  it('ends on the last day of a short month, leap years included', () => {
    expect(periodEnding('2024-02')).toEqual({ from: '2023-03-01', to: '2024-02-29', label: 'year ending 29 February 2024' });
    expect(periodEnding('2026-02')).toEqual({ from: '2025-03-01', to: '2026-02-28', label: 'year ending 28 February 2026' });
  });

  it('crosses the year end', () => {
    expect(periodEnding('2026-12')).toEqual({ from: '2026-01-01', to: '2026-12-31', label: 'year ending 31 December 2026' });
    expect(periodEnding('2027-01')).toEqual({ from: '2026-02-01', to: '2027-01-31', label: 'year ending 31 January 2027' });
  });

  it.each(['2024-13', '2024-6', '24-06', '2024-06-01', ''])('refuses %j', (month) => {
    expect(() => periodEnding(month)).toThrow();
  });
});

describe('periodInstants', () => {
  it('runs from the start of the first London day to the start of the day after the last', () => {
    // Summer time: London's day starts at 23:00 UTC the evening before.
    expect(periodInstants({ from: '2025-06-01', to: '2026-05-31' })).toEqual({ start: new Date('2025-05-31T23:00:00Z'), end: new Date('2026-05-31T23:00:00Z') });
    // Winter: at midnight UTC.
    expect(periodInstants({ from: '2025-12-01', to: '2026-11-30' })).toEqual({ start: new Date('2025-12-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') });
  });
});
