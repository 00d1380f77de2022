'use server';

import { authedAction } from '@/lib/services/authed-action';
import { updateThreat } from '@/lib/services/threats';
import type { UpdateThreatInput } from '@/lib/validation/threat';

const run = authedAction(updateThreat);

export async function updateThreatAction(input: UpdateThreatInput) {
  return run(input);
}
