import { describe, expect, it } from 'vitest';
import { acknowledgeHandoverSchema, assignLroFormSchema, assignLroSchema, HANDOVER_NOTE_MESSAGE, isHandover, NO_OFFICER, SAME_OFFICER_MESSAGE } from './assignment';

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

describe('isHandover: replacing one LRO with another', () => {
  it.each([
    ['u1 -> u2', 'u1', 'u2', true],
    ['u1 -> u1 (kept)', 'u1', 'u1', false],
    ['none -> u1 (first appointment)', null, 'u1', false],
    ['u1 -> No LRO (removed)', 'u1', NO_OFFICER, false],
    ['u1 -> nothing chosen', 'u1', '', false],
    ['u1 -> " u2 " (trimmed as the schema does)', 'u1', ' u2 ', true],
  ] as const)('%s -> %s', (_case, current, wanted, expected) => {
    expect(isHandover(current, wanted)).toBe(expected);
  });
});

describe('assignLroFormSchema (the form, which knows the LRO it was opened with)', () => {
  const formMessages = (current: string | null, input: Record<string, unknown>) => {
    const result = assignLroFormSchema(current).safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it.each([
    ['a new LRO without a note', 'u0', base, { handoverNote: HANDOVER_NOTE_MESSAGE }],
    ['a new LRO with a note of spaces only', 'u0', { ...base, handoverNote: '   ' }, { handoverNote: HANDOVER_NOTE_MESSAGE }],
    ['a new LRO with a note', 'u0', { ...base, handoverNote: 'Briefed' }, {}],
    ['the same LRO, no note', 'u1', base, {}],
    ['a first LRO, no note', null, base, {}],
    ['the LRO removed, no note', 'u0', { ...base, leadResponsibleOfficerId: NO_OFFICER }, {}],
    ['a new LRO, no note, and the same person as deputy', 'u0', { ...base, deputyId: 'u1' }, { handoverNote: HANDOVER_NOTE_MESSAGE, deputyId: SAME_OFFICER_MESSAGE }],
  ])('%s', (_case, current, input, expected) => {
    expect(formMessages(current, input)).toEqual(expected);
  });
});

describe('acknowledgeHandoverSchema', () => {
  it('takes an assignment id and nothing else', () => {
    expect(acknowledgeHandoverSchema.parse({ assignmentId: ' a1 ' })).toEqual({ assignmentId: 'a1' });
    expect(acknowledgeHandoverSchema.safeParse({}).success).toBe(false);
    expect(acknowledgeHandoverSchema.safeParse({ assignmentId: '' }).success).toBe(false);
    expect(acknowledgeHandoverSchema.safeParse({ assignmentId: 'a1', userId: 'u1' }).success).toBe(false);
  });
});
