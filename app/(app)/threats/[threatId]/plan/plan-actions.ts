'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/services/authed-action';
import { activatePlan, closePlan, createObjective, createPlan, recordPartnerEngagement, updateObjective, updatePlanDetails } from '@/lib/services/plans';
import type { FormState } from '@/lib/validation/form-state';
import type {
  ActivatePlanInput,
  ClosePlanInput,
  CreateObjectiveInput,
  RecordEngagementInput,
  UpdateObjectiveInput,
  UpdatePlanDetailsInput,
} from '@/lib/validation/plan';

// The 4P plan's server actions: thin, each one write through authedAction (lib/services/plans.ts).

const runCreatePlan = authedAction(createPlan);
const runUpdatePlanDetails = authedAction(updatePlanDetails);
const runCreateObjective = authedAction(createObjective);
const runUpdateObjective = authedAction(updateObjective);
const runActivatePlan = authedAction(activatePlan);
const runClosePlan = authedAction(closePlan);
const runRecordEngagement = authedAction(recordPartnerEngagement);

/** The "Create 4P plan" button's form post: on success, off to the new plan. */
export async function createPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runCreatePlan(formData);
  if (state.status === 'success') redirect(`/threats/${encodeURIComponent(String(formData.get('threatId')))}/plan?saved=created`);
  return state;
}

export async function updatePlanDetailsAction(input: UpdatePlanDetailsInput) {
  return runUpdatePlanDetails(input);
}

export async function createObjectiveAction(input: CreateObjectiveInput) {
  return runCreateObjective(input);
}

export async function updateObjectiveAction(input: UpdateObjectiveInput) {
  return runUpdateObjective(input);
}

export async function activatePlanAction(input: ActivatePlanInput) {
  return runActivatePlan(input);
}

export async function closePlanAction(input: ClosePlanInput) {
  return runClosePlan(input);
}

export async function recordEngagementAction(input: RecordEngagementInput) {
  return runRecordEngagement(input);
}
