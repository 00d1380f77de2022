'use server';

import { authedAction } from '@/lib/services/authed-action';
import { recordUnmetDemand, updateUnmetDemand } from '@/lib/services/unmet-demand';
import type { RecordUnmetDemandInput, UpdateUnmetDemandInput } from '@/lib/validation/unmet-demand';

// The unmet demand pages' writes: thin, each one through authedAction (lib/services/unmet-demand.ts).

const runRecord = authedAction(recordUnmetDemand);
const runUpdate = authedAction(updateUnmetDemand);

export async function recordUnmetDemandAction(input: RecordUnmetDemandInput) {
  return runRecord(input);
}

export async function updateUnmetDemandAction(input: UpdateUnmetDemandInput) {
  return runUpdate(input);
}
