import { Tag } from '@/components/ui/tag';
import { formatDate } from '@/lib/domain/dates';
import type { ActionStatus } from '@/lib/domain/vocabulary';
import { isActionOverdue } from './overdue';

/** An action's due date, marked when it is overdue (in words, not colour alone). */
export function DueDate({ dueOn, status, now, style = 'long' }: { dueOn: Date | null; status: ActionStatus; now: Date; style?: 'long' | 'short' }) {
  if (!dueOn) return <>No due date</>;
  return (
    <>
      {formatDate(dueOn, style)}
      {isActionOverdue({ dueOn, status }, now) ? (
        <>
          {' '}
          <Tag colour="red">Overdue</Tag>
        </>
      ) : null}
    </>
  );
}
