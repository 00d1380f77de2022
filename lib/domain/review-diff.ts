/**
 * Plan reviews (issue 4, "Reviews"): the snapshot a review keeps of the plan, what has changed
 * since, where a plan stands in a manager's review queue, and the next review date a reviewer is
 * offered. Pure: the clock and the cadence are parameters.
 */
import { addCalendarDays, calendarDaysBetween, formatDate, londonDateKey } from '@/lib/domain/dates';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, STRANDS, STRAND_LABELS, type ActionStatus, type Strand } from '@/lib/domain/vocabulary';

// ---------------------------------------------------------------------------------------------
// The snapshot
// ---------------------------------------------------------------------------------------------

export type SnapshotObjective = { id: string; strand: Strand; title: string; successMeasure: string };

export type SnapshotAction = {
  id: string;
  strand: Strand;
  objectiveId: string | null;
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  ownerContactName: string | null;
  /** ISO timestamp of the due date (stored as UTC midnight), or null. */
  dueOn: string | null;
  status: ActionStatus;
};

/**
 * The plan as a reviewer saw it: its objectives and actions. The seed writes the same shape
 * (prisma/seed.ts `snapshotAt`), so the seeded history and new reviews read alike.
 */
export type PlanSnapshot = {
  planId: string;
  version: number;
  /** ISO timestamp. */
  takenAt: string;
  objectives: SnapshotObjective[];
  actions: SnapshotAction[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const isStrand = (value: unknown): value is Strand => typeof value === 'string' && (STRANDS as readonly string[]).includes(value);
const isStatus = (value: unknown): value is ActionStatus => typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);

function parseObjective(value: unknown): SnapshotObjective | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !isStrand(value.strand)) return null;
  return { id: value.id, strand: value.strand, title: strOr(value.title, ''), successMeasure: strOr(value.successMeasure, '') };
}

function parseAction(value: unknown): SnapshotAction | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !isStrand(value.strand)) return null;
  const dueOn = str(value.dueOn);
  return {
    id: value.id,
    strand: value.strand,
    objectiveId: str(value.objectiveId),
    description: strOr(value.description, ''),
    ownerUserId: str(value.ownerUserId),
    ownerOrganisationId: str(value.ownerOrganisationId),
    ownerContactName: str(value.ownerContactName),
    dueOn: dueOn && !Number.isNaN(Date.parse(dueOn)) ? dueOn : null,
    status: isStatus(value.status) ? value.status : 'NOT_STARTED',
  };
}

/**
 * Reads a stored snapshot (JSON text or a parsed value). Defensive: a snapshot written by an older
 * version, or damaged, gives what can be read of it (entries without an id or strand are left
 * out), and null when it is not a snapshot at all.
 */
export function parsePlanSnapshot(input: unknown): PlanSnapshot | null {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || typeof value.planId !== 'string') return null;
  const list = (items: unknown) => (Array.isArray(items) ? items : []);
  return {
    planId: value.planId,
    version: typeof value.version === 'number' && Number.isFinite(value.version) ? value.version : 0,
    takenAt: strOr(value.takenAt, ''),
    objectives: list(value.objectives).map(parseObjective).filter((o): o is SnapshotObjective => o !== null),
    actions: list(value.actions).map(parseAction).filter((a): a is SnapshotAction => a !== null),
  };
}

// ---------------------------------------------------------------------------------------------
// What changed
// ---------------------------------------------------------------------------------------------

export type PlanChangeKind =
  | 'OBJECTIVE_ADDED'
  | 'OBJECTIVE_REMOVED'
  | 'OBJECTIVE_EDITED'
  | 'ACTION_ADDED'
  | 'ACTION_REMOVED'
  | 'ACTION_STATUS'
  | 'ACTION_DUE_DATE'
  | 'ACTION_OWNER'
  | 'ACTION_DESCRIPTION'
  | 'ACTION_OBJECTIVE';

export type PlanChange = { kind: PlanChangeKind; subjectId: string; sentence: string };

/** Names for the ids a snapshot holds (officers and organisations), for readable sentences. */
export type SnapshotNames = { users?: Readonly<Record<string, string>>; organisations?: Readonly<Record<string, string>> };

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `'${oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine}'`;
}

function ownerText(action: SnapshotAction, names: SnapshotNames): string {
  const user = action.ownerUserId ? (names.users?.[action.ownerUserId] ?? 'an officer no longer listed') : null;
  const organisation = action.ownerOrganisationId ? (names.organisations?.[action.ownerOrganisationId] ?? 'a partner organisation') : null;
  if (user) return organisation ? `${user} (${organisation})` : user;
  if (organisation) return action.ownerContactName ? `${organisation} (${action.ownerContactName})` : organisation;
  return 'nobody';
}

function dueText(dueOn: string | null): string {
  return dueOn ? formatDate(new Date(dueOn)) : 'no date';
}

/** The calendar day of a stored due date, so that the same day written two ways is no change. */
function dueKey(dueOn: string | null): string | null {
  return dueOn ? londonDateKey(new Date(dueOn)) : null;
}

const byStrand = <T extends { strand: Strand }>(items: readonly T[]): T[] => [...items].sort((a, b) => STRANDS.indexOf(a.strand) - STRANDS.indexOf(b.strand));

/**
 * What changed in a plan between a review's snapshot and the plan now (the same shape), each as a
 * sentence a reviewer can read: objectives added, removed or edited, then actions added, removed,
 * and for each action its status, due date, owner, description and objective. Objectives first,
 * in strand order; added and changed items in the plan's present order, removed ones after.
 */
export function diffPlanSnapshots(before: PlanSnapshot, after: PlanSnapshot, names: SnapshotNames = {}): PlanChange[] {
  const changes: PlanChange[] = [];
  const push = (kind: PlanChangeKind, subjectId: string, sentence: string) => changes.push({ kind, subjectId, sentence });

  const objectivesBefore = new Map(before.objectives.map((o) => [o.id, o]));
  const objectivesAfter = new Map(after.objectives.map((o) => [o.id, o]));
  const objectiveTitle = (id: string | null) => {
    if (!id) return null;
    return (objectivesAfter.get(id) ?? objectivesBefore.get(id))?.title ?? null;
  };

  for (const objective of byStrand(after.objectives)) {
    const was = objectivesBefore.get(objective.id);
    const strand = STRAND_LABELS[objective.strand];
    if (!was) {
      push('OBJECTIVE_ADDED', objective.id, `${strand} objective ${quoted(objective.title)} was added`);
      continue;
    }
    if (was.title !== objective.title) push('OBJECTIVE_EDITED', objective.id, `${strand} objective ${quoted(was.title)} was renamed ${quoted(objective.title)}`);
    if (was.strand !== objective.strand) push('OBJECTIVE_EDITED', objective.id, `Objective ${quoted(objective.title)} moved from ${STRAND_LABELS[was.strand]} to ${strand}`);
    if (was.successMeasure !== objective.successMeasure) {
      push('OBJECTIVE_EDITED', objective.id, `The success measure of objective ${quoted(objective.title)} changed from ${quoted(was.successMeasure)} to ${quoted(objective.successMeasure)}`);
    }
  }
  for (const objective of byStrand(before.objectives)) {
    if (!objectivesAfter.has(objective.id)) push('OBJECTIVE_REMOVED', objective.id, `${STRAND_LABELS[objective.strand]} objective ${quoted(objective.title)} was removed`);
  }

  const actionsBefore = new Map(before.actions.map((a) => [a.id, a]));
  const actionsAfter = new Set(after.actions.map((a) => a.id));
  for (const action of byStrand(after.actions)) {
    const was = actionsBefore.get(action.id);
    const name = `Action ${quoted(action.description)}`;
    if (!was) {
      push('ACTION_ADDED', action.id, `${STRAND_LABELS[action.strand]} action ${quoted(action.description)} was added (${ACTION_STATUS_LABELS[action.status]}, owner ${ownerText(action, names)}, due ${dueText(action.dueOn)})`);
      continue;
    }
    if (was.description !== action.description) push('ACTION_DESCRIPTION', action.id, `Action ${quoted(was.description)} was reworded as ${quoted(action.description)}`);
    if (was.status !== action.status) push('ACTION_STATUS', action.id, `${name} moved from ${ACTION_STATUS_LABELS[was.status]} to ${ACTION_STATUS_LABELS[action.status]}`);
    if (dueKey(was.dueOn) !== dueKey(action.dueOn)) {
      const sentence = !was.dueOn
        ? `${name} was given a due date of ${dueText(action.dueOn)}`
        : !action.dueOn
          ? `${name} no longer has a due date (it was ${dueText(was.dueOn)})`
          : `${name} due date moved from ${dueText(was.dueOn)} to ${dueText(action.dueOn)}`;
      push('ACTION_DUE_DATE', action.id, sentence);
    }
    const ownerWas = ownerText(was, names);
    const ownerNow = ownerText(action, names);
    if (
      was.ownerUserId !== action.ownerUserId ||
      was.ownerOrganisationId !== action.ownerOrganisationId ||
      (was.ownerContactName ?? '') !== (action.ownerContactName ?? '')
    ) {
      push('ACTION_OWNER', action.id, ownerWas === ownerNow ? `${name} changed its owner's details (${ownerNow})` : `${name} owner changed from ${ownerWas} to ${ownerNow}`);
    }
    if (was.objectiveId !== action.objectiveId || was.strand !== action.strand) {
      const from = objectiveTitle(was.objectiveId);
      const to = objectiveTitle(action.objectiveId);
      const where = (title: string | null, strand: Strand) => (title ? `objective ${quoted(title)}` : `no objective (${STRAND_LABELS[strand]})`);
      push('ACTION_OBJECTIVE', action.id, `${name} moved from ${where(from, was.strand)} to ${where(to, action.strand)}`);
    }
  }
  for (const action of byStrand(before.actions)) {
    if (!actionsAfter.has(action.id)) push('ACTION_REMOVED', action.id, `${STRAND_LABELS[action.strand]} action ${quoted(action.description)} was removed`);
  }
  return changes;
}

/** Every officer and organisation id a snapshot names, to look their names up once. */
export function snapshotOwnerIds(...snapshots: PlanSnapshot[]): { userIds: string[]; organisationIds: string[] } {
  const users = new Set<string>();
  const organisations = new Set<string>();
  for (const snapshot of snapshots) {
    for (const action of snapshot.actions) {
      if (action.ownerUserId) users.add(action.ownerUserId);
      if (action.ownerOrganisationId) organisations.add(action.ownerOrganisationId);
    }
  }
  return { userIds: [...users], organisationIds: [...organisations] };
}

// ---------------------------------------------------------------------------------------------
// The review queue and the next review date
// ---------------------------------------------------------------------------------------------

/** How far ahead a review counts as due (DUE) rather than upcoming: within 14 days. */
export const REVIEW_DUE_WITHIN_DAYS = 14;

/** The longest a reviewer may put off the next review, in cadences (a 28-day cadence: 56 days). */
export const MAX_NEXT_REVIEW_CADENCES = 2;

export const REVIEW_QUEUE_STATES = ['OVERDUE', 'DUE', 'NEVER_REVIEWED', 'UPCOMING'] as const;
export type ReviewQueueState = (typeof REVIEW_QUEUE_STATES)[number];

/**
 * Where an active plan stands in the review queue at `now`. A plan never reviewed is
 * NEVER_REVIEWED whatever its first due date (PLAN_NEVER_REVIEWED is its flag); otherwise OVERDUE
 * from the day after its due date (as PLAN_REVIEW_OVERDUE), DUE from 14 days before, and UPCOMING
 * before that. A reviewed plan without a due date is DUE: it needs one.
 */
export function reviewQueueState(hasBeenReviewed: boolean, dueOn: Date | null, now: Date): ReviewQueueState {
  if (!hasBeenReviewed) return 'NEVER_REVIEWED';
  if (!dueOn) return 'DUE';
  const days = calendarDaysBetween(londonDateKey(now), londonDateKey(dueOn));
  if (days < 0) return 'OVERDUE';
  return days <= REVIEW_DUE_WITHIN_DAYS ? 'DUE' : 'UPCOMING';
}

/** The date key a reviewer is offered for the next review: today plus the cadence for the tier. */
export function proposedNextReviewDate(todayKey: string, cadenceDays: number): string {
  return addCalendarDays(todayKey, cadenceDays);
}

/** The latest next review date a reviewer may set: two cadences from today. */
export function latestNextReviewDate(todayKey: string, cadenceDays: number): string {
  return addCalendarDays(todayKey, MAX_NEXT_REVIEW_CADENCES * cadenceDays);
}

/**
 * Whether `dateKey` may be the next review date: after today, and no later than two cadences
 * ahead. Returns the reason when not, as a GOV.UK error message.
 */
export function nextReviewDateProblem(dateKey: string, todayKey: string, cadenceDays: number): string | null {
  if (dateKey <= todayKey) return 'Next review date must be in the future';
  const latest = latestNextReviewDate(todayKey, cadenceDays);
  if (dateKey > latest) return `Next review date must be on or before ${formatDate(new Date(`${latest}T00:00:00.000Z`))}, ${MAX_NEXT_REVIEW_CADENCES * cadenceDays} days from today`;
  return null;
}

/**
 * A plan's first review date, stored when it is made active: one cadence after the day it was
 * activated (what PLAN_NEVER_REVIEWED measures from), as a date (UTC midnight).
 */
export function firstReviewDue(activatedAt: Date, cadenceDays: number): Date {
  return dateKeyToDate(addCalendarDays(londonDateKey(activatedAt), cadenceDays));
}

/** A date key as the database stores a date without a time: UTC midnight of that day. */
export function dateKeyToDate(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}
