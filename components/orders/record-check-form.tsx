'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/forms/date-input';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Textarea } from '@/components/forms/textarea';
import { useServerForm } from '@/components/forms/use-server-form';
import { COMPLIANCE_CHECK_RESULTS, COMPLIANCE_CHECK_RESULT_LABELS, type ComplianceCheckResult } from '@/lib/domain/orders';
import { toDateParts } from '@/lib/validation/date-parts';
import type { FormState } from '@/lib/validation/form-state';
import { recordComplianceCheckSchema, type RecordComplianceCheckInput } from '@/lib/validation/orders';

const RESULT_HINTS: Record<ComplianceCheckResult, string> = {
  COMPLIANT: 'The subject was keeping to every condition checked',
  BREACH: 'A condition was breached: say what, and what was done about it',
  UNABLE_TO_CHECK: 'The check could not be made, for example no reply at the notified address',
};

export type RecordCheckFormProps = {
  orderId: string;
  /** Today in London (yyyy-mm-dd): the date the form starts with. */
  today: string;
  save: (input: RecordComplianceCheckInput) => Promise<FormState<unknown>>;
};

/** Recording a compliance check of an order, validated in the browser and again by the action. */
export function RecordCheckForm({ orderId, today, save }: RecordCheckFormProps) {
  const { form, onSubmit } = useServerForm({
    schema: recordComplianceCheckSchema,
    defaultValues: { orderId, checkedOn: toDateParts(today), note: '' },
    save,
    successHref: () => `/orders/${orderId}?saved=check`,
  });
  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <DateInput name="checkedOn" legend="Date of the check" legendClassName="govuk-fieldset__legend--m" hint="Today, or the day the check was made" />
        <Radios
          name="result"
          legend="Result"
          legendClassName="govuk-fieldset__legend--m"
          items={COMPLIANCE_CHECK_RESULTS.map((result) => ({ value: result, text: COMPLIANCE_CHECK_RESULT_LABELS[result], hint: RESULT_HINTS[result] }))}
        />
        <Textarea name="note" label="Note" labelClassName="govuk-label--m" hint="What was checked and found. Required for a breach." rows={5} />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Record check
          </Button>
          <Link className="govuk-link" href={`/orders/${orderId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
