'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordActionUpdate } from '@/lib/services/actions';
import type { RecordActionUpdateInput } from '@/lib/validation/action';

const run = authedAction(recordActionUpdate);

export async function recordActionUpdateAction(input: RecordActionUpdateInput) {
  return run(input);
}
