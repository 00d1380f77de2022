'use server';

import { authedAction } from '@/lib/services/authed-action';
import { updateDigestFrequency } from '@/lib/services/notifications';
import type { UpdateDigestFrequencyInput } from '@/lib/validation/notifications';

// The e-mail reminder preference's server action: thin, one write through authedAction.

const runUpdateDigestFrequency = authedAction(updateDigestFrequency);

export async function updateDigestFrequencyAction(input: UpdateDigestFrequencyInput) {
  return runUpdateDigestFrequency(input);
}
