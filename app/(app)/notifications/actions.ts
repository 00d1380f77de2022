'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/services/authed-action';
import { markNotificationsRead } from '@/lib/services/notifications';
import type { FormState } from '@/lib/validation/form-state';

// The notifications page's server action: thin, one write through authedAction.

const runMarkNotificationsRead = authedAction(markNotificationsRead);

/** "Mark all as read": on success, back to the list, with the navigation's count refreshed. */
export async function markAllReadAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const state = await runMarkNotificationsRead({});
  if (state.status === 'success') {
    revalidatePath('/', 'layout');
    redirect('/notifications?read=1');
  }
  return state;
}
