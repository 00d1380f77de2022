'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Select, type SelectOption } from '@/components/forms/select';
import { Textarea } from '@/components/forms/textarea';
import { TextInput } from '@/components/forms/text-input';
import { Button } from '@/components/ui/button';
import { STRANDS, STRAND_LABELS } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import {
  DISRUPTION_CATEGORIES,
  DISRUPTION_CATEGORY_LABELS,
  DISRUPTION_ROLES,
  DISRUPTION_ROLE_LABELS,
  recordDisruptionSchema,
  updateDisruptionSchema,
  type RecordDisruptionInput,
  type UpdateDisruptionInput,
} from '@/lib/validation/disruptions';

const ROLE_HINTS = {
  LEAD: 'The lead agency below led the disruption',
  SUPPORTING: 'The lead agency below supported a disruption led by another agency',
} as const;

/** The fields of a disruption, for recording one and for changing it. */
function DisruptionFields({ example, leadAgencies }: { example: string; leadAgencies: SelectOption[] }) {
  return (
    <>
      <DateInput name="disruptedOn" legend="Date of the disruption" legendClassName="govuk-fieldset__legend--m" hint={`For example, ${example}`} />
      <Radios name="strand" legend="Strand" legendClassName="govuk-fieldset__legend--m" hint="Which of the 4Ps the disruption served" items={STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s] }))} />
      <Radios
        name="category"
        legend="Category"
        legendClassName="govuk-fieldset__legend--m"
        hint="The effect on the threat, as APMIS grades it"
        items={DISRUPTION_CATEGORIES.map((c) => ({ value: c, text: DISRUPTION_CATEGORY_LABELS[c] }))}
      />
      <Radios
        name="role"
        legend="Lead or supporting"
        legendClassName="govuk-fieldset__legend--m"
        items={DISRUPTION_ROLES.map((r) => ({ value: r, text: DISRUPTION_ROLE_LABELS[r], hint: ROLE_HINTS[r] }))}
      />
      <Select name="leadAgencyId" label="Lead agency" labelClassName="govuk-label--m" hint="A force, ROCU or partner agency" options={leadAgencies} placeholder="Choose an agency" />
      <Textarea name="description" label="Description" labelClassName="govuk-label--m" hint="What was done and what it achieved" rows={5} />
      <TextInput
        name="apmisReference"
        label="APMIS reference (optional)"
        labelClassName="govuk-label--m"
        hint="Once the disruption is recorded on APMIS. Letters, numbers, hyphens and slashes, for example APM-2026-001234"
        className="govuk-input--width-20"
        spellCheck={false}
        autoComplete="off"
      />
    </>
  );
}

type Common = {
  threatId: string;
  /** An example date for the hint, e.g. '27 3 2026'. */
  example: string;
  leadAgencies: SelectOption[];
};

/** Recording a disruption of a threat. */
export function RecordDisruptionForm({
  threatId,
  example,
  leadAgencies,
  disruption,
  save,
}: Common & {
  disruption: RecordDisruptionInput;
  save: (input: RecordDisruptionInput) => Promise<FormState<{ disruptionId: string; threatId: string; reference: string }>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: recordDisruptionSchema,
    defaultValues: disruption,
    save: (input) => save({ ...input, threatId }),
    successHref: () => `/threats/${threatId}/disruptions?saved=recorded`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <DisruptionFields example={example} leadAgencies={leadAgencies} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record disruption
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/disruptions`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** Changing a disruption, or adding its APMIS reference. A conflict keeps what was typed and says who changed it. */
export function UpdateDisruptionForm({
  threatId,
  example,
  leadAgencies,
  disruption,
  save,
}: Common & {
  disruption: UpdateDisruptionInput;
  save: (input: UpdateDisruptionInput) => Promise<FormState<{ disruptionId: string; threatId: string }>>;
}) {
  const { form, onSubmit } = useServerForm({
    schema: updateDisruptionSchema,
    defaultValues: disruption,
    save: (input) => save({ ...input, disruptionId: disruption.disruptionId, lastUpdatedAt: disruption.lastUpdatedAt }),
    successHref: () => `/threats/${threatId}/disruptions?saved=updated`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <DisruptionFields example={example} leadAgencies={leadAgencies} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save disruption
          </Button>
          <Link className="govuk-link" href={`/threats/${threatId}/disruptions`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
