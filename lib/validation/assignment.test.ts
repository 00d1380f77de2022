import { describe, expect, it } from 'vitest';
import { assignLroSchema, NO_OFFICER, SAME_OFFICER_MESSAGE } from './assignment';

const base = { threatId: 't1', version: 1, leadResponsibleOfficerId: 'u1', deputyId: NO_OFFICER };
const messages = (input: Record<string, unknown>) => {
  const result = assignLroSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('assignLroSchema (the form and the action share it)', () => {
  it.each([
    ['an LRO and no deputy', base, {}],
    ['no LRO and no deputy', { ...base, leadResponsibleOfficerId: NO_OFFICER }, {}],
    ['the same person twice', { ...base, deputyId: 'u1' }, { deputyId: SAME_OFFICER_MESSAGE }],
    ['nothing chosen', { ...base, leadResponsibleOfficerId: '', deputyId: '' }, { leadResponsibleOfficerId: 'Select the LRO, or No LRO', deputyId: 'Select the deputy, or No deputy' }],
    ['a note of 1000 characters', { ...base, handoverNote: 'x'.repeat(1000) }, {}],
    ['a note of 1001 characters', { ...base, handoverNote: 'x'.repeat(1001) }, { handoverNote: 'Handover note must be 1000 characters or fewer' }],
  ])('%s', (_case, input, expected) => {
    expect(messages(input)).toEqual(expected);
  });

  it('reads confirmWarnings from a boolean or a form post, and defaults to false', () => {
    expect(assignLroSchema.parse(base).confirmWarnings).toBe(false);
    expect(assignLroSchema.parse({ ...base, confirmWarnings: true }).confirmWarnings).toBe(true);
    expect(assignLroSchema.parse({ ...base, confirmWarnings: 'true' }).confirmWarnings).toBe(true);
    expect(assignLroSchema.parse({ ...base, confirmWarnings: 'false' }).confirmWarnings).toBe(false);
  });

  it('refuses fields it does not know', () => {
    expect(assignLroSchema.safeParse({ ...base, organisationId: 'x' }).success).toBe(false);
  });
});
