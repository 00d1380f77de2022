'use client';

import { DateInput } from '@/components/forms/date-input';
import { Radios } from '@/components/forms/radios';
import { Select, type SelectOption } from '@/components/forms/select';
import { TextInput } from '@/components/forms/text-input';
import { Textarea } from '@/components/forms/textarea';
import { ORDER_KINDS, ORDER_KIND_LABELS } from '@/lib/domain/vocabulary';

/** The choices an order's form offers, as plain objects from the page. */
export type OrderFieldOptions = {
  /** The user's organisation and those below it. */
  organisations: SelectOption[];
  /** Officers who may manage an order (the user's force or ROCU tree). */
  officers: SelectOption[];
  /** e.g. 'For example, 27 3 2025': a date a little before today, worked out by the page. */
  pastDateHint: string;
};

/**
 * The fields of an ancillary order, shared by the add and change forms: what it is and who it is
 * against, the threat it relates to, who holds it, its dates and conditions, and who manages it.
 */
export function OrderFields({ organisations, officers, pastDateHint }: OrderFieldOptions) {
  return (
    <>
      <Radios name="kind" legend="Kind of order" legendClassName="govuk-fieldset__legend--m" items={ORDER_KINDS.map((k) => ({ value: k, text: ORDER_KIND_LABELS[k] }))} />
      <TextInput
        name="subjectName"
        label="Subject"
        labelClassName="govuk-label--m"
        hint="The person the order is against, or for a closure order the premises"
        className="govuk-!-width-two-thirds"
        autoComplete="off"
        spellCheck={false}
      />
      <TextInput
        name="threatUrn"
        label="Linked threat URN (optional)"
        labelClassName="govuk-label--m"
        hint="The URN of the threat the order relates to, for example WYP-OCG-0112. Leave blank if the threat is not on Quadrant."
        className="govuk-input--width-20"
        autoComplete="off"
        spellCheck={false}
      />
      <Select
        name="organisationId"
        label="Organisation responsible"
        labelClassName="govuk-label--m"
        hint="Its managers and co-ordinators keep the order up to date"
        placeholder="Choose an organisation"
        options={organisations}
      />
      <DateInput name="madeOn" legend="Date the order was made" legendClassName="govuk-fieldset__legend--m" hint={pastDateHint} />
      <DateInput name="startsOn" legend="Start date" legendClassName="govuk-fieldset__legend--m" hint="The day the order comes into force, for example on release from prison" />
      <DateInput name="expiresOn" legend="Expiry date (optional)" legendClassName="govuk-fieldset__legend--m" hint="Leave blank if the order has no fixed end" />
      <Textarea name="conditions" label="Conditions (optional)" labelClassName="govuk-label--m" hint="The prohibitions and requirements the order imposes" rows={5} />
      <TextInput name="managingTeam" label="Managing team (optional)" labelClassName="govuk-label--m" hint="For example, Integrated Offender Management" className="govuk-!-width-two-thirds" autoComplete="off" />
      <Select
        name="managingOfficerId"
        label="Managing officer (optional)"
        labelClassName="govuk-label--m"
        hint="The officer who checks the subject keeps to the order. They see it in their work and may record checks."
        placeholder="No officer named yet"
        options={officers}
        className="govuk-!-width-full"
      />
    </>
  );
}
