import { Tag, type TagColour } from '@/components/ui/tag';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/domain/vocabulary';

const COLOURS: Record<ActionStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  BLOCKED: 'red',
  COMPLETE: 'green',
  CANCELLED: 'purple',
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <Tag colour={COLOURS[status]}>{ACTION_STATUS_LABELS[status]}</Tag>;
}
