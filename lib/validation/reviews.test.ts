import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordReviewSchema } from './reviews';

const base = {
  planId: 'p1',
  version: 3,
  seenAt: '2026-03-20T09:00:00.000Z',
  outcome: 'CHANGES_REQUIRED',
  comments: 'Add a Prevent action for the younger members',
  nextReviewDue: { day: '17', month: '4', year: '2026' },
};

const messages = (input: Record<string, unknown>) => {
  const result = recordReviewSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('recordReviewSchema (the form and the action share it)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // 11pm on 20 March 2026 in London (GMT).
    vi.setSystemTime(new Date('2026-03-20T23:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('accepts a complete review and gives the next review date as an ISO date', () => {
    expect(recordReviewSchema.parse(base)).toEqual({ ...base, nextReviewDue: '2026-04-17' });
    expect(recordReviewSchema.parse({ ...base, version: '3', comments: '  Fine  ' })).toMatchObject({ version: 3, comments: 'Fine' });
  });

  it.each([
    ['no outcome', { outcome: undefined }, { outcome: 'Select an outcome' }],
    ['an unknown outcome', { outcome: 'FINE' }, { outcome: 'Select an outcome' }],
    ['no comments', { comments: undefined }, { comments: 'Enter your comments' }],
    ['blank comments', { comments: '   ' }, { comments: 'Enter your comments' }],
    ['comments of 5001 characters', { comments: 'x'.repeat(5001) }, { comments: 'Comments must be 5000 characters or fewer' }],
    ['no next review date', { nextReviewDue: { day: '', month: '', year: '' } }, { nextReviewDue: 'Enter the next review date' }],
    ['a next review date without a month', { nextReviewDue: { day: '1', month: '', year: '2026' } }, { 'nextReviewDue.month': 'Next review date must include a month' }],
    ['a next review date that is not real', { nextReviewDue: { day: '31', month: '4', year: '2026' } }, { nextReviewDue: 'Next review date must be a real date' }],
    ['a next review date of today', { nextReviewDue: { day: '20', month: '3', year: '2026' } }, { nextReviewDue: 'Next review date must be in the future' }],
    ['a next review date in the past', { nextReviewDue: { day: '1', month: '1', year: '2026' } }, { nextReviewDue: 'Next review date must be in the future' }],
    ['a next review date of tomorrow', { nextReviewDue: { day: '21', month: '3', year: '2026' } }, {}],
  ])('%s', (_case, overrides, expected) => {
    expect(messages({ ...base, ...overrides })).toEqual(expected);
  });

  it('refuses fields it does not know', () => {
    expect(recordReviewSchema.safeParse({ ...base, reviewerId: 'u1' }).success).toBe(false);
  });
});
