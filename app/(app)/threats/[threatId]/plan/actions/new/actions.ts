'use server';

import { authedAction } from '@/lib/services/authed-action';
import { createAction } from '@/lib/services/actions';
import type { CreateActionInput } from '@/lib/validation/action';

const run = authedAction(createAction);

export async function createActionAction(input: CreateActionInput) {
  return run(input);
}
