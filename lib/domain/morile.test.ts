import { describe, expect, it } from 'vitest';
import {
  bandTier,
  compareAssessments,
  daysAwaitingModeration,
  latestModerated,
  moderationEffectSentence,
  moderationOutcome,
  nextReassessmentDue,
  recomputedNextReviewDue,
  riskScore,
  scoreProblem,
  TIER_BANDS,
  type ModerationFacts,
} from './morile';
import { DEFAULT_THRESHOLDS, reviewCadenceDays } from './settings';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

describe('riskScore and bandTier: harm x likelihood, banded as the seed bands it', () => {
  it('multiplies', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(5, 5)).toBe(25);
  });

  it.each([
    [25, 1],
    [20, 1],
    [19, 2],
    [15, 2],
    [14, 3],
    [10, 3],
    [9, 4],
    [5, 4],
    [4, 5],
    [1, 5],
    [0, 5],
    [30, 1],
  ])('a risk score of %i is in the tier %i band', (score, tier) => {
    expect(bandTier(score)).toBe(tier);
  });

  it('the bands cover 1 to 25 once each, with no gap', () => {
    const covered = TIER_BANDS.flatMap((band) => Array.from({ length: band.high - band.low + 1 }, (_, i) => band.low + i)).sort((a, b) => a - b);
    expect(covered).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('every product of two scores 1-5 falls in some band', () => {
    for (let h = 1; h <= 5; h++) for (let l = 1; l <= 5; l++) expect([1, 2, 3, 4, 5]).toContain(bandTier(riskScore(h, l)));
  });
});

describe('scoreProblem: a whole number from 1 to 5, in GOV.UK words', () => {
  it.each([
    ['1', null],
    ['5', null],
    [' 3 ', null],
    [4, null],
    ['', 'Enter the harm score'],
    ['  ', 'Enter the harm score'],
    [undefined, 'Enter the harm score'],
    [null, 'Enter the harm score'],
    ['three', 'Harm score must be a number'],
    ['3a', 'Harm score must be a number'],
    ['2.5', 'Harm score must be a whole number'],
    ['0', 'Harm score must be between 1 and 5'],
    ['6', 'Harm score must be between 1 and 5'],
    ['-1', 'Harm score must be between 1 and 5'],
    ['100', 'Harm score must be between 1 and 5'],
  ])('%j -> %s', (value, problem) => {
    expect(scoreProblem(value as string | number | null | undefined, 'harm score')).toBe(problem);
  });
});

describe('nextReassessmentDue: the overdue threshold in calendar months after the day assessed', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-03-29', 6, '2026-09-29'], // the day the clocks go forward makes no difference
    ['2026-10-25', 12, '2027-10-25'],
  ])('%s + %i months -> %s', (assessed, months, due) => {
    expect(nextReassessmentDue(assessed, months)).toBe(due);
  });

  it('follows the default threshold', () => {
    expect(nextReassessmentDue('2026-05-01', DEFAULT_THRESHOLDS.morileOverdueMonths)).toBe('2026-11-01');
  });
});

describe('daysAwaitingModeration: London calendar days since the day assessed', () => {
  it.each([
    [day('2026-03-01'), at('2026-03-01T12:00:00Z'), 0],
    [day('2026-03-01'), at('2026-03-15T08:00:00Z'), 14],
    // Across the clocks going forward (29 March 2026): still calendar days.
    [day('2026-03-20'), at('2026-04-03T00:30:00+01:00'), 14],
    [day('2026-03-20'), at('2026-03-19T12:00:00Z'), 0],
  ])('%s to %s -> %i', (assessed, now, days) => {
    expect(daysAwaitingModeration(assessed, now)).toBe(days);
  });
});

type A = { id: string; assessedOn: Date; createdAt: Date; moderatedAt: Date | null; tier: number };
const a = (id: string, assessedOn: string, tier: number, moderated: boolean, createdAt = `${assessedOn}T10:00:00Z`): A => ({
  id,
  assessedOn: day(assessedOn),
  createdAt: at(createdAt),
  moderatedAt: moderated ? at(`${assessedOn}T15:00:00Z`) : null,
  tier,
});

describe('compareAssessments and latestModerated: by date assessed, then recorded, then id', () => {
  it('orders by the date assessed, not when it was recorded', () => {
    const older = a('x', '2026-01-01', 3, true, '2026-02-10T00:00:00Z');
    const newer = a('y', '2026-01-20', 3, true, '2026-01-20T00:00:00Z');
    expect(compareAssessments(older, newer)).toBeLessThan(0);
    expect(latestModerated([newer, older])).toBe(newer);
  });

  it('on one day, the one recorded later is the later; then the id decides', () => {
    const first = a('b', '2026-01-01', 3, true, '2026-01-01T09:00:00Z');
    const second = a('a', '2026-01-01', 2, true, '2026-01-01T11:00:00Z');
    expect(latestModerated([second, first])).toBe(second);
    const tieA = a('a', '2026-01-01', 3, true);
    const tieB = a('b', '2026-01-01', 2, true);
    expect(latestModerated([tieB, tieA])).toBe(tieB);
    expect(compareAssessments(tieA, tieA)).toBe(0);
  });

  it('ignores the unmoderated', () => {
    expect(latestModerated([a('x', '2026-01-01', 3, true), a('y', '2026-02-01', 1, false)])?.id).toBe('x');
    expect(latestModerated([a('y', '2026-02-01', 1, false)])).toBeNull();
    expect(latestModerated([])).toBeNull();
  });
});

describe('recomputedNextReviewDue: one cadence after the last review, else after activation', () => {
  it.each([
    [{ activatedAt: at('2026-01-10T14:00:00Z'), lastReviewedAt: null }, 28, '2026-02-07'],
    [{ activatedAt: at('2026-01-10T14:00:00Z'), lastReviewedAt: at('2026-02-01T09:00:00Z') }, 28, '2026-03-01'],
    [{ activatedAt: at('2026-01-10T14:00:00Z'), lastReviewedAt: at('2026-02-01T09:00:00Z') }, 56, '2026-03-29'],
    // 23:30 UTC on 31 March is 1 April in London: the London day counts.
    [{ activatedAt: at('2026-03-31T23:30:00Z'), lastReviewedAt: null }, 28, '2026-04-29'],
    [{ activatedAt: null, lastReviewedAt: null }, 28, null],
  ])('%o at %i days -> %s', (plan, cadence, due) => {
    expect(recomputedNextReviewDue(plan, cadence)).toBe(due);
  });
});

describe('moderationOutcome: the tier follows the latest moderated assessment, and the cadence with it', () => {
  const cadenceDays = (tier: number) => reviewCadenceDays(DEFAULT_THRESHOLDS, tier);
  const plan = { activatedAt: at('2026-01-10T14:00:00Z'), lastReviewedAt: null, nextReviewDue: day('2026-03-07') };
  const facts = (assessment: A, assessments: A[], overrides: Partial<ModerationFacts> = {}): ModerationFacts => ({
    assessment,
    assessments,
    threatTier: 3,
    activePlan: plan,
    cadenceDays,
    ...overrides,
  });

  it('the first moderated assessment sets the tier; the plan moves to the new cadence from activation', () => {
    const pending = a('p', '2026-02-01', 1, false);
    const outcome = moderationOutcome(facts(pending, [pending]));
    expect(outcome).toEqual({
      becomesLatest: true,
      tierBefore: 3,
      tierAfter: 1,
      cadenceBefore: 56,
      cadenceAfter: 28,
      nextReviewDueBefore: '2026-03-07',
      nextReviewDueAfter: '2026-02-07',
    });
    expect(moderationEffectSentence(outcome)).toBe('Moderating this assessment changes the threat from tier 3 to tier 1, and its review cadence from 56 to 28 days.');
  });

  it('reviewed since activation: from the last review', () => {
    const pending = a('p', '2026-02-01', 2, false);
    const reviewed = { ...plan, lastReviewedAt: at('2026-02-20T10:00:00Z'), nextReviewDue: day('2026-04-17') };
    const outcome = moderationOutcome(facts(pending, [pending], { activePlan: reviewed }));
    expect(outcome.nextReviewDueAfter).toBe('2026-03-20');
  });

  it('a newer assessment than the latest moderated one takes over', () => {
    const old = a('o', '2026-01-05', 3, true);
    const pending = a('p', '2026-02-01', 2, false);
    const outcome = moderationOutcome(facts(pending, [old, pending]));
    expect([outcome.becomesLatest, outcome.tierAfter]).toEqual([true, 2]);
  });

  it('an older assessment than the latest moderated one changes nothing', () => {
    const latest = a('l', '2026-02-10', 3, true);
    const older = a('p', '2026-01-05', 1, false);
    const outcome = moderationOutcome(facts(older, [latest, older]));
    expect(outcome).toMatchObject({ becomesLatest: false, tierBefore: 3, tierAfter: 3, cadenceAfter: 56, nextReviewDueAfter: '2026-03-07' });
    expect(moderationEffectSentence(outcome)).toBe("A later assessment has already been moderated, so moderating this one does not change the threat's tier (tier 3).");
  });

  it('a later unmoderated assessment does not stop an earlier one from setting the tier', () => {
    const pending = a('p', '2026-01-05', 2, false);
    const later = a('l', '2026-02-10', 1, false);
    expect(moderationOutcome(facts(pending, [pending, later])).tierAfter).toBe(2);
  });

  it('the same tier: the plan keeps its review date', () => {
    const pending = a('p', '2026-02-01', 3, false);
    const outcome = moderationOutcome(facts(pending, [pending]));
    expect(outcome).toMatchObject({ becomesLatest: true, tierAfter: 3, nextReviewDueAfter: '2026-03-07' });
    expect(moderationEffectSentence(outcome)).toBe('Moderating this assessment keeps the threat at tier 3, and its review cadence at 56 days.');
  });

  it('a tier change within one cadence says the cadence stays', () => {
    const pending = a('p', '2026-02-01', 4, false);
    const outcome = moderationOutcome(facts(pending, [pending]));
    expect(moderationEffectSentence(outcome)).toBe('Moderating this assessment changes the threat from tier 3 to tier 4, and its review cadence stays at 56 days.');
    expect(outcome.nextReviewDueAfter).toBe('2026-03-07');
  });

  it('no active plan: the tier changes, no review date', () => {
    const pending = a('p', '2026-02-01', 1, false);
    expect(moderationOutcome(facts(pending, [pending], { activePlan: null }))).toMatchObject({ tierAfter: 1, nextReviewDueBefore: null, nextReviewDueAfter: null });
  });

  it("uses the organisation's own cadences", () => {
    const pending = a('p', '2026-02-01', 1, false);
    const outcome = moderationOutcome(facts(pending, [pending], { cadenceDays: (tier) => (tier === 1 ? 14 : 70) }));
    expect([outcome.cadenceBefore, outcome.cadenceAfter, outcome.nextReviewDueAfter]).toEqual([70, 14, '2026-01-24']);
  });
});
