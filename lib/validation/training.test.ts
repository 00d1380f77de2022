import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyTrainingForm, recordTrainingSchema, TRAINING_KINDS, TRAINING_KIND_LABELS } from './training';

// The clock matters: "today" is London's. 1 July 2026 00:30 BST is still 30 June in UTC.
const NOW = new Date('2026-06-30T23:30:00Z');

const parts = (day: string, month: string, year: string) => ({ day, month, year });
const input = (fields: Record<string, unknown> = {}) => ({
  userId: 'u1',
  kind: 'LRO_COURSE',
  completedOn: parts('1', '7', '2026'),
  expiresOn: parts('', '', ''),
  note: '',
  ...fields,
});

function errors(fields: Record<string, unknown>): Record<string, string[]> {
  const result = recordTrainingSchema.safeParse(input(fields));
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('recordTrainingSchema', () => {
  it('accepts a course completed today in London, and gives ISO dates and a trimmed note', () => {
    expect(recordTrainingSchema.parse(input({ expiresOn: parts('1', '7', '2029'), note: ' Refresher ' }))).toEqual({
      userId: 'u1',
      kind: 'LRO_COURSE',
      completedOn: '2026-07-01',
      expiresOn: '2029-07-01',
      note: 'Refresher',
    });
  });

  it('takes no expiry as null, and a missing note as empty', () => {
    expect(recordTrainingSchema.parse({ userId: 'u1', kind: 'IMMERSIVE_LEARNING', completedOn: parts('3', '2', '2025') })).toMatchObject({ expiresOn: null, note: '' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ['no kind', { kind: undefined }, { kind: ['Select the kind of training'] }],
    ['no date completed', { completedOn: parts('', '', '') }, { completedOn: ['Enter the date completed'] }],
    ['tomorrow in London', { completedOn: parts('2', '7', '2026') }, { completedOn: ['Date completed must be today or in the past'] }],
    ['an expiry before completion', { completedOn: parts('1', '6', '2026'), expiresOn: parts('31', '5', '2026') }, { expiresOn: ['Expiry date must be after the date completed'] }],
    ['an expiry on the day', { completedOn: parts('1', '6', '2026'), expiresOn: parts('1', '6', '2026') }, { expiresOn: ['Expiry date must be after the date completed'] }],
    ['an expiry that is not a real date', { expiresOn: parts('31', '9', '2027') }, { expiresOn: ['Expiry date must be a real date'] }],
    ['other training with no note', { kind: 'OTHER' }, { note: ['Enter a note saying what the training was'] }],
    ['a note of 2001 characters', { note: 'n'.repeat(2001) }, { note: ['Note must be 2000 characters or fewer'] }],
    ['an unknown field', { recordedById: 'me' }, { '': [expect.stringMatching(/recordedById/) as unknown as string] }],
  ])('%s', (_, fields, expected) => {
    expect(errors(fields)).toEqual(expected);
  });

  it('allows other training with a note, and an expiry the day after completion', () => {
    expect(errors({ kind: 'OTHER', note: 'Covert tactics awareness' })).toEqual({});
    expect(errors({ completedOn: parts('1', '6', '2026'), expiresOn: parts('2', '6', '2026') })).toEqual({});
  });
});

describe('labels and the empty form', () => {
  it('names every kind', () => {
    expect(TRAINING_KINDS.map((kind) => TRAINING_KIND_LABELS[kind])).toEqual(['LRO course', 'Immersive learning', 'SOC tactical adviser input', 'Other training']);
  });

  it('starts empty for the person', () => {
    expect(emptyTrainingForm('u9')).toEqual({ userId: 'u9', kind: undefined, completedOn: parts('', '', ''), expiresOn: parts('', '', ''), note: '' });
  });
});
