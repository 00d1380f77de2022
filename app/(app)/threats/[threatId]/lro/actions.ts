'use server';

import { authedAction } from '@/lib/services/authed-action';
import { assignLro } from '@/lib/services/assignments';
import type { AssignLroInput } from '@/lib/validation/assignment';

const run = authedAction(assignLro);

export async function assignLroAction(input: AssignLroInput) {
  return run(input);
}
