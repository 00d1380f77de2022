/**
 * The compliance rules of DESIGN.md ("Compliance flags"), as pure functions of plain records
 * (records.ts), the organisation's thresholds (settings.ts) and `now`.
 *
 * Conventions every rule keeps, and the SQL in lib/db/compliance-sql.ts mirrors:
 * - Days are Europe/London calendar days (dates.ts `daysSince`): "30 days" is reached on the
 *   30th calendar day after the event, whatever the clocks did in between.
 * - A threshold of N days is reached when N or more days have passed ("no update for 30 days"
 *   holds on day 30); a date has passed from the day after it ("due 3 March" is overdue on 4 March).
 * - "Live" threats are MAPPED or ACTIVE (vocabulary.ts LIVE_THREAT_STATUSES); plan and action
 *   flags read the ACTIVE plan of a live threat (a DRAFT is still being written, and
 *   THREAT_NO_PLAN covers it). Open actions are NOT_STARTED, IN_PROGRESS or BLOCKED.
 */
import { addCalendarDays, addCalendarMonths, daysSince, formatDate, londonDateKey } from '@/lib/domain/dates';
import { caseloadLevel, isLroTrained } from '@/lib/domain/lro';
import { planBalance } from '@/lib/domain/plan-balance';
import { reviewCadenceDays, type ComplianceThresholds } from '@/lib/domain/settings';
import { LIVE_THREAT_STATUSES, OPEN_ACTION_STATUSES, ORDER_KIND_LABELS, type OrderKind, type ThreatStatus } from '@/lib/domain/vocabulary';
import { compareFlags, type ComplianceFlag, type FlagCode, type FlagSeverity, type FlagSubject } from './flags';
import type {
  ActionComplianceRecord,
  OfficerComplianceRecord,
  OrderComplianceRecord,
  PlanComplianceRecord,
  ThreatComplianceRecord,
} from './records';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const dayCount = (n: number) => plural(n, 'day');

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `'${oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine}'`;
}

export function isOpenAction(action: Pick<ActionComplianceRecord, 'status'>): boolean {
  return OPEN_ACTION_STATUSES.includes(action.status);
}

export function isLiveThreat(status: ThreatStatus): boolean {
  return LIVE_THREAT_STATUSES.includes(status);
}

/** The plan being worked on (DRAFT or ACTIVE), if any. */
export function livePlanOf<P extends Pick<PlanComplianceRecord, 'status'>>(plans: readonly P[]): P | null {
  return plans.find((plan) => plan.status !== 'CLOSED') ?? null;
}

function latest(dates: readonly Date[]): Date | null {
  let out: Date | null = null;
  for (const date of dates) if (!out || date.getTime() > out.getTime()) out = date;
  return out;
}

type Raise = (code: FlagCode, severity: FlagSeverity, subject: FlagSubject, message: string) => void;

/** Reviews (PLAN_NEVER_REVIEWED, PLAN_REVIEW_OVERDUE, PLAN_CHANGED_SINCE_REVIEW) of an active plan. */
function reviewFlags(plan: PlanComplianceRecord, cadence: number, now: Date, raise: Raise) {
  const subject: FlagSubject = { kind: 'PLAN', id: plan.id };
  const lastReviewedAt = latest(plan.reviews.map((review) => review.reviewedAt));
  if (!lastReviewedAt) {
    // The first review falls due one cadence after activation; "twice overdue" is two cadences.
    if (!plan.activatedAt) return;
    const sinceActivated = daysSince(plan.activatedAt, now);
    if (sinceActivated > cadence) {
      const firstDue = addCalendarDays(londonDateKey(plan.activatedAt), cadence);
      raise(
        'PLAN_NEVER_REVIEWED',
        sinceActivated > 2 * cadence ? 'alert' : 'warning',
        subject,
        `The plan has never been reviewed: its first review was due on ${formatDate(new Date(`${firstDue}T00:00:00Z`))}, ${dayCount(sinceActivated - cadence)} ago.`,
      );
    }
    return;
  }
  if (plan.nextReviewDue) {
    const overdue = daysSince(plan.nextReviewDue, now);
    if (overdue >= 1) {
      raise(
        'PLAN_REVIEW_OVERDUE',
        overdue > cadence ? 'alert' : 'warning',
        subject,
        `The plan's review was due on ${formatDate(plan.nextReviewDue)} and is ${dayCount(overdue)} overdue${overdue > cadence ? ': a second review date has passed as well' : ''}.`,
      );
    }
  }
  if (plan.materiallyChangedAt && plan.materiallyChangedAt.getTime() > lastReviewedAt.getTime()) {
    raise('PLAN_CHANGED_SINCE_REVIEW', 'warning', subject, `The plan has changed since it was last reviewed on ${formatDate(lastReviewedAt)}.`);
  }
}

/** ACTION_OVERDUE, ACTION_STALE, ACTION_NO_OWNER, ACTION_NO_DUE_DATE of one open action. */
function actionFlags(action: ActionComplianceRecord, thresholds: ComplianceThresholds, now: Date, raise: Raise) {
  const subject: FlagSubject = { kind: 'ACTION', id: action.id };
  const name = `Action ${quoted(action.description)}`;
  if (action.dueOn) {
    const overdue = daysSince(action.dueOn, now);
    if (overdue >= 1) raise('ACTION_OVERDUE', 'warning', subject, `${name} was due on ${formatDate(action.dueOn)} and is ${dayCount(overdue)} overdue.`);
  } else {
    raise('ACTION_NO_DUE_DATE', 'warning', subject, `${name} has no due date.`);
  }
  const quiet = daysSince(action.lastUpdatedAt, now);
  if (quiet >= thresholds.actionStaleDays) raise('ACTION_STALE', 'warning', subject, `${name} has had no update for ${dayCount(quiet)}.`);
  if (!action.ownerUserId && !action.ownerOrganisationId) raise('ACTION_NO_OWNER', 'warning', subject, `${name} has no owner.`);
}

/** PLAN_PURSUE_ONLY: the 4P balance of the plan's open actions (plan-balance.ts). */
function balanceFlags(plan: PlanComplianceRecord, thresholds: ComplianceThresholds, raise: Raise) {
  const subject: FlagSubject = { kind: 'PLAN', id: plan.id };
  const balance = planBalance(plan.actions, thresholds.pursueOnlyPercent);
  const open = (strand: string) => balance.strands.find((s) => s.strand === strand)!.open;
  if (balance.isPursueOnly) {
    if (open('PREVENT') + open('PROTECT') === 0) {
      raise('PLAN_PURSUE_ONLY', 'alert', subject, 'The plan has no open Prevent or Protect action: every open action is Pursue or Prepare.');
    } else {
      // Whole-number rounding could show "70%" for 19 of 27 (70.4%): say the counts as well.
      const pursue = open('PURSUE');
      raise(
        'PLAN_PURSUE_ONLY',
        'alert',
        subject,
        `${pursue} of the plan's ${balance.totalOpen} open actions are Pursue (${Math.floor((pursue * 1000) / balance.totalOpen) / 10}%), over the limit of ${thresholds.pursueOnlyPercent}%.`,
      );
    }
  } else if (balance.hasNoPrepare) {
    raise('PLAN_PURSUE_ONLY', 'warning', subject, 'The plan has no open Prepare action.');
  }
}

/** PLAN_NO_PARTNER: a partner engaged within the window. */
function partnerFlags(plan: PlanComplianceRecord, thresholds: ComplianceThresholds, now: Date, raise: Raise) {
  const subject: FlagSubject = { kind: 'PLAN', id: plan.id };
  const last = latest(plan.engagements.map((engagement) => engagement.engagedOn));
  if (!last) {
    raise('PLAN_NO_PARTNER', 'warning', subject, 'No partner engagement has been recorded on the plan.');
    return;
  }
  const since = daysSince(last, now);
  if (since >= thresholds.partnerEngagementDays) {
    raise('PLAN_NO_PARTNER', 'warning', subject, `No partner engagement has been recorded for ${dayCount(since)}: the last was on ${formatDate(last)}.`);
  }
}

/**
 * POSSIBLE_UNMET_DEMAND: a live threat mapped at least the window ago, with no disruption and no
 * completed action within the window, and no unmet demand recorded (none raised within the window
 * and none still unresolved). A threat nobody is able to act on is often a shortfall nobody wrote
 * down (NCA guidance, June 2024).
 */
function unmetDemandFlags(threat: ThreatComplianceRecord, thresholds: ComplianceThresholds, now: Date, raise: Raise) {
  const window = thresholds.possibleUnmetDemandDays;
  const recent = (date: Date | null) => date !== null && daysSince(date, now) < window;
  if (daysSince(threat.mappedOn, now) < window) return;
  if (threat.disruptions.some((d) => recent(d.disruptedOn))) return;
  if (threat.plans.some((plan) => plan.actions.some((a) => a.status === 'COMPLETE' && recent(a.completedAt)))) return;
  if (threat.unmetDemand.some((u) => u.resolvedOn === null || recent(u.raisedOn))) return;
  raise(
    'POSSIBLE_UNMET_DEMAND',
    'warning',
    { kind: 'THREAT', id: threat.id },
    `${threat.urn} has had no disruption and no completed action for ${dayCount(window)} and no unmet demand is recorded: record the shortfall if capacity or capability is holding it back.`,
  );
}

/** MORILE_OVERDUE and MORILE_UNMODERATED of a live threat. */
function morileFlags(threat: ThreatComplianceRecord, thresholds: ComplianceThresholds, now: Date, raise: Raise) {
  const today = londonDateKey(now);
  const lastAssessed = latest(threat.assessments.map((a) => a.assessedOn));
  // Overdue once the latest assessment (or, never assessed, the mapping) is on or before the same
  // day `morileOverdueMonths` months ago.
  const since = lastAssessed ?? threat.mappedOn;
  if (londonDateKey(since) <= addCalendarMonths(today, -thresholds.morileOverdueMonths)) {
    raise(
      'MORILE_OVERDUE',
      'warning',
      { kind: 'THREAT', id: threat.id },
      lastAssessed
        ? `${threat.urn} has had no MoRiLE assessment since ${formatDate(lastAssessed)}: reassess it.`
        : `${threat.urn} has never had a MoRiLE assessment since it was mapped on ${formatDate(threat.mappedOn)}: assess it.`,
    );
  }
  // Only the latest assessment waits for moderation; an older one has been overtaken.
  for (const assessment of threat.assessments) {
    if (assessment.moderatedAt) continue;
    if (threat.assessments.some((other) => other.assessedOn.getTime() > assessment.assessedOn.getTime())) continue;
    const waiting = daysSince(assessment.assessedOn, now);
    if (waiting >= thresholds.morileUnmoderatedDays) {
      raise(
        'MORILE_UNMODERATED',
        'warning',
        { kind: 'ASSESSMENT', id: assessment.id },
        `The MoRiLE assessment of ${threat.urn} dated ${formatDate(assessment.assessedOn)} has waited ${dayCount(waiting)} for moderation.`,
      );
    }
  }
}

/** DISRUPTION_NOT_ON_APMIS, whatever the threat's status: every disruption belongs on APMIS. */
function disruptionFlags(threat: ThreatComplianceRecord, thresholds: ComplianceThresholds, now: Date, raise: Raise) {
  for (const disruption of threat.disruptions) {
    if (disruption.apmisReference && disruption.apmisReference.trim() !== '') continue;
    const since = daysSince(disruption.disruptedOn, now);
    if (since >= thresholds.apmisRecordingDays) {
      raise(
        'DISRUPTION_NOT_ON_APMIS',
        'warning',
        { kind: 'DISRUPTION', id: disruption.id },
        `Disruption ${disruption.reference} of ${formatDate(disruption.disruptedOn)} has no APMIS reference ${dayCount(since)} on: record it on APMIS.`,
      );
    }
  }
}

/** Every flag of one threat, its plans, actions, disruptions and assessments. */
export function threatFlags(threat: ThreatComplianceRecord, thresholds: ComplianceThresholds, now: Date): ComplianceFlag[] {
  const flags: ComplianceFlag[] = [];
  const raise: Raise = (code, severity, subject, message) =>
    flags.push({ code, severity, subject, threatId: threat.id, organisationId: threat.organisationId, message });
  const threatSubject: FlagSubject = { kind: 'THREAT', id: threat.id };

  if (isLiveThreat(threat.status)) {
    const sinceMapped = daysSince(threat.mappedOn, now);
    const livePlan = livePlanOf(threat.plans);
    const activePlan = livePlan?.status === 'ACTIVE' ? livePlan : null;

    if (!threat.leadResponsibleOfficerId && sinceMapped >= thresholds.noLroDays) {
      raise('THREAT_NO_LRO', 'alert', threatSubject, `${threat.urn} has had no LRO for ${dayCount(sinceMapped)} since it was mapped: appoint one.`);
    }
    if (!activePlan && sinceMapped >= thresholds.noPlanDays) {
      raise(
        'THREAT_NO_PLAN',
        'alert',
        threatSubject,
        livePlan
          ? `${threat.urn} was mapped ${dayCount(sinceMapped)} ago and its 4P plan is still a draft: activate it.`
          : `${threat.urn} was mapped ${dayCount(sinceMapped)} ago and has no 4P plan: start one.`,
      );
    }
    if (activePlan) {
      reviewFlags(activePlan, reviewCadenceDays(thresholds, threat.tier), now, raise);
      for (const action of activePlan.actions) if (isOpenAction(action)) actionFlags(action, thresholds, now, raise);
      balanceFlags(activePlan, thresholds, raise);
      partnerFlags(activePlan, thresholds, now, raise);
    }
    unmetDemandFlags(threat, thresholds, now, raise);
    morileFlags(threat, thresholds, now, raise);
  } else {
    const open = threat.plans.reduce((n, plan) => n + plan.actions.filter(isOpenAction).length, 0);
    if (open > 0) {
      raise('ARCHIVED_WITH_OPEN_ACTIONS', 'warning', threatSubject, `${threat.urn} is archived but has ${plural(open, 'open action')}: complete or cancel them.`);
    }
  }
  disruptionFlags(threat, thresholds, now, raise);
  return flags.sort(compareFlags);
}

/** LRO_UNTRAINED and LRO_OVERLOADED of an officer, by the thresholds of their organisation. */
export function officerFlags(officer: OfficerComplianceRecord, thresholds: ComplianceThresholds, now: Date): ComplianceFlag[] {
  const flags: ComplianceFlag[] = [];
  const live = officer.threatsLed.filter((threat) => isLiveThreat(threat.status)).length;
  if (live === 0) return flags;
  const subject: FlagSubject = { kind: 'OFFICER', id: officer.id };
  const raise = (code: FlagCode, severity: FlagSeverity, message: string) =>
    flags.push({ code, severity, subject, threatId: null, organisationId: officer.organisationId, message });
  const courses = officer.trainingRecords.filter((record) => record.kind === 'LRO_COURSE');
  if (!isLroTrained(courses, now)) {
    raise('LRO_UNTRAINED', 'alert', `${officer.name} is the LRO of ${plural(live, 'live threat')} without a completed, current LRO course.`);
  }
  const level = caseloadLevel(live, thresholds);
  if (level !== 'none') {
    const limit = level === 'alert' ? thresholds.lroCaseloadAlert : thresholds.lroCaseloadWarning;
    raise('LRO_OVERLOADED', level, `${officer.name} is the LRO of ${plural(live, 'live threat')}, at or over the ${level} level of ${limit}.`);
  }
  return flags.sort(compareFlags);
}

/**
 * ORDER_NOT_MONITORED of an order in force (not yet expired): an alert when the last compliance
 * check (or, never checked, the start) is `orderCheckDays` or more ago; otherwise a warning when
 * it expires within `orderExpiryWarningDays`. SCPOs nobody was sure who managed were an
 * inspection finding.
 */
export function orderFlags(order: OrderComplianceRecord, thresholds: ComplianceThresholds, now: Date): ComplianceFlag[] {
  if (order.expiresOn && daysSince(order.expiresOn, now) >= 1) return [];
  const kind = ORDER_KIND_LABELS[order.kind as OrderKind] ?? ORDER_KIND_LABELS.OTHER;
  const name = `The ${kind.toLowerCase()} on ${order.subjectName}`;
  const raise = (severity: FlagSeverity, message: string): ComplianceFlag[] => [
    { code: 'ORDER_NOT_MONITORED', severity, subject: { kind: 'ORDER', id: order.id }, threatId: order.threatId, organisationId: order.organisationId, message },
  ];
  const sinceCheck = daysSince(order.lastComplianceCheckOn ?? order.startsOn, now);
  if (sinceCheck >= thresholds.orderCheckDays) {
    return raise(
      'alert',
      order.lastComplianceCheckOn
        ? `${name} has had no compliance check for ${dayCount(sinceCheck)}: the last was on ${formatDate(order.lastComplianceCheckOn)}.`
        : `${name} has never had a compliance check in the ${dayCount(sinceCheck)} since it started.`,
    );
  }
  if (order.expiresOn) {
    const left = -daysSince(order.expiresOn, now);
    if (left <= thresholds.orderExpiryWarningDays) {
      return raise('warning', `${name} expires on ${formatDate(order.expiresOn)}, ${left === 0 ? 'today' : `in ${dayCount(left)}`}: decide whether to apply to extend it.`);
    }
  }
  return [];
}

/** Every flag of a data set, each record judged by its own organisation's thresholds. */
export function complianceFlags(
  data: { threats: readonly ThreatComplianceRecord[]; officers: readonly OfficerComplianceRecord[]; orders: readonly OrderComplianceRecord[] },
  thresholdsFor: (organisationId: string) => ComplianceThresholds,
  now: Date,
): ComplianceFlag[] {
  return [
    ...data.threats.flatMap((threat) => threatFlags(threat, thresholdsFor(threat.organisationId), now)),
    ...data.officers.flatMap((officer) => officerFlags(officer, thresholdsFor(officer.organisationId), now)),
    ...data.orders.flatMap((order) => orderFlags(order, thresholdsFor(order.organisationId), now)),
  ].sort(compareFlags);
}
