'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordDisruption, updateDisruption } from '@/lib/services/disruptions';
import type { RecordDisruptionInput, UpdateDisruptionInput } from '@/lib/validation/disruptions';

// The disruption pages' writes: thin, each one through authedAction (lib/services/disruptions.ts).

const runRecordDisruption = authedAction(recordDisruption);
const runUpdateDisruption = authedAction(updateDisruption);

export async function recordDisruptionAction(input: RecordDisruptionInput) {
  return runRecordDisruption(input);
}

export async function updateDisruptionAction(input: UpdateDisruptionInput) {
  return runUpdateDisruption(input);
}
