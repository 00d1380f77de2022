import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds, reviewCadenceDays } from './settings';

describe('resolveThresholds: inheritance down the organisation tree', () => {
  it('uses the defaults when nobody has set anything', () => {
    expect(resolveThresholds([])).toEqual(DEFAULT_THRESHOLDS);
    expect(resolveThresholds([null, undefined, {}])).toEqual(DEFAULT_THRESHOLDS);
  });

  it('takes the nearest value: the force over the region, the region over the default', () => {
    const region = { actionStaleDays: 21, lroCaseloadWarning: 3 };
    const force = { actionStaleDays: 45, lroCaseloadWarning: null };
    const resolved = resolveThresholds([region, force]);
    expect(resolved.actionStaleDays).toBe(45);
    expect(resolved.lroCaseloadWarning).toBe(3);
    expect(resolved.noPlanDays).toBe(28);
  });

  it('keeps a deliberate zero', () => {
    expect(resolveThresholds([{ apmisRecordingDays: 0 }]).apmisRecordingDays).toBe(0);
  });
});

describe('reviewCadenceDays', () => {
  it.each([
    [1, 28],
    [2, 28],
    [3, 56],
    [4, 56],
    [5, 56],
    [0, 28],
    [9, 56],
  ])('tier %i reviews every %i days by default', (tier, days) => {
    expect(reviewCadenceDays(DEFAULT_THRESHOLDS, tier)).toBe(days);
  });

  it('follows the organisation settings', () => {
    expect(reviewCadenceDays(resolveThresholds([{ reviewCadenceTier2Days: 14 }]), 2)).toBe(14);
  });
});
