'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { SummaryList } from '@/components/ui/summary-list';
import { applyServerErrors } from '@/components/forms/apply-server-errors';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import type { FormState } from '@/lib/validation/form-state';
import { editActionSchema, type EditActionInput } from '@/lib/validation/action';
import { ActionFields, type ActionFieldOptions } from './action-fields';

/** The action as it is saved now, in words, shown beside the form after a conflict. */
export type SavedActionSummary = {
  version: number;
  strand: string;
  objective: string;
  description: string;
  owner: string;
  dueDate: string;
};

export type EditActionFormProps = ActionFieldOptions & {
  actionHref: string;
  /** The form's starting values, including the version the editor saw (an action may have no owner yet). */
  values: Omit<EditActionInput, 'ownerKind'> & { ownerKind?: EditActionInput['ownerKind'] };
  /** The action as saved now: refreshed from the server after a conflict. */
  saved: SavedActionSummary;
  save: (input: EditActionInput) => Promise<FormState<{ version: number }>>;
};

/**
 * Changing an action's details. Two people may edit at once: the second save is refused with a
 * message naming who saved first. Their input stays in the form, the page is refreshed to show the
 * action as it is now, and saving again applies their input on top of that (a choice made knowing
 * what changed, never a silent overwrite).
 */
export function EditActionForm({ actionHref, values, saved, save, ...options }: EditActionFormProps) {
  const router = useRouter();
  const [openedAt] = useState(values.version);
  const [hasConflict, setHasConflict] = useState(false);
  const form = useForm<EditActionInput>({
    resolver: zodResolver(editActionSchema, undefined, { raw: true }),
    defaultValues: values,
    shouldFocusError: false,
  });

  async function onSubmit(input: EditActionInput) {
    // After a conflict the page has been refreshed: save against the version now shown.
    const state = await save({ ...input, version: hasConflict ? saved.version : openedAt });
    if (state.status === 'success') {
      router.push(`${actionHref}?saved=details`);
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
      {hasConflict ? (
        <SummaryList
          card={{ title: 'The action as it is saved now', headingLevel: 2 }}
          rows={[
            { key: 'Strand', value: saved.strand },
            { key: 'Objective', value: saved.objective },
            { key: 'Description', value: saved.description },
            { key: 'Owner', value: saved.owner },
            { key: 'Due date', value: saved.dueDate },
          ]}
        />
      ) : null}
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <ActionFields {...options} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save action
          </Button>
          <Link className="govuk-link" href={actionHref}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
