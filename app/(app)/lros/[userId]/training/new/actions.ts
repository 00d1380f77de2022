'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordTraining } from '@/lib/services/training';
import type { RecordTrainingInput } from '@/lib/validation/training';

const run = authedAction(recordTraining);

export async function recordTrainingAction(input: RecordTrainingInput) {
  return run(input);
}
