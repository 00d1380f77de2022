import { describe, expect, it } from 'vitest';
import { describeEvent, formatValue, humanise } from './describe-event';

describe('describeEvent', () => {
  it('lists only the named fields an edit changed, before and after, in words', () => {
    const described = describeEvent({
      action: 'plan.update',
      before: { intelligenceGaps: '', planOwner: 'Sam Ashworth', planOwnerUserId: 'u1', planOwnerOrganisationId: null },
      after: { intelligenceGaps: 'Supply route', planOwner: 'HMRC', planOwnerUserId: null, planOwnerOrganisationId: 'o1' },
    });
    expect(described.title).toBe('Plan details changed');
    expect(described.changes).toEqual([
      { label: 'Intelligence gaps', from: 'Not set', to: 'Supply route' },
      { label: 'Plan owner', from: 'Sam Ashworth', to: 'HMRC' },
    ]);
  });

  it('shows ids when nothing else changed, rather than nothing', () => {
    const described = describeEvent({ action: 'action.update', before: { ownerUserId: 'u1' }, after: { ownerUserId: 'u2' } });
    expect(described.changes).toEqual([{ label: 'Owner user id', from: 'u1', to: 'u2' }]);
  });

  it('says what a new objective is, with its strand, and lists the rest', () => {
    const described = describeEvent({ action: 'objective.create', before: null, after: { strand: 'PREVENT', title: 'Divert runners', successMeasure: 'Three referrals' } });
    expect(described).toEqual({
      title: 'Objective added',
      summary: 'Prevent objective: Divert runners',
      changes: [],
      details: [{ label: 'Success measure', value: 'Three referrals' }],
    });
  });

  it('reads a partner engagement as a sentence', () => {
    const described = describeEvent({ action: 'engagement.create', before: null, after: { partner: 'HMRC', partnerOrganisationId: 'o1', engagedOn: '2026-02-03', kind: 'CONSULTED', summary: 'Agreed' } });
    expect(described.summary).toBe('Consulted HMRC on 3 February 2026');
    expect(described.details).toEqual([{ label: 'Summary', value: 'Agreed' }]);
  });

  it('shows an action update status change as a change', () => {
    const described = describeEvent({ action: 'action.record-update', before: null, after: { note: 'Arrests made', statusFrom: 'IN_PROGRESS', statusTo: 'COMPLETE' } });
    expect(described.title).toBe('Action update recorded');
    expect(described.changes).toEqual([{ label: 'Status', from: 'In progress', to: 'Complete' }]);
    expect(described.details).toEqual([{ label: 'Note', value: 'Arrests made' }]);
  });

  it('describes an unknown action and shape without hiding it', () => {
    expect(describeEvent({ action: 'disruption.record-apmis', before: null, after: 'APMIS-123' })).toEqual({
      title: 'Disruption record apmis',
      summary: null,
      changes: [],
      details: [{ label: 'After', value: 'APMIS-123' }],
    });
    expect(describeEvent({ action: 'x.y', before: null, after: { someNewField: { nested: 1 } } }).details).toEqual([{ label: 'Some new field', value: '{"nested":1}' }]);
  });
});

describe('formatValue', () => {
  it.each([
    [null, 'Not set'],
    ['', 'Not set'],
    [true, 'Yes'],
    [3, '3'],
    ['PURSUE', 'Pursue'],
    ['NOT_STARTED', 'Not started'],
    [['DRUGS', 'FRAUD'], 'Drugs, Fraud'],
    ['2026-03-29', '29 March 2026'],
    // British Summer Time began at 1am UTC that day.
    ['2026-03-29T09:30:00.000Z', '29 March 2026 at 10:30am'],
    ['2026-01-10T00:00:00.000Z', '10 January 2026'],
    [{ name: 'HMRC' }, 'HMRC'],
  ])('%j -> %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('humanise', () => {
  it('turns code words into a sentence', () => {
    expect(humanise('ownerContactName')).toBe('Owner contact name');
    expect(humanise('action.record-update')).toBe('Action record update');
  });
});
