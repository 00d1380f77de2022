import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  daysSince,
  formatDate,
  formatDateTime,
  londonDateKey,
  londonDayStart,
  londonToday,
} from './dates';

/** A stored calendar date (due dates, mapping dates): UTC midnight of the day. */
const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

// British Summer Time starts at 01:00 UTC on 29 March 2026 and ends at 01:00 UTC on 25 October 2026.

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

describe('londonToday', () => {
  it.each([
    ['winter midday', '2026-01-15T12:00:00Z', '2026-01-15'],
    ['winter, a second before midnight', '2026-01-15T23:59:59Z', '2026-01-15'],
    ['summer, 23:30 UTC is already tomorrow', '2026-07-01T23:30:00Z', '2026-07-02'],
    ['summer, 22:59 UTC is still today', '2026-07-01T22:59:59Z', '2026-07-01'],
  ])('%s: %s -> %s', (_name, now, expected) => {
    expect(londonToday(at(now))).toBe(expected);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-01', -1, '2026-01-31'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'],
    ['2028-01-01', 366, '2029-01-01'],
    // Across the clock changes a day is still a day.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-28', 30, '2026-04-27'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-24', 30, '2026-11-23'],
    ['2026-05-01', 28, '2026-05-29'],
    ['2026-05-01', 112, '2026-08-21'],
  ])('%s + %i days = %s', (key, days, expected) => {
    expect(addCalendarDays(key, days)).toBe(expected);
  });
});

describe('addCalendarMonths: a day missing from the target month becomes its last day', () => {
  it.each([
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-06-15', -6, '2025-12-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-08-31', -6, '2026-02-28'],
    ['2026-08-30', -6, '2026-02-28'],
    ['2026-08-29', -6, '2026-02-28'],
    ['2026-08-28', -6, '2026-02-28'],
    ['2026-08-27', -6, '2026-02-27'],
    ['2028-08-31', -6, '2028-02-29'],
    ['2028-08-29', -6, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', -6, '2025-11-30'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2026-01-31', -13, '2024-12-31'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %i months = %s', (key, months, expected) => {
    expect(addCalendarMonths(key, months)).toBe(expected);
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['2026-06-15', '2026-06-15', 0],
    ['2026-06-15', '2026-06-16', 1],
    ['2026-06-15', '2026-06-14', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-12-31', '2027-01-01', 1],
    // Days either side of both clock changes.
    ['2026-03-28', '2026-03-29', 1],
    ['2026-03-29', '2026-03-30', 1],
    ['2026-03-28', '2026-04-27', 30],
    ['2026-10-24', '2026-10-25', 1],
    ['2026-10-25', '2026-10-26', 1],
    ['2026-10-24', '2026-11-23', 30],
    ['2026-11-23', '2026-10-24', -30],
  ])('%s to %s: %i', (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
  });
});

describe('daysSince counts London calendar days, not 24-hour periods', () => {
  it.each([
    // GMT: London midnight is UTC midnight.
    ['GMT, a second either side of midnight', '2026-01-10T23:59:59Z', '2026-01-11T00:00:00Z', 1],
    ['GMT, the first and last second of a day', '2026-01-11T00:00:00Z', '2026-01-11T23:59:59Z', 0],
    ['GMT, almost two days of real time', '2026-01-10T00:00:00Z', '2026-01-11T23:59:59Z', 1],
    // BST: London midnight is 23:00 UTC the evening before.
    ['BST, a second either side of midnight (22:59:59Z, 23:00Z)', '2026-07-01T22:59:59Z', '2026-07-01T23:00:00Z', 1],
    ['BST, 23:00Z to 22:59:59Z the next UTC day is one London day', '2026-07-01T23:00:00Z', '2026-07-02T22:59:59Z', 0],
    ['BST, 23:30Z is already tomorrow', '2026-07-01T23:30:00Z', '2026-07-02T12:00:00Z', 0],
    ['BST, now at 23:30Z is already tomorrow', '2026-07-01T12:00:00Z', '2026-07-01T23:30:00Z', 1],
    // The spring change (29 March 2026, 01:00 UTC): the day is 23 hours long.
    ['spring, 23:30 GMT to 00:30 GMT the next day', '2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', 1],
    ['spring, 00:30 GMT to 23:59 BST on the day of the change', '2026-03-29T00:30:00Z', '2026-03-29T22:59:00Z', 0],
    ['spring, 00:30 GMT to 00:00 BST the next day', '2026-03-29T00:30:00Z', '2026-03-29T23:00:00Z', 1],
    ['spring, 30 days less an hour of real time', '2026-03-28T12:00:00Z', '2026-04-27T11:00:00Z', 30],
    ['spring, 30 days less 2h15m of real time', '2026-03-28T00:30:00Z', '2026-04-26T23:15:00Z', 30],
    // The autumn change (25 October 2026, 01:00 UTC): the day is 25 hours long.
    ['autumn, 23:59 BST to 00:00 BST', '2026-10-24T22:59:00Z', '2026-10-24T23:00:00Z', 1],
    ['autumn, 00:00 BST to 23:59 GMT on the day of the change', '2026-10-24T23:00:00Z', '2026-10-25T23:59:00Z', 0],
    ['autumn, 30 days and an hour of real time', '2026-10-24T11:00:00Z', '2026-11-23T12:00:00Z', 30],
    ['autumn, 30 days and 15 minutes of real time are 29 London days', '2026-10-24T23:30:00Z', '2026-11-23T23:45:00Z', 29],
    // An instant after now counts negative.
    ['the future', '2026-07-03T12:00:00Z', '2026-07-01T12:00:00Z', -2],
  ])('%s: %s to %s is %i', (_name, instant, now, expected) => {
    expect(daysSince(at(instant), at(now))).toBe(expected);
  });

  it.each([
    ['winter', '2026-01-15', '2026-01-15T23:59:59Z', 0],
    ['summer: 01:00 BST, late that evening', '2026-07-01', '2026-07-01T22:59:59Z', 0],
    ['summer: before the stored instant, but the same London day', '2026-07-01', '2026-06-30T23:30:00Z', 0],
    ['summer: the next London day', '2026-07-01', '2026-07-01T23:00:00Z', 1],
    ['the day of the spring change', '2026-03-29', '2026-03-29T22:59:00Z', 0],
    ['the day of the autumn change', '2026-10-25', '2026-10-25T23:59:00Z', 0],
  ])('a stored date (UTC midnight) falls on its own London day: %s', (_name, key, now, expected) => {
    expect(daysSince(day(key), at(now))).toBe(expected);
  });
});

describe('londonDayStart', () => {
  it.each([
    ['winter: midnight GMT', '2026-01-15', '2026-01-15T00:00:00.000Z'],
    ['summer: 23:00 UTC the evening before', '2026-07-02', '2026-07-01T23:00:00.000Z'],
    ['the day before the spring change', '2026-03-28', '2026-03-28T00:00:00.000Z'],
    ['the spring change: it starts in GMT', '2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['the day after the spring change', '2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['the day before the autumn change', '2026-10-24', '2026-10-23T23:00:00.000Z'],
    ['the autumn change: it starts in BST', '2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['the day after the autumn change', '2026-10-26', '2026-10-26T00:00:00.000Z'],
    ['a leap day in winter', '2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['new year', '2027-01-01', '2027-01-01T00:00:00.000Z'],
  ])('%s: %s begins at %s', (_name, key, expected) => {
    const start = londonDayStart(key);
    expect(start.toISOString()).toBe(expected);
    expect(londonDateKey(start)).toBe(key);
    expect(londonDateKey(new Date(start.getTime() - 1))).toBe(addCalendarDays(key, -1));
  });

  // 2020 to 2035, with the clock changes of every year in range.
  const instants = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms));
  const keys = instants.map(londonDateKey);

  it('property: londonDateKey(x) < k exactly when x < londonDayStart(k)', () => {
    fc.assert(
      fc.property(instants, keys, (x, k) => (londonDateKey(x) < k) === (x.getTime() < londonDayStart(k).getTime())),
      { numRuns: 2000 },
    );
  });

  it('property: the same, for instants within two hours of the start of the day', () => {
    fc.assert(
      fc.property(keys, fc.integer({ min: -7_200_000, max: 7_200_000 }), (k, offset) => {
        const x = new Date(londonDayStart(k).getTime() + offset);
        return (londonDateKey(x) < k) === offset < 0;
      }),
      { numRuns: 2000 },
    );
  });

  it('property: day arithmetic agrees with daysSince between the starts of two days', () => {
    fc.assert(
      fc.property(keys, fc.integer({ min: -800, max: 800 }), (k, n) => {
        const later = addCalendarDays(k, n);
        return calendarDaysBetween(k, later) === n && daysSince(londonDayStart(k), londonDayStart(later)) === n;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the calendar helpers do not depend on the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])('in %s', (zone) => {
    process.env.TZ = zone;
    expect(londonDateKey(at('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(londonToday(at('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(daysSince(at('2026-03-28T12:00:00Z'), at('2026-04-27T11:00:00Z'))).toBe(30);
    expect(daysSince(at('2026-10-24T23:30:00Z'), at('2026-11-23T23:45:00Z'))).toBe(29);
    expect(daysSince(day('2026-07-01'), at('2026-06-30T23:30:00Z'))).toBe(0);
    expect(londonDayStart('2026-07-02').toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(londonDayStart('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(addCalendarDays('2026-03-28', 30)).toBe('2026-04-27');
    expect(addCalendarMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(calendarDaysBetween('2026-10-24', '2026-11-23')).toBe(30);
    expect(formatDate(at('2026-07-01T23:30:00Z'))).toBe('2 July 2026');
  });
});
