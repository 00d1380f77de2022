import { describe, expect, it } from 'vitest';
import { recordDisruptionSchema, updateDisruptionSchema } from './disruptions';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';

const parts = (key: string) => {
  const [year, month, day] = key.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const today = () => londonDateKey(new Date());
const valid = {
  threatId: 't1',
  disruptedOn: parts(today()),
  strand: 'PURSUE',
  category: 'MAJOR',
  role: 'LEAD',
  leadAgencyId: 'org1',
  description: '  Warrant executed  ',
  apmisReference: ' apm-2026/0042 ',
};

const messages = (input: unknown) => {
  const result = recordDisruptionSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('recordDisruptionSchema', () => {
  it('parses what the form sends: a date key, trimmed text, the APMIS reference upper-cased', () => {
    expect(recordDisruptionSchema.parse(valid)).toEqual({
      threatId: 't1',
      disruptedOn: today(),
      strand: 'PURSUE',
      category: 'MAJOR',
      role: 'LEAD',
      leadAgencyId: 'org1',
      description: 'Warrant executed',
      apmisReference: 'APM-2026/0042',
    });
  });

  it('the APMIS reference is optional', () => {
    const { apmisReference: _a, ...rest } = valid;
    expect(recordDisruptionSchema.parse(rest).apmisReference).toBe('');
    expect(recordDisruptionSchema.parse({ ...valid, apmisReference: '   ' }).apmisReference).toBe('');
  });

  it('an empty form: a GOV.UK message for every field', () => {
    expect(messages({ threatId: 't1', disruptedOn: { day: '', month: '', year: '' }, leadAgencyId: '', description: '' })).toEqual({
      disruptedOn: 'Enter the date of the disruption',
      strand: 'Select the strand',
      category: 'Select the category',
      role: 'Select whether the disruption was led or supported',
      leadAgencyId: 'Select the lead agency',
      description: 'Enter a description of the disruption',
    });
  });

  it('refuses a date in the future, and accepts one in the past', () => {
    expect(messages({ ...valid, disruptedOn: parts(addCalendarDays(today(), 1)) })).toEqual({ disruptedOn: 'Date of the disruption must be today or in the past' });
    expect(messages({ ...valid, disruptedOn: parts(addCalendarDays(today(), -30)) })).toEqual({});
  });

  it.each([
    ['APM 2026', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
    ['APM--1', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
    ['-APM1', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
    ['=HYPERLINK(1)', 'APMIS reference must only include letters, numbers, hyphens and slashes'],
    ['A'.repeat(41), 'APMIS reference must be 40 characters or fewer'],
  ])('refuses the APMIS reference %j', (apmisReference, message) => {
    expect(messages({ ...valid, apmisReference })).toEqual({ apmisReference: message });
  });

  it('refuses an unknown category or strand, a long description and fields it does not know', () => {
    expect(messages({ ...valid, category: 'HUGE', strand: 'PERSUADE' })).toEqual({ category: 'Select the category', strand: 'Select the strand' });
    expect(messages({ ...valid, description: 'x'.repeat(2001) })).toEqual({ description: 'Description must be 2000 characters or fewer' });
    expect(recordDisruptionSchema.safeParse({ ...valid, reference: 'MINE' }).success).toBe(false);
  });
});

describe('updateDisruptionSchema', () => {
  it('needs the disruption and the time of its last change as the editor saw it', () => {
    const { threatId: _t, ...fields } = valid;
    expect(updateDisruptionSchema.safeParse({ ...fields, disruptionId: 'd1', lastUpdatedAt: '2026-01-01T00:00:00.000Z' }).success).toBe(true);
    expect(updateDisruptionSchema.safeParse({ ...fields, disruptionId: 'd1' }).success).toBe(false);
    expect(updateDisruptionSchema.safeParse({ ...valid, disruptionId: 'd1', lastUpdatedAt: 'x' }).success).toBe(false);
  });
});
