'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordComplianceCheck } from '@/lib/services/orders';
import type { RecordComplianceCheckInput } from '@/lib/validation/orders';

const run = authedAction(recordComplianceCheck);

export async function recordComplianceCheckAction(input: RecordComplianceCheckInput) {
  return run(input);
}
