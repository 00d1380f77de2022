/**
 * Dates as people in UK policing read them: the Europe/London calendar, GOV.UK style
 * ("25 November 2026", or "25 Nov 2026" in tables). Pure: no clock.
 */
const LONDON = 'Europe/London';

// Formatters are made once: constructing an Intl.DateTimeFormat costs far more than formatting
// with it (the compliance engine asks for London dates thousands of times a request).
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true });
const DATE_KEY = new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatDate(date: Date | null | undefined, style: 'long' | 'short' = 'long'): string {
  if (!date) return '';
  return (style === 'long' ? LONG_DATE : SHORT_DATE).format(date);
}

export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '';
  return DATE_TIME.format(date).replace(' am', 'am').replace(' pm', 'pm');
}

/** The ISO calendar date (yyyy-mm-dd) of an instant, in London. */
export function londonDateKey(date: Date): string {
  return DATE_KEY.format(date);
}

// --- Calendar-day arithmetic for the compliance rules ------------------------------------------
// A date key is an ISO calendar date 'yyyy-mm-dd' in London. Thresholds count London calendar
// days, so "30 days" is the same number of days either side of a clock change.

const DAY_MS = 86_400_000;

function keyToUtcMs(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function utcMsToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date key in London. */
export function londonToday(now: Date): string {
  return londonDateKey(now);
}

/** The date key `days` calendar days after (negative: before) `key`. */
export function addCalendarDays(key: string, days: number): string {
  return utcMsToKey(keyToUtcMs(key) + days * DAY_MS);
}

/**
 * The date key `months` calendar months after (negative: before) `key`; a day that does not exist
 * in the target month becomes that month's last day (31 August less six months is 28 February).
 */
export function addCalendarMonths(key: string, months: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return utcMsToKey(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

/** Calendar days from `fromKey` to `toKey` (negative when `toKey` is earlier). */
export function calendarDaysBetween(fromKey: string, toKey: string): number {
  return Math.round((keyToUtcMs(toKey) - keyToUtcMs(fromKey)) / DAY_MS);
}

/**
 * London calendar days from the day of `instant` to the day of `now`: 0 on the same day, 1 the
 * next. Dates without a time (due dates) are stored as UTC midnight, which falls on that same day
 * in London in winter and summer alike, so this serves them too.
 */
export function daysSince(instant: Date, now: Date): number {
  return calendarDaysBetween(londonDateKey(instant), londonDateKey(now));
}

/**
 * The instant London's day `key` begins: midnight GMT in winter, 23:00 UTC the evening before in
 * summer. The clocks change at 01:00 UTC, never at midnight, so one of the two is always right.
 * For any instant or stored date x: `londonDateKey(x) < key` exactly when `x < londonDayStart(key)`,
 * which is how a query compares dates in London days without knowing about time zones.
 */
export function londonDayStart(key: string): Date {
  const utcMidnight = keyToUtcMs(key);
  const anHourBefore = new Date(utcMidnight - 3_600_000);
  return londonDateKey(anHourBefore) === key ? anHourBefore : new Date(utcMidnight);
}
