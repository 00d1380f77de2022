'use server';

import { authedAction } from '@/lib/services/authed-action';
import { cancelAction } from '@/lib/services/actions';
import type { CancelActionInput } from '@/lib/validation/action';

const run = authedAction(cancelAction);

export async function cancelActionAction(input: CancelActionInput) {
  return run(input);
}
