import { Tag, type TagColour } from '@/components/ui/tag';
import type { ReviewQueueState } from '@/lib/domain/review-diff';
import { REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '@/lib/domain/vocabulary';

const OUTCOME_COLOURS: Record<ReviewOutcome, TagColour> = { SATISFACTORY: 'green', CHANGES_REQUIRED: 'orange', ESCALATED: 'red' };

export function ReviewOutcomeTag({ outcome }: { outcome: ReviewOutcome }) {
  return <Tag colour={OUTCOME_COLOURS[outcome]}>{REVIEW_OUTCOME_LABELS[outcome]}</Tag>;
}

export const REVIEW_STATE_LABELS: Record<ReviewQueueState, string> = {
  OVERDUE: 'Overdue',
  DUE: 'Due',
  NEVER_REVIEWED: 'Never reviewed',
  UPCOMING: 'Upcoming',
};

const STATE_COLOURS: Record<ReviewQueueState, TagColour> = { OVERDUE: 'red', DUE: 'yellow', NEVER_REVIEWED: 'orange', UPCOMING: 'grey' };

export function ReviewStateTag({ state }: { state: ReviewQueueState }) {
  return <Tag colour={STATE_COLOURS[state]}>{REVIEW_STATE_LABELS[state]}</Tag>;
}
