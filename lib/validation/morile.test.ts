import { describe, expect, it } from 'vitest';
import { moderateAssessmentSchema, recordAssessmentSchema } from './morile';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';

const parts = (key: string) => {
  const [year, month, day] = key.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const today = () => londonDateKey(new Date());
const valid = { threatId: 't1', assessedOn: parts(today()), harm: '4', likelihood: '5', confidence: 'HIGH', priority: 'HIGH', tier: '1', notes: '  Seen  ' };

const messages = (input: unknown) => {
  const result = recordAssessmentSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('recordAssessmentSchema', () => {
  it('parses what the form sends into numbers and a date key', () => {
    expect(recordAssessmentSchema.parse(valid)).toEqual({ threatId: 't1', assessedOn: today(), harm: 4, likelihood: 5, confidence: 'HIGH', priority: 'HIGH', tier: 1, notes: 'Seen' });
  });

  it('notes are optional', () => {
    const { notes: _notes, ...rest } = valid;
    expect(recordAssessmentSchema.parse(rest).notes).toBe('');
  });

  it('an empty form: a GOV.UK message for every field', () => {
    expect(messages({ threatId: 't1', assessedOn: { day: '', month: '', year: '' }, harm: '', likelihood: '', notes: '' })).toEqual({
      assessedOn: 'Enter the date assessed',
      harm: 'Enter the harm score',
      likelihood: 'Enter the likelihood score',
      confidence: 'Select the confidence in the assessment',
      priority: 'Select the priority',
      tier: 'Select the tier',
    });
  });

  it.each([
    [{ harm: '0' }, 'harm', 'Harm score must be between 1 and 5'],
    [{ likelihood: '5.0' }, 'likelihood', 'Likelihood score must be a whole number'],
    [{ tier: '0' }, 'tier', 'Select the tier'],
    [{ assessedOn: parts(addCalendarDays(today(), 1)) }, 'assessedOn', 'Date assessed must be today or in the past'],
    [{ assessedOn: { day: '3', month: '', year: '2026' } }, 'assessedOn.month', 'Date assessed must include a month'],
  ])('%j -> %s: %s', (overrides, path, message) => {
    expect(messages({ ...valid, ...overrides })[path]).toBe(message);
  });

  it('is strict', () => {
    expect(recordAssessmentSchema.safeParse({ ...valid, riskScore: '25' }).success).toBe(false);
  });
});

describe('moderateAssessmentSchema', () => {
  it('takes the assessment and the threat version seen, and nothing else', () => {
    expect(moderateAssessmentSchema.parse({ assessmentId: 'a1', threatVersion: '3' })).toEqual({ assessmentId: 'a1', threatVersion: 3 });
    expect(moderateAssessmentSchema.safeParse({ assessmentId: 'a1', threatVersion: '0' }).success).toBe(false);
    expect(moderateAssessmentSchema.safeParse({ assessmentId: 'a1', threatVersion: 1, tier: 2 }).success).toBe(false);
  });
});
