'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/services/authed-action';
import { acknowledgeHandover } from '@/lib/services/handovers';
import type { FormState } from '@/lib/validation/form-state';

const run = authedAction(acknowledgeHandover);

/** "I have read the handover": on success, back to the threat, whose handover panel is gone. */
export async function acknowledgeHandoverAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await run(formData);
  if (state.status === 'success' && state.data) redirect(`/threats/${encodeURIComponent(state.data.threatId)}?saved=handover`);
  return state;
}
