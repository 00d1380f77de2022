import { londonDateKey } from '@/lib/domain/dates';
import { OPEN_ACTION_STATUSES, type ActionStatus } from '@/lib/domain/vocabulary';

/**
 * Whether an action is overdue (the ACTION_OVERDUE rule of DESIGN.md: due date passed, action
 * open), for marking it on screen: its due date is before today in London. Due today is not
 * overdue. Due dates are kept as UTC midnight of the day.
 */
export function isActionOverdue(action: { dueOn: Date | null; status: ActionStatus }, now: Date): boolean {
  if (!action.dueOn || !OPEN_ACTION_STATUSES.includes(action.status)) return false;
  return action.dueOn.toISOString().slice(0, 10) < londonDateKey(now);
}

/** GOV.UK's example for a date input, six weeks ahead of `now`: 'For example, 27 3 2027'. */
export function dueDateHint(now: Date): string {
  const example = new Date(now.getTime() + 42 * 24 * 60 * 60 * 1000);
  const [year, month, day] = londonDateKey(example).split('-').map(Number);
  return `For example, ${day} ${month} ${year}`;
}
