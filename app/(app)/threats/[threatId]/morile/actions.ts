'use server';

import { authedAction } from '@/lib/services/authed-action';
import { moderateAssessment, recordAssessment } from '@/lib/services/morile';
import type { ModerateAssessmentInput, RecordAssessmentInput } from '@/lib/validation/morile';

// The MoRiLE pages' writes: thin, each one through authedAction (lib/services/morile.ts).

const runRecordAssessment = authedAction(recordAssessment);
const runModerateAssessment = authedAction(moderateAssessment);

export async function recordAssessmentAction(input: RecordAssessmentInput) {
  return runRecordAssessment(input);
}

export async function moderateAssessmentAction(input: ModerateAssessmentInput) {
  return runModerateAssessment(input);
}
