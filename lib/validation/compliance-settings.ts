import { z } from 'zod';
import { SETTING_KEYS } from '@/lib/domain/settings';

// The compliance settings form: shared by the browser (react-hook-form's resolver) and the server
// action (lib/services/compliance-settings.ts). Each threshold comes from a number input as text:
// empty means "use the parent's value", otherwise a whole number within the bounds of its kind.

export type SettingKey = (typeof SETTING_KEYS)[number];

/** What a threshold counts, and so how large it may sensibly be. */
export const SETTING_BOUNDS = {
  days: { min: 1, max: 3650 },
  percent: { min: 1, max: 100 },
  caseload: { min: 1, max: 50 },
  months: { min: 1, max: 60 },
} as const;
export type SettingKind = keyof typeof SETTING_BOUNDS;

export type SettingField = {
  kind: SettingKind;
  /** The field's label on the settings page. */
  label: string;
  /** How error messages name the field (the label without its unit). */
  name: string;
};

export const SETTING_FIELDS: Record<SettingKey, SettingField> = {
  noLroDays: { kind: 'days', label: 'Days after mapping to appoint an LRO', name: 'Days after mapping to appoint an LRO' },
  noPlanDays: { kind: 'days', label: 'Days after mapping to have an active 4P plan', name: 'Days after mapping to have an active 4P plan' },
  reviewCadenceTier1Days: { kind: 'days', label: 'Review cadence for tier 1 (days)', name: 'Review cadence for tier 1' },
  reviewCadenceTier2Days: { kind: 'days', label: 'Review cadence for tier 2 (days)', name: 'Review cadence for tier 2' },
  reviewCadenceTier3Days: { kind: 'days', label: 'Review cadence for tier 3 (days)', name: 'Review cadence for tier 3' },
  reviewCadenceTier4Days: { kind: 'days', label: 'Review cadence for tier 4 (days)', name: 'Review cadence for tier 4' },
  reviewCadenceTier5Days: { kind: 'days', label: 'Review cadence for tier 5 (days)', name: 'Review cadence for tier 5' },
  actionStaleDays: { kind: 'days', label: 'Days before an open action is stale', name: 'Days before an open action is stale' },
  pursueOnlyPercent: {
    kind: 'percent',
    label: 'Share of open actions in Pursue above which a plan is unbalanced (%)',
    name: 'Share of open actions in Pursue',
  },
  partnerEngagementDays: { kind: 'days', label: 'Days within which a partner engagement must be recorded', name: 'Days within which a partner engagement must be recorded' },
  apmisRecordingDays: { kind: 'days', label: 'Days to record a disruption on APMIS', name: 'Days to record a disruption on APMIS' },
  possibleUnmetDemandDays: {
    kind: 'days',
    label: 'Days with no disruption and no completed action before possible unmet demand',
    name: 'Days with no disruption and no completed action',
  },
  nationalPursuePercent: { kind: 'percent', label: 'National share of disruptions in Pursue (%)', name: 'National share of disruptions in Pursue' },
  lroCaseloadWarning: { kind: 'caseload', label: 'Live threats held by one LRO that raise a warning', name: 'Live threats for a warning' },
  lroCaseloadAlert: { kind: 'caseload', label: 'Live threats held by one LRO that raise an alert', name: 'Live threats for an alert' },
  morileOverdueMonths: { kind: 'months', label: 'Months without a MoRiLE assessment before it is overdue', name: 'Months without a MoRiLE assessment' },
  morileUnmoderatedDays: { kind: 'days', label: 'Days a MoRiLE assessment may wait for moderation', name: 'Days a MoRiLE assessment may wait for moderation' },
  orderCheckDays: { kind: 'days', label: 'Days between compliance checks of an ancillary order', name: 'Days between compliance checks' },
  orderExpiryWarningDays: { kind: 'days', label: 'Days before an order expires to warn', name: 'Days before an order expires to warn' },
};

/** The message when the alert level is not above the warning level (both in force). */
export const CASELOAD_ORDER_MESSAGE = 'Live threats for an alert must be more than live threats for a warning';

/**
 * One threshold: text from the form, trimmed; empty (or absent) is null, "inherit". Thousands
 * separators and spaces are forgiven ("1,000"), as GOV.UK advises for numbers.
 */
function settingSchema(key: SettingKey) {
  const { name, kind } = SETTING_FIELDS[key];
  const { min, max } = SETTING_BOUNDS[kind];
  const notWhole = `${name} must be a whole number`;
  return z
    .string({ error: notWhole })
    .trim()
    .optional()
    .transform((text, ctx): number | null => {
      if (text === undefined || text === '') return null;
      const compact = text.replace(/[\s,]/g, '');
      if (!/^-?\d+$/.test(compact)) {
        ctx.addIssue({ code: 'custom', message: notWhole });
        return z.NEVER;
      }
      const value = Number(compact);
      if (value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be between ${min} and ${max}` });
        return z.NEVER;
      }
      return value;
    });
}

const settingsShape = Object.fromEntries(SETTING_KEYS.map((key) => [key, settingSchema(key)])) as { [K in SettingKey]: ReturnType<typeof settingSchema> };

/**
 * The settings of one organisation. `version` is the settings row's version as the editor saw it
 * (0 when the organisation had no row yet): a save from an older version is refused. The alert
 * caseload must be above the warning caseload when the form sets both; the service checks the
 * pair in force, which may be inherited.
 */
export const updateComplianceSettingsSchema = z
  .object({
    organisationId: z.string().min(1),
    version: z.coerce.number().int().min(0),
    ...settingsShape,
  })
  .strict()
  .refine((value) => value.lroCaseloadWarning === null || value.lroCaseloadAlert === null || value.lroCaseloadAlert > value.lroCaseloadWarning, {
    path: ['lroCaseloadAlert'],
    message: CASELOAD_ORDER_MESSAGE,
    // Checked even when other fields have problems, so that every message shows at once; only
    // a problem with either caseload itself skips it.
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      payload.issues.every((issue) => {
        const field = issue.path?.[0];
        return field !== undefined && field !== 'lroCaseloadWarning' && field !== 'lroCaseloadAlert';
      }),
  });
export type UpdateComplianceSettingsInput = z.input<typeof updateComplianceSettingsSchema>;
export type UpdateComplianceSettingsValues = z.output<typeof updateComplianceSettingsSchema>;
