import { describe, expect, it } from 'vitest';
import { datesAgainstRaised, recordUnmetDemandSchema, updateUnmetDemandSchema } from './unmet-demand';
import { addCalendarDays, londonDateKey } from '@/lib/domain/dates';

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const empty = { day: '', month: '', year: '' };
const today = londonDateKey(new Date());
const base = {
  threatId: 't1',
  shortfall: 'CAPACITY',
  capabilityNeeded: 'ANALYSIS',
  description: 'Short of analysts',
  raisedOn: parts(addCalendarDays(today, -3)),
  escalatedTo: '',
  escalatedOn: empty,
  resolvedOn: empty,
  apmisRecorded: 'no',
};
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('recordUnmetDemandSchema', () => {
  it('accepts a shortfall with optional fields empty, as keys and null', () => {
    const result = recordUnmetDemandSchema.parse(base);
    expect(result).toMatchObject({ raisedOn: addCalendarDays(today, -3), escalatedOn: null, resolvedOn: null, escalatedTo: '' });
  });

  it('accepts today as raised and resolved on the day raised', () => {
    expect(recordUnmetDemandSchema.safeParse({ ...base, raisedOn: parts(today), resolvedOn: parts(today) }).success).toBe(true);
  });

  it('refuses a raised date in the future', () => {
    expect(messages(recordUnmetDemandSchema.safeParse({ ...base, raisedOn: parts(addCalendarDays(today, 1)) }))).toEqual({ raisedOn: 'Date raised must be today or in the past' });
  });

  it('refuses resolved or escalated before raised', () => {
    const result = recordUnmetDemandSchema.safeParse({ ...base, escalatedTo: 'ROCU', escalatedOn: parts(addCalendarDays(today, -4)), resolvedOn: parts(addCalendarDays(today, -4)) });
    expect(messages(result)).toEqual({
      escalatedOn: 'Date escalated must be the same as or after the date raised',
      resolvedOn: 'Date resolved must be the same as or after the date raised',
    });
  });

  it('requires "escalated to" with an escalation date, not the other way round', () => {
    expect(messages(recordUnmetDemandSchema.safeParse({ ...base, escalatedOn: parts(today) }))).toEqual({ escalatedTo: 'Enter who the unmet demand was escalated to' });
    expect(recordUnmetDemandSchema.safeParse({ ...base, escalatedTo: 'NCA' }).success).toBe(true);
  });

  it('is strict', () => {
    expect(recordUnmetDemandSchema.safeParse({ ...base, recordedById: 'u1' }).success).toBe(false);
  });
});

describe('updateUnmetDemandSchema', () => {
  const seen = { createdAt: new Date().toISOString(), escalatedTo: null, escalatedOn: null, resolvedOn: null, apmisRecorded: false };
  it('needs what the page showed', () => {
    expect(updateUnmetDemandSchema.safeParse({ unmetDemandId: 'u1', seen, escalatedTo: '', escalatedOn: empty, resolvedOn: empty, apmisRecorded: 'yes' }).success).toBe(true);
    expect(updateUnmetDemandSchema.safeParse({ unmetDemandId: 'u1', escalatedTo: '', escalatedOn: empty, resolvedOn: empty, apmisRecorded: 'yes' }).success).toBe(false);
  });
});

describe('datesAgainstRaised', () => {
  it('names each date before the date raised', () => {
    expect(datesAgainstRaised('2026-03-10', { escalatedOn: '2026-03-10', resolvedOn: '2026-03-09' })).toEqual({ resolvedOn: ['Date resolved must be the same as or after the date raised'] });
    expect(datesAgainstRaised('2026-03-10', { escalatedOn: null, resolvedOn: null })).toEqual({});
  });
});
