'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { recordActionUpdateSchema, UPDATE_STATUSES, type RecordActionUpdateInput } from '@/lib/validation/action';

export type RecordUpdateFormProps = {
  actionId: string;
  actionHref: string;
  /** The action's version and status as the page shows them (refreshed after each save). */
  version: number;
  status: ActionStatus;
  save: (input: RecordActionUpdateInput) => Promise<FormState<{ version: number }>>;
};

/**
 * Recording an update on an action: a note and, if it has changed, the status. The status starts
 * at the action's current one (no change). Completing or blocking asks what was done or why.
 */
export function RecordUpdateForm({ actionId, actionHref, version, status, save }: RecordUpdateFormProps) {
  const router = useRouter();
  // The version this form saves against: the one it was opened at, then the one each save made;
  // after a conflict, the one the refreshed page shows (the user has been told what changed).
  const [baseVersion, setBaseVersion] = useState(version);
  const [hasConflict, setHasConflict] = useState(false);
  const form = useForm<RecordActionUpdateInput>({
    resolver: zodResolver(recordActionUpdateSchema, undefined, { raw: true }),
    defaultValues: { actionId, version, status: status === 'CANCELLED' ? undefined : status, note: '' },
    shouldFocusError: false,
  });

  async function onSubmit(input: RecordActionUpdateInput) {
    const state = await save({ ...input, version: hasConflict ? version : baseVersion });
    if (state.status === 'success' && state.data) {
      setBaseVersion(state.data.version);
      setHasConflict(false);
      form.reset({ actionId, version: state.data.version, status: input.status, note: '' });
      router.replace(`${actionHref}?saved=update`, { scroll: true });
      router.refresh();
      return;
    }
    if (state.status === 'error' && state.code === 'CONFLICT') {
      setHasConflict(true);
      router.refresh();
    }
    applyServerErrors(state, form.setError);
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <Textarea
          name="note"
          label="Update"
          labelClassName="govuk-label--s"
          hint="What has happened since the last update. If the action is complete, say what was done; if it is blocked, say why."
          rows={4}
        />
        <Radios
          name="status"
          legend="Status"
          legendClassName="govuk-fieldset__legend--s"
          hint="Leave as it is if the status has not changed"
          small
          items={UPDATE_STATUSES.map((s) => ({ value: s, text: s === status ? `${ACTION_STATUS_LABELS[s]} (no change)` : ACTION_STATUS_LABELS[s] }))}
        />
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Record update
        </Button>
      </form>
    </FormProvider>
  );
}
