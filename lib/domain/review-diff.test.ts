import { describe, expect, it } from 'vitest';
import {
  diffPlanSnapshots,
  firstReviewDue,
  latestNextReviewDate,
  nextReviewDateProblem,
  parsePlanSnapshot,
  proposedNextReviewDate,
  reviewQueueState,
  snapshotOwnerIds,
  type PlanSnapshot,
  type SnapshotAction,
} from './review-diff';

const objective = (id: string, overrides: Partial<PlanSnapshot['objectives'][number]> = {}) => ({
  id,
  strand: 'PURSUE' as const,
  title: `Objective ${id}`,
  successMeasure: 'Charges laid',
  ...overrides,
});

const action = (id: string, overrides: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id,
  strand: 'PURSUE',
  objectiveId: 'o1',
  description: `Action ${id}`,
  ownerUserId: 'u1',
  ownerOrganisationId: null,
  ownerContactName: null,
  dueOn: '2026-03-03T00:00:00.000Z',
  status: 'NOT_STARTED',
  ...overrides,
});

const snapshot = (objectives: PlanSnapshot['objectives'], actions: SnapshotAction[]): PlanSnapshot => ({
  planId: 'p1',
  version: 2,
  takenAt: '2026-02-01T10:00:00.000Z',
  objectives,
  actions,
});

const names = { users: { u1: 'Sam Ashworth', u2: 'Morgan Whitcombe' }, organisations: { hmrc: 'HMRC' } };
const sentences = (before: PlanSnapshot, after: PlanSnapshot) => diffPlanSnapshots(before, after, names).map((c) => c.sentence);

describe('parsePlanSnapshot', () => {
  const seedShape = {
    planId: 'p1',
    version: 3,
    takenAt: '2026-01-10T09:30:00.000Z',
    objectives: [{ id: 'o1', strand: 'PREVENT', title: 'Divert', successMeasure: 'Referrals' }],
    actions: [
      {
        id: 'a1',
        strand: 'PREVENT',
        objectiveId: 'o1',
        description: 'Cuckooing visits',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        ownerContactName: null,
        dueOn: '2026-02-01T00:00:00.000Z',
        status: 'IN_PROGRESS',
      },
    ],
  };

  it('reads the seed shape, from JSON text or a value, unchanged', () => {
    expect(parsePlanSnapshot(JSON.stringify(seedShape))).toEqual(seedShape);
    expect(parsePlanSnapshot(seedShape)).toEqual(seedShape);
  });

  it.each([['not json'], ['null'], ['[]'], ['{"version":1}'], [42], [null]])('is null for %j', (input) => {
    expect(parsePlanSnapshot(input)).toBeNull();
  });

  it('keeps what it can read of a damaged snapshot', () => {
    const parsed = parsePlanSnapshot({
      planId: 'p1',
      objectives: [{ id: 'o1', strand: 'NOWHERE' }, { strand: 'PURSUE' }, { id: 'o2', strand: 'PURSUE' }, 'junk'],
      actions: { not: 'a list' },
    });
    expect(parsed).toEqual({ planId: 'p1', version: 0, takenAt: '', objectives: [{ id: 'o2', strand: 'PURSUE', title: '', successMeasure: '' }], actions: [] });
  });

  it('defaults an unknown status and drops an unreadable due date', () => {
    const parsed = parsePlanSnapshot({ planId: 'p1', actions: [{ id: 'a1', strand: 'PROTECT', status: 'DONE', dueOn: 'soon', ownerUserId: 7 }] });
    expect(parsed?.actions[0]).toMatchObject({ status: 'NOT_STARTED', dueOn: null, ownerUserId: null, objectiveId: null, description: '' });
  });
});

describe('diffPlanSnapshots', () => {
  it('finds nothing when nothing changed (a due date written two ways is the same day)', () => {
    const before = snapshot([objective('o1')], [action('a1')]);
    const after = snapshot([objective('o1')], [action('a1', { dueOn: '2026-03-03T00:00:00Z' })]);
    expect(diffPlanSnapshots(before, after)).toEqual([]);
  });

  it('describes a status change as a sentence', () => {
    const before = snapshot([objective('o1')], [action('a1', { description: 'Cuckooing visits' })]);
    const after = snapshot([objective('o1')], [action('a1', { description: 'Cuckooing visits', status: 'IN_PROGRESS' })]);
    expect(diffPlanSnapshots(before, after)).toEqual([{ kind: 'ACTION_STATUS', subjectId: 'a1', sentence: "Action 'Cuckooing visits' moved from Not started to In progress" }]);
  });

  it('describes objectives added, removed and edited, in strand order', () => {
    const before = snapshot([objective('o1'), objective('o2', { strand: 'PROTECT', title: 'Harden targets' }), objective('o3', { title: 'Old name' })], []);
    const after = snapshot(
      [objective('o4', { strand: 'PREPARE', title: 'Community impact' }), objective('o1', { successMeasure: 'Convictions' }), objective('o3', { title: 'New name', strand: 'PREVENT' })],
      [],
    );
    expect(sentences(before, after)).toEqual([
      "The success measure of objective 'Objective o1' changed from 'Charges laid' to 'Convictions'",
      "Prevent objective 'Old name' was renamed 'New name'",
      "Objective 'New name' moved from Pursue to Prevent",
      "Prepare objective 'Community impact' was added",
      "Protect objective 'Harden targets' was removed",
    ]);
  });

  it('describes actions added and removed', () => {
    const before = snapshot([objective('o1')], [action('a1', { description: 'Old action' })]);
    const after = snapshot([objective('o1')], [action('a2', { description: 'Cuckooing visits', strand: 'PREVENT', ownerUserId: null, ownerOrganisationId: 'hmrc', ownerContactName: 'J Smith', dueOn: null })]);
    expect(sentences(before, after)).toEqual([
      "Prevent action 'Cuckooing visits' was added (Not started, owner HMRC (J Smith), due no date)",
      "Pursue action 'Old action' was removed",
    ]);
  });

  it.each([
    [{ dueOn: '2026-04-10T00:00:00.000Z' }, "Action 'Action a1' due date moved from 3 March 2026 to 10 April 2026"],
    [{ dueOn: null }, "Action 'Action a1' no longer has a due date (it was 3 March 2026)"],
    [{ ownerUserId: 'u2' }, "Action 'Action a1' owner changed from Sam Ashworth to Morgan Whitcombe"],
    [{ ownerUserId: null }, "Action 'Action a1' owner changed from Sam Ashworth to nobody"],
    [{ ownerUserId: 'gone' }, "Action 'Action a1' owner changed from Sam Ashworth to an officer no longer listed"],
    [{ description: 'Visit the addresses' }, "Action 'Action a1' was reworded as 'Visit the addresses'"],
    [{ objectiveId: 'o2' }, "Action 'Action a1' moved from objective 'Objective o1' to objective 'Objective o2'"],
    [{ objectiveId: null }, "Action 'Action a1' moved from objective 'Objective o1' to no objective (Pursue)"],
  ])('describes an action change %j', (change, sentence) => {
    const objectives = [objective('o1'), objective('o2')];
    expect(sentences(snapshot(objectives, [action('a1')]), snapshot(objectives, [action('a1', change)]))).toEqual([sentence]);
  });

  it('gives a due date to an action that had none', () => {
    const before = snapshot([], [action('a1', { dueOn: null })]);
    const after = snapshot([], [action('a1')]);
    expect(sentences(before, after)).toEqual(["Action 'Action a1' was given a due date of 3 March 2026"]);
  });

  it('lists several changes to one action, and shortens long descriptions', () => {
    const long = 'x'.repeat(100);
    const before = snapshot([], [action('a1', { description: long })]);
    const after = snapshot([], [action('a1', { description: long, status: 'COMPLETE', ownerUserId: 'u2' })]);
    const out = diffPlanSnapshots(before, after, names);
    expect(out.map((c) => c.kind)).toEqual(['ACTION_STATUS', 'ACTION_OWNER']);
    expect(out[0]!.sentence).toBe(`Action '${'x'.repeat(77)}…' moved from Not started to Complete`);
  });

  it('collects owner ids from snapshots, once each', () => {
    const a = snapshot([], [action('a1'), action('a2', { ownerUserId: null, ownerOrganisationId: 'hmrc' })]);
    const b = snapshot([], [action('a1', { ownerUserId: 'u2', ownerOrganisationId: 'hmrc' })]);
    expect(snapshotOwnerIds(a, b)).toEqual({ userIds: ['u1', 'u2'], organisationIds: ['hmrc'] });
  });
});

describe('reviewQueueState', () => {
  // 10am on 20 March 2026 (GMT); the clocks go forward on 29 March.
  const now = new Date('2026-03-20T10:00:00Z');
  const day = (key: string) => new Date(`${key}T00:00:00.000Z`);

  it.each([
    ['never reviewed, first review long past', false, day('2026-01-01'), 'NEVER_REVIEWED'],
    ['never reviewed, first review far ahead', false, day('2026-06-01'), 'NEVER_REVIEWED'],
    ['due yesterday', true, day('2026-03-19'), 'OVERDUE'],
    ['due today', true, day('2026-03-20'), 'DUE'],
    ['due in 14 days (across the clock change)', true, day('2026-04-03'), 'DUE'],
    ['due in 15 days', true, day('2026-04-04'), 'UPCOMING'],
    ['reviewed without a due date', true, null, 'DUE'],
  ] as const)('%s -> %s', (_name, reviewed, dueOn, state) => {
    expect(reviewQueueState(reviewed, dueOn, now)).toBe(state);
  });

  it('reads the London day just after midnight in summer', () => {
    // 00:30 BST on 1 July is still 30 June in UTC.
    const summer = new Date('2026-06-30T23:30:00Z');
    expect(reviewQueueState(true, day('2026-06-30'), summer)).toBe('OVERDUE');
    expect(reviewQueueState(true, day('2026-07-01'), summer)).toBe('DUE');
  });
});

describe('next review dates', () => {
  it('proposes today plus the cadence, and allows up to two cadences', () => {
    expect(proposedNextReviewDate('2026-03-20', 28)).toBe('2026-04-17');
    expect(latestNextReviewDate('2026-03-20', 28)).toBe('2026-05-15');
  });

  it.each([
    ['2026-03-19', 'Next review date must be in the future'],
    ['2026-03-20', 'Next review date must be in the future'],
    ['2026-03-21', null],
    ['2026-05-15', null],
    ['2026-05-16', 'Next review date must be on or before 15 May 2026, 56 days from today'],
  ])('%s -> %s', (key, problem) => {
    expect(nextReviewDateProblem(key, '2026-03-20', 28)).toBe(problem);
  });

  it('dates a first review one cadence after the London day of activation', () => {
    // 23:30 UTC on 30 June is 1 July in London.
    expect(firstReviewDue(new Date('2026-06-30T23:30:00Z'), 28)).toEqual(new Date('2026-07-29T00:00:00.000Z'));
    expect(firstReviewDue(new Date('2026-03-01T12:00:00Z'), 56)).toEqual(new Date('2026-04-26T00:00:00.000Z'));
  });
});
