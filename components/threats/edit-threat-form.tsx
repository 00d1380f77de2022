'use client';

import Link from 'next/link';
import { FormProvider, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { useServerForm } from '@/components/forms/use-server-form';
import { Checkboxes } from '@/components/forms/checkboxes';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Radios } from '@/components/forms/radios';
import { Select } from '@/components/forms/select';
import { TextInput } from '@/components/forms/text-input';
import { Textarea } from '@/components/forms/textarea';
import { THREAT_AREAS, THREAT_AREA_LABELS, THREAT_STATUSES, THREAT_STATUS_LABELS, THREAT_TYPES, THREAT_TYPE_LABELS, TIERS } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';
import { updateThreatSchema, type UpdateThreatInput } from '@/lib/validation/threat';

export type EditThreatFormProps = {
  /** The threat as it was when the page was opened: its version guards against lost updates. */
  threat: UpdateThreatInput;
  save: (input: UpdateThreatInput) => Promise<FormState<{ version: number }>>;
};

/** Editing a threat's master-list details, validated in the browser and again by the action. */
export function EditThreatForm({ threat, save }: EditThreatFormProps) {
  // Everything typed stays in the form when the save is refused; the summary says what went wrong
  // (including who changed the threat first, when two people edit at once).
  const { form, onSubmit } = useServerForm({
    schema: updateThreatSchema,
    defaultValues: { ...threat, tier: String(threat.tier), archivedReason: threat.archivedReason ?? '', lookOutFor: threat.lookOutFor ?? '' },
    save,
    successHref: () => `/threats/${threat.threatId}?saved=details`,
  });
  const status = useWatch({ control: form.control, name: 'status' });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        <TextInput name="name" label="Threat name" className="govuk-!-width-two-thirds" autoComplete="off" spellCheck={false} />
        <Radios name="type" legend="Type" legendClassName="govuk-fieldset__legend--s" items={THREAT_TYPES.map((t) => ({ value: t, text: THREAT_TYPE_LABELS[t] }))} />
        <Select name="tier" label="Tier" labelClassName="govuk-label--s" hint="Tier 1 is the highest threat" options={TIERS.map((t) => ({ value: String(t), text: `Tier ${t}` }))} />
        <Checkboxes
          name="areas"
          legend="Threat areas"
          legendClassName="govuk-fieldset__legend--s"
          hint="Select all that apply"
          small
          items={THREAT_AREAS.map((a) => ({ value: a, text: THREAT_AREA_LABELS[a] }))}
        />
        <Textarea
          name="lookOutFor"
          label="What frontline officers should look out for"
          labelClassName="govuk-label--s"
          hint="Shown on the threat's frontline briefing to officers who can sign in: vehicles, places, behaviours and signs to report. Do not include intelligence or its sources."
          rows={5}
        />
        <Radios
          name="status"
          legend="Status"
          legendClassName="govuk-fieldset__legend--s"
          items={THREAT_STATUSES.map((s) => ({
            value: s,
            text: THREAT_STATUS_LABELS[s],
            conditional: s === 'ARCHIVED' && status === 'ARCHIVED' ? <Textarea name="archivedReason" label="Reason for archiving" rows={3} /> : undefined,
          }))}
        />
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save threat details
          </Button>
          <Link className="govuk-link" href={`/threats/${threat.threatId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
