import { formatDate } from './dates';
import type { ComplianceThresholds } from './settings';

/** One LRO course on an officer's training record (TrainingRecord of kind LRO_COURSE). */
export type LroCourse = { completedOn: Date; expiresOn: Date | null };

/**
 * Where an officer stands on LRO training at `now`:
 * - TRAINED: a course completed on or before `now` that has not expired (no expiry, or expiring
 *   after `now`); `expiresOn` is when the last of the current courses runs out (null: never).
 * - EXPIRED: completed courses, all of them expired; `expiredOn` is the latest expiry.
 * - NONE: no completed course (a course dated after `now` is booked, not completed).
 */
export type LroTrainingStatus = { status: 'TRAINED'; expiresOn: Date | null } | { status: 'EXPIRED'; expiredOn: Date } | { status: 'NONE' };

/** Caseload against the organisation's thresholds: none, warning (lroCaseloadWarning) or alert (lroCaseloadAlert). */
export type CaseloadLevel = 'none' | 'warning' | 'alert';

export type CaseloadThresholds = Pick<ComplianceThresholds, 'lroCaseloadWarning' | 'lroCaseloadAlert'>;

/**
 * A course counts on the day it is completed and stops counting at the instant it expires
 * (DESIGN.md, LRO_UNTRAINED: "LRO with no completed LRO training"; an expired course is not
 * completed training any more).
 */
export function isCourseCurrent(course: LroCourse, now: Date): boolean {
  return course.completedOn.getTime() <= now.getTime() && (course.expiresOn === null || course.expiresOn.getTime() > now.getTime());
}

/** Whether the officer holds a completed, unexpired LRO course at `now`. */
export function isLroTrained(courses: readonly LroCourse[], now: Date): boolean {
  return courses.some((course) => isCourseCurrent(course, now));
}

export function lroTrainingStatus(courses: readonly LroCourse[], now: Date): LroTrainingStatus {
  const current = courses.filter((course) => isCourseCurrent(course, now));
  if (current.length > 0) {
    if (current.some((course) => course.expiresOn === null)) return { status: 'TRAINED', expiresOn: null };
    return { status: 'TRAINED', expiresOn: new Date(Math.max(...current.map((course) => course.expiresOn!.getTime()))) };
  }
  const expired = courses.filter((course) => course.completedOn.getTime() <= now.getTime() && course.expiresOn !== null);
  if (expired.length > 0) return { status: 'EXPIRED', expiredOn: new Date(Math.max(...expired.map((course) => course.expiresOn!.getTime()))) };
  return { status: 'NONE' };
}

/**
 * LRO_OVERLOADED (DESIGN.md): an LRO holding `lroCaseloadWarning` or more active threats is a
 * warning, `lroCaseloadAlert` or more an alert (defaults 4 and 6; per organisation, inherited).
 */
export function caseloadLevel(activeThreatsAsLro: number, thresholds: CaseloadThresholds): CaseloadLevel {
  if (activeThreatsAsLro >= thresholds.lroCaseloadAlert) return 'alert';
  if (activeThreatsAsLro >= thresholds.lroCaseloadWarning) return 'warning';
  return 'none';
}

export type AssignmentRole = 'LRO' | 'DEPUTY';

export type AssignmentWarningReason = 'NO_TRAINING' | 'TRAINING_EXPIRED' | 'CASELOAD_WARNING' | 'CASELOAD_ALERT';

export type AssignmentWarning = {
  officerId: string;
  officerName: string;
  role: AssignmentRole;
  reason: AssignmentWarningReason;
  /** A sentence for the manager, naming the officer and the reason. */
  message: string;
};

/** An officer about to be appointed, as the warning rules need them. */
export type AssignmentCandidate = {
  id: string;
  name: string;
  role: AssignmentRole;
  training: LroTrainingStatus;
  activeThreatsAsLro: number;
};

const roleWords: Record<AssignmentRole, string> = { LRO: 'new LRO', DEPUTY: 'new deputy' };

const threats = (n: number) => `${n} active ${n === 1 ? 'threat' : 'threats'}`;

/**
 * Why a manager should think twice before appointing this officer (issue 3: assigning warns, and
 * does not forbid, when the officer has no completed LRO training or already holds the warning
 * number of active threats or more). Empty when there is nothing to say.
 */
export function assignmentWarnings(candidate: AssignmentCandidate, thresholds: CaseloadThresholds): AssignmentWarning[] {
  const out: AssignmentWarning[] = [];
  const who = `${candidate.name} (${roleWords[candidate.role]})`;
  const warn = (reason: AssignmentWarningReason, message: string) =>
    out.push({ officerId: candidate.id, officerName: candidate.name, role: candidate.role, reason, message });

  if (candidate.training.status === 'NONE') warn('NO_TRAINING', `${who} has no completed LRO training.`);
  if (candidate.training.status === 'EXPIRED') warn('TRAINING_EXPIRED', `${who} has no current LRO training: their LRO course expired on ${formatDate(candidate.training.expiredOn)}.`);

  const level = caseloadLevel(candidate.activeThreatsAsLro, thresholds);
  if (level === 'alert') {
    warn('CASELOAD_ALERT', `${who} already holds ${threats(candidate.activeThreatsAsLro)} as LRO, at or above the alert level of ${thresholds.lroCaseloadAlert}.`);
  } else if (level === 'warning') {
    warn('CASELOAD_WARNING', `${who} already holds ${threats(candidate.activeThreatsAsLro)} as LRO, at or above the warning level of ${thresholds.lroCaseloadWarning}.`);
  }
  return out;
}

/** Training as a short phrase for a list or a table cell. */
export function trainingSummary(training: LroTrainingStatus): string {
  switch (training.status) {
    case 'TRAINED':
      return training.expiresOn ? `Trained until ${formatDate(training.expiresOn)}` : 'Trained';
    case 'EXPIRED':
      return `Training expired ${formatDate(training.expiredOn)}`;
    case 'NONE':
      return 'Not trained';
  }
}

/** Caseload as a short phrase, e.g. "6 active threats (alert)". */
export function caseloadSummary(activeThreatsAsLro: number, level: CaseloadLevel): string {
  const suffix = level === 'alert' ? ' (alert)' : level === 'warning' ? ' (warning)' : '';
  return `${threats(activeThreatsAsLro)}${suffix}`;
}
