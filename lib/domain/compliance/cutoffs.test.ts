import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, daysSince, londonDateKey } from '@/lib/domain/dates';
import { DEFAULT_THRESHOLDS, reviewCadenceDays } from '@/lib/domain/settings';
import { complianceCutoffs, dayCutoff, monthCutoff } from './cutoffs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Instants around the 2026 clock changes (29 March, 25 October at 01:00 UTC) and ordinary days.
const anchors = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-28T23:30:00Z', '2026-10-24T23:30:00Z', '2026-06-15T12:00:00Z', '2026-01-31T00:00:00Z'].map(
  (iso) => new Date(iso).getTime(),
);
const instantNear = fc
  .tuple(fc.constantFrom(...anchors), fc.integer({ min: -200 * 24, max: 200 * 24 }), fc.constantFrom(0, 1, -1, 30 * 60_000, 59 * 60_000))
  .map(([anchor, hours, ms]) => new Date(anchor + hours * HOUR + ms));
const nowNear = fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -4 * 24, max: 4 * 24 }), fc.constantFrom(0, -1, 1, 15 * 60_000)).map(([a, h, ms]) => new Date(a + h * HOUR + ms));

describe('dayCutoff', () => {
  it('is exactly "daysSince(x, now) >= days", either side of the clock changes', () => {
    fc.assert(
      fc.property(instantNear, nowNear, fc.integer({ min: -120, max: 200 }), (x, now, days) => {
        expect(x.getTime() < dayCutoff(now, days).getTime()).toBe(daysSince(x, now) >= days);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the start of a London day', () => {
    // Summer: London midnight is 23:00 UTC the evening before; winter: midnight UTC.
    expect(dayCutoff(new Date('2026-07-10T12:00:00Z'), 1).toISOString()).toBe('2026-07-09T23:00:00.000Z');
    expect(dayCutoff(new Date('2026-01-10T12:00:00Z'), 1).toISOString()).toBe('2026-01-10T00:00:00.000Z');
    // 30 days before 30 March 2026 (BST) is 28 February (GMT): on it, 30 days have passed.
    const now = new Date('2026-03-30T08:00:00Z');
    expect(dayCutoff(now, 30).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(daysSince(new Date('2026-02-28T23:59:59.999Z'), now)).toBe(30);
    expect(daysSince(new Date('2026-03-01T00:00:00.000Z'), now)).toBe(29);
    // A stored calendar date (UTC midnight) due yesterday has passed; due today has not.
    const summer = new Date('2026-07-10T00:30:00+01:00');
    expect(new Date('2026-07-09T00:00:00Z').getTime() < dayCutoff(summer, 1).getTime()).toBe(true);
    expect(new Date('2026-07-10T00:00:00Z').getTime() < dayCutoff(summer, 1).getTime()).toBe(false);
  });
});

describe('monthCutoff', () => {
  it('is exactly "londonDateKey(x) <= addCalendarMonths(today, -months)"', () => {
    fc.assert(
      fc.property(instantNear, nowNear, fc.integer({ min: 0, max: 8 }), (x, now, months) => {
        const expected = londonDateKey(x) <= addCalendarMonths(londonDateKey(now), -months);
        expect(x.getTime() < monthCutoff(now, months).getTime()).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('clamps to the end of a shorter month', () => {
    // 31 August less six months is 28 February: a date on 28 February is overdue, 1 March is not.
    const cutoff = monthCutoff(new Date('2026-08-31T10:00:00Z'), 6);
    expect(cutoff.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('complianceCutoffs', () => {
  const now = new Date('2026-10-25T00:30:00Z'); // 01:30 BST, half an hour before the clocks go back

  it('turns every day threshold into its cutoff', () => {
    const t = { ...DEFAULT_THRESHOLDS, noLroDays: 3, orderExpiryWarningDays: 10 };
    const c = complianceCutoffs(t, now);
    expect(c.todayStart).toEqual(dayCutoff(now, 1));
    expect(c.noLroBefore).toEqual(dayCutoff(now, 3));
    expect(c.noPlanBefore).toEqual(dayCutoff(now, t.noPlanDays));
    expect(c.actionStaleBefore).toEqual(dayCutoff(now, t.actionStaleDays));
    expect(c.partnerBefore).toEqual(dayCutoff(now, t.partnerEngagementDays));
    expect(c.apmisBefore).toEqual(dayCutoff(now, t.apmisRecordingDays));
    expect(c.unmetDemandBefore).toEqual(dayCutoff(now, t.possibleUnmetDemandDays));
    expect(c.morileOverdueBefore).toEqual(monthCutoff(now, t.morileOverdueMonths));
    expect(c.morileUnmoderatedBefore).toEqual(dayCutoff(now, t.morileUnmoderatedDays));
    expect(c.orderCheckBefore).toEqual(dayCutoff(now, t.orderCheckDays));
    expect(c.orderExpiryBefore).toEqual(dayCutoff(now, -10));
    expect(c.now).toBe(now);
    expect([c.pursueOnlyPercent, c.lroCaseloadWarning, c.lroCaseloadAlert]).toEqual([t.pursueOnlyPercent, t.lroCaseloadWarning, t.lroCaseloadAlert]);
  });

  it('reads review cadences by tier with "more than" a cadence', () => {
    const t = { ...DEFAULT_THRESHOLDS, reviewCadenceTier1Days: 7, reviewCadenceTier5Days: 2 };
    const c = complianceCutoffs(t, now);
    expect(c.tiers).toHaveLength(5);
    c.tiers.forEach((tier, i) => {
      const cadence = reviewCadenceDays(t, i + 1);
      for (let offset = -2; offset <= 2 * cadence + 2; offset++) {
        const x = new Date(now.getTime() - offset * DAY);
        const since = daysSince(x, now);
        expect(x.getTime() < tier.oneCadenceBefore.getTime()).toBe(since > cadence);
        expect(x.getTime() < tier.twoCadencesBefore.getTime()).toBe(since > 2 * cadence);
      }
    });
  });
});
