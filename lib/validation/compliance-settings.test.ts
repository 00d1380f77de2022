import { describe, expect, it } from 'vitest';
import { CASELOAD_ORDER_MESSAGE, SETTING_BOUNDS, SETTING_FIELDS, updateComplianceSettingsSchema } from './compliance-settings';
import { SETTING_KEYS } from '@/lib/domain/settings';

const base = { organisationId: 'org1', version: '0' };

function parse(fields: Record<string, unknown>) {
  return updateComplianceSettingsSchema.safeParse({ ...base, ...fields });
}

function messages(fields: Record<string, unknown>): Record<string, string[]> {
  const result = parse(fields);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.') || '_form'] ??= []).push(issue.message);
  return out;
}

describe('updateComplianceSettingsSchema', () => {
  it('has a field, with a kind, for every threshold', () => {
    expect(Object.keys(SETTING_FIELDS).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('labels the fields other journeys look for', () => {
    expect(SETTING_FIELDS.actionStaleDays.label).toBe('Days before an open action is stale');
    for (const tier of [1, 2, 3, 4, 5] as const) expect(SETTING_FIELDS[`reviewCadenceTier${tier}Days`].label).toBe(`Review cadence for tier ${tier} (days)`);
  });

  it('reads empty and absent values as "inherit" (null)', () => {
    const result = parse({ actionStaleDays: '', noLroDays: '   ' });
    expect(result.success).toBe(true);
    for (const key of SETTING_KEYS) expect(result.data![key]).toBeNull();
    expect(result.data!.version).toBe(0);
  });

  it('reads whole numbers, forgiving spaces and thousands separators', () => {
    const result = parse({ actionStaleDays: ' 20 ', orderCheckDays: '1,000', pursueOnlyPercent: '70' });
    expect(result.data).toMatchObject({ actionStaleDays: 20, orderCheckDays: 1000, pursueOnlyPercent: 70 });
  });

  it.each(['2.5', 'abc', '1e3', '20 days', '0x10'])('refuses %j as not a whole number', (text) => {
    expect(messages({ actionStaleDays: text })).toEqual({ actionStaleDays: ['Days before an open action is stale must be a whole number'] });
  });

  // Each kind at and beyond its bounds.
  const cases = (Object.keys(SETTING_BOUNDS) as (keyof typeof SETTING_BOUNDS)[]).map((kind) => {
    const key = SETTING_KEYS.find((k) => SETTING_FIELDS[k].kind === kind)!;
    return { kind, key, ...SETTING_BOUNDS[kind] };
  });

  it.each(cases)('accepts $kind ($key) from $min to $max', ({ key, min, max }) => {
    expect(parse({ [key]: String(min) }).data?.[key]).toBe(min);
    expect(parse({ [key]: String(max) }).data?.[key]).toBe(max);
  });

  it.each(cases)('refuses $kind ($key) below $min and above $max', ({ key, min, max }) => {
    const message = `${SETTING_FIELDS[key].name} must be between ${min} and ${max}`;
    expect(messages({ [key]: String(min - 1) })).toEqual({ [key]: [message] });
    expect(messages({ [key]: String(max + 1) })).toEqual({ [key]: [message] });
    expect(messages({ [key]: '-5' })).toEqual({ [key]: [message] });
  });

  it('gives the bounds of each kind', () => {
    expect(SETTING_BOUNDS).toEqual({ days: { min: 1, max: 3650 }, percent: { min: 1, max: 100 }, caseload: { min: 1, max: 50 }, months: { min: 1, max: 60 } });
    expect(messages({ actionStaleDays: '3651' })).toEqual({ actionStaleDays: ['Days before an open action is stale must be between 1 and 3650'] });
  });

  it('requires the alert caseload above the warning caseload when both are set', () => {
    expect(messages({ lroCaseloadWarning: '6', lroCaseloadAlert: '6' })).toEqual({ lroCaseloadAlert: [CASELOAD_ORDER_MESSAGE] });
    expect(messages({ lroCaseloadWarning: '6', lroCaseloadAlert: '5' })).toEqual({ lroCaseloadAlert: [CASELOAD_ORDER_MESSAGE] });
    expect(parse({ lroCaseloadWarning: '6', lroCaseloadAlert: '7' }).success).toBe(true);
    // One of the pair alone is for the service, which knows the inherited other.
    expect(parse({ lroCaseloadWarning: '9' }).success).toBe(true);
    expect(parse({ lroCaseloadAlert: '1' }).success).toBe(true);
  });

  it('shows the caseload order beside other problems, but not beside a problem with a caseload', () => {
    expect(messages({ actionStaleDays: 'x', lroCaseloadWarning: '6', lroCaseloadAlert: '5' })).toEqual({
      actionStaleDays: ['Days before an open action is stale must be a whole number'],
      lroCaseloadAlert: [CASELOAD_ORDER_MESSAGE],
    });
    expect(messages({ lroCaseloadWarning: '60', lroCaseloadAlert: '5' })).toEqual({ lroCaseloadWarning: ['Live threats for a warning must be between 1 and 50'] });
  });

  it('needs the organisation and a version, and refuses unknown fields', () => {
    expect(updateComplianceSettingsSchema.safeParse({ version: '0' }).success).toBe(false);
    expect(updateComplianceSettingsSchema.safeParse({ organisationId: 'org1' }).success).toBe(false);
    expect(parse({ version: '-1' }).success).toBe(false);
    expect(parse({ version: '1.5' }).success).toBe(false);
    expect(parse({ staleDays: '20' }).success).toBe(false);
    expect(updateComplianceSettingsSchema.safeParse(null).success).toBe(false);
  });

  it('takes thresholds only as text, as a form sends them', () => {
    expect(messages({ actionStaleDays: 20 })).toEqual({ actionStaleDays: ['Days before an open action is stale must be a whole number'] });
  });
});
