'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { TextInput } from '@/components/forms/text-input';
import { Button } from '@/components/ui/button';
import { CAPABILITIES_NEEDED, CAPABILITY_NEEDED_LABELS, SHORTFALLS, SHORTFALL_LABELS } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { recordUnmetDemandSchema, updateUnmetDemandSchema, type RecordUnmetDemandInput, type UpdateUnmetDemandInput } from '@/lib/validation/unmet-demand';

type Saved = { unmetDemandId: string; threatId: string };

/** Escalated to and when, resolved, and APMIS: on both forms. */
function ProgressFields({ example }: { example: string }) {
  return (
    <>
      <TextInput name="escalatedTo" label="Escalated to (optional)" labelClassName="govuk-label--m" hint="For example, the ROCU, the regional tasking group or the NCA" />
      <DateInput name="escalatedOn" legend="Date escalated (optional)" legendClassName="govuk-fieldset__legend--m" hint={`For example, ${example}`} />
      <DateInput name="resolvedOn" legend="Date resolved (optional)" legendClassName="govuk-fieldset__legend--m" hint="Leave empty while the shortfall remains" />
      <Radios
        name="apmisRecorded"
        legend="Is the unmet demand recorded on APMIS?"
        legendClassName="govuk-fieldset__legend--m"
        inline
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
    </>
  );
}

/** Recording unmet demand on a threat. */
export function RecordUnmetDemandForm({
  threatId,
  values,
  example,
  save,
}: {
  threatId: string;
  values: RecordUnmetDemandInput;
  /** An example date for the hints, e.g. '27 3 2026'. */
  example: string;
  save: (input: RecordUnmetDemandInput) => Promise<FormState<Saved>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: recordUnmetDemandSchema,
    defaultValues: values,
    save: (input) => save({ ...input, threatId }),
    successHref: () => `/threats/${threatId}/unmet-demand?saved=recorded`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <Radios name="shortfall" legend="Shortfall" legendClassName="govuk-fieldset__legend--m" items={SHORTFALLS.map((s) => ({ value: s, text: SHORTFALL_LABELS[s] }))} />
        <Radios name="capabilityNeeded" legend="Capability needed" legendClassName="govuk-fieldset__legend--m" items={CAPABILITIES_NEEDED.map((c) => ({ value: c, text: CAPABILITY_NEEDED_LABELS[c] }))} />
        <Textarea name="description" label="Description" labelClassName="govuk-label--m" hint="What cannot be done, and what it holds back" rows={5} />
        <DateInput name="raisedOn" legend="Date raised" legendClassName="govuk-fieldset__legend--m" hint={`For example, ${example}`} />
        <ProgressFields example={example} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record unmet demand
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/unmet-demand`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** Escalating, resolving or marking recorded on APMIS. A refusal because someone else changed it meanwhile refreshes the page. */
export function UpdateUnmetDemandForm({
  threatId,
  values,
  example,
  save,
}: {
  threatId: string;
  values: UpdateUnmetDemandInput;
  example: string;
  save: (input: UpdateUnmetDemandInput) => Promise<FormState<Saved>>;
}) {
  const router = useRouter();
  const { form, onSubmit } = useServerForm({
    schema: updateUnmetDemandSchema,
    defaultValues: values,
    // The record as this page (its latest render) showed it: the action updates it only if it
    // still stands so. Refused because someone changed it, the page is refreshed to show theirs,
    // keeping what was typed here.
    save: async (input) => {
      const state = await save({ ...input, unmetDemandId: values.unmetDemandId, seen: values.seen });
      if (state.status === 'error' && state.code === 'CONFLICT') router.refresh();
      return state;
    },
    successHref: () => `/threats/${threatId}/unmet-demand?saved=updated`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <ProgressFields example={example} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save changes
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/unmet-demand`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
