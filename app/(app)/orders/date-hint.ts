import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';

/** GOV.UK's example for a date input of a past date, six weeks before `now`: 'For example, 27 3 2025'. */
export function pastDateHint(now: Date): string {
  const [year, month, day] = addCalendarDays(londonDateKey(now), -42).split('-').map(Number);
  return `For example, ${day} ${month} ${year}`;
}
