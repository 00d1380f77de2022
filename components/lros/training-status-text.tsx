import { Tag } from '@/components/ui/tag';
import { trainingSummary, type LroTrainingStatus } from '@/lib/domain/lro';

/**
 * LRO training as words, and as a tag when it needs attention: red for none, orange for expired.
 * "Trained until 3 March 2027" stays plain text.
 */
export function TrainingStatusText({ training }: { training: LroTrainingStatus }) {
  const text = trainingSummary(training);
  if (training.status === 'TRAINED') return <>{text}</>;
  return <Tag colour={training.status === 'NONE' ? 'red' : 'orange'}>{text}</Tag>;
}
