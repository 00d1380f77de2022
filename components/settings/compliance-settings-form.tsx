'use client';

import Link from 'next/link';
import { FormProvider } from 'react-hook-form';
import { useServerForm } from '@/components/forms/use-server-form';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { Fieldset } from '@/components/forms/fieldset';
import { TextInput } from '@/components/forms/text-input';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';
import { SETTING_FIELDS, updateComplianceSettingsSchema, type SettingKey, type UpdateComplianceSettingsInput } from '@/lib/validation/compliance-settings';

/** The thresholds in groups, as the form shows them. */
export const SETTING_GROUPS: { legend: string; keys: SettingKey[] }[] = [
  {
    legend: 'Plans and reviews',
    keys: ['reviewCadenceTier1Days', 'reviewCadenceTier2Days', 'reviewCadenceTier3Days', 'reviewCadenceTier4Days', 'reviewCadenceTier5Days', 'pursueOnlyPercent'],
  },
  { legend: 'Actions', keys: ['actionStaleDays'] },
  { legend: 'Threats', keys: ['noLroDays', 'noPlanDays'] },
  { legend: 'Partners', keys: ['partnerEngagementDays'] },
  { legend: 'Disruptions and demand', keys: ['apmisRecordingDays', 'possibleUnmetDemandDays', 'nationalPursuePercent'] },
  { legend: 'LROs', keys: ['lroCaseloadWarning', 'lroCaseloadAlert'] },
  { legend: 'MoRiLE', keys: ['morileOverdueMonths', 'morileUnmoderatedDays'] },
  { legend: 'Orders', keys: ['orderCheckDays', 'orderExpiryWarningDays'] },
];

export type ComplianceSettingsFormProps = {
  organisationId: string;
  /** The settings row's version when the page was opened (0: the organisation has no row yet). */
  version: number;
  /** The organisation's own values as text ('' where it inherits). */
  values: Record<SettingKey, string>;
  /** Per threshold, what applies when it is left empty, and whether it is set here. */
  hints: Record<SettingKey, string>;
  save: (input: UpdateComplianceSettingsInput) => Promise<FormState<{ version: number }>>;
};

/** One input per threshold: empty inherits the parent's value (or Quadrant's default). */
export function ComplianceSettingsForm({ organisationId, version, values, hints, save }: ComplianceSettingsFormProps) {
  const { form, onSubmit } = useServerForm({
    schema: updateComplianceSettingsSchema,
    defaultValues: { organisationId, version, ...values },
    save,
    successHref: () => `/settings/${organisationId}?saved=1`,
  });

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <form noValidate onSubmit={onSubmit}>
        {SETTING_GROUPS.map((group) => (
          <Fieldset key={group.legend} legend={group.legend} legendClassName="govuk-fieldset__legend--m">
            {group.keys.map((key) => (
              <TextInput
                key={key}
                name={key}
                label={SETTING_FIELDS[key].label}
                hint={hints[key]}
                inputMode="numeric"
                spellCheck={false}
                autoComplete="off"
                className="govuk-input--width-5"
              />
            ))}
          </Fieldset>
        ))}
        <div className="govuk-button-group">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save settings
          </Button>
          <Link className="govuk-link" href="/settings">
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
