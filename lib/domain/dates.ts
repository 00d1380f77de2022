/**
 * Dates as people in UK policing read them: the Europe/London calendar, GOV.UK style
 * ("25 November 2026", or "25 Nov 2026" in tables). Pure: no clock.
 */
const LONDON = 'Europe/London';

export function formatDate(date: Date | null | undefined, style: 'long' | 'short' = 'long'): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric' }).format(date);
}

export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true })
    .format(date)
    .replace(' am', 'am')
    .replace(' pm', 'pm');
}

/** The ISO calendar date (yyyy-mm-dd) of an instant, in London. */
export function londonDateKey(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
