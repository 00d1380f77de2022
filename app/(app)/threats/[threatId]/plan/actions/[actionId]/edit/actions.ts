'use server';

import { authedAction } from '@/lib/services/authed-action';
import { editAction } from '@/lib/services/actions';
import type { EditActionInput } from '@/lib/validation/action';

const run = authedAction(editAction);

export async function editActionAction(input: EditActionInput) {
  return run(input);
}
