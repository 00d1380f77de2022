/**
 * The compliance flags of DESIGN.md ("Compliance flags"): what each is called, how serious it is,
 * what it is about, and where a person goes to clear it. The rules that raise them are in
 * rules.ts; the SQL that counts them at scale is lib/db/compliance-sql.ts; both must agree
 * (lib/db/compliance-agreement.integration.test.ts).
 */

export const FLAG_CODES = [
  'THREAT_NO_LRO',
  'THREAT_NO_PLAN',
  'PLAN_NEVER_REVIEWED',
  'PLAN_REVIEW_OVERDUE',
  'PLAN_CHANGED_SINCE_REVIEW',
  'ACTION_OVERDUE',
  'ACTION_STALE',
  'ACTION_NO_OWNER',
  'ACTION_NO_DUE_DATE',
  'PLAN_PURSUE_ONLY',
  'PLAN_NO_PARTNER',
  'DISRUPTION_NOT_ON_APMIS',
  'POSSIBLE_UNMET_DEMAND',
  'LRO_UNTRAINED',
  'LRO_OVERLOADED',
  'MORILE_OVERDUE',
  'MORILE_UNMODERATED',
  'ORDER_NOT_MONITORED',
  'ARCHIVED_WITH_OPEN_ACTIONS',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export function isFlagCode(value: unknown): value is FlagCode {
  return typeof value === 'string' && (FLAG_CODES as readonly string[]).includes(value);
}

/** A warning asks for attention; an alert is a failing an inspector would cite. */
export const FLAG_SEVERITIES = ['alert', 'warning'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

/** What a flag is about. */
export const FLAG_SUBJECT_KINDS = ['THREAT', 'PLAN', 'ACTION', 'DISRUPTION', 'ASSESSMENT', 'OFFICER', 'ORDER'] as const;
export type FlagSubjectKind = (typeof FLAG_SUBJECT_KINDS)[number];

export type FlagSubject = { kind: FlagSubjectKind; id: string };

export type ComplianceFlag = {
  code: FlagCode;
  severity: FlagSeverity;
  subject: FlagSubject;
  /** The threat the flag belongs to (null for an officer's flags and an order without a threat). */
  threatId: string | null;
  /** The organisation whose thresholds applied and whose counts the flag joins. */
  organisationId: string;
  /** A sentence a person can act on, e.g. "Action 'Cuckooing visits' has had no update for 41 days." */
  message: string;
};

/** Short names, for tags, filters and table headings. */
export const FLAG_LABELS: Record<FlagCode, string> = {
  THREAT_NO_LRO: 'No LRO',
  THREAT_NO_PLAN: 'No active plan',
  PLAN_NEVER_REVIEWED: 'Never reviewed',
  PLAN_REVIEW_OVERDUE: 'Review overdue',
  PLAN_CHANGED_SINCE_REVIEW: 'Changed since review',
  ACTION_OVERDUE: 'Action overdue',
  ACTION_STALE: 'Action not updated',
  ACTION_NO_OWNER: 'Action has no owner',
  ACTION_NO_DUE_DATE: 'Action has no due date',
  PLAN_PURSUE_ONLY: 'Unbalanced 4P plan',
  PLAN_NO_PARTNER: 'No partner engagement',
  DISRUPTION_NOT_ON_APMIS: 'Disruption not on APMIS',
  POSSIBLE_UNMET_DEMAND: 'Possible unmet demand',
  LRO_UNTRAINED: 'LRO untrained',
  LRO_OVERLOADED: 'LRO overloaded',
  MORILE_OVERDUE: 'MoRiLE overdue',
  MORILE_UNMODERATED: 'MoRiLE unmoderated',
  ORDER_NOT_MONITORED: 'Order not monitored',
  ARCHIVED_WITH_OPEN_ACTIONS: 'Archived with open actions',
};

/** What each flag means, in a sentence, for a legend or a settings page. */
export const FLAG_DESCRIPTIONS: Record<FlagCode, string> = {
  THREAT_NO_LRO: 'A live threat has had no lead responsible officer for too long after mapping.',
  THREAT_NO_PLAN: 'A live threat has had no active 4P plan for too long after mapping.',
  PLAN_NEVER_REVIEWED: 'An active plan has never been reviewed and its first review date has passed.',
  PLAN_REVIEW_OVERDUE: 'The next review date of an active plan has passed (an alert once a whole cadence has passed too).',
  PLAN_CHANGED_SINCE_REVIEW: 'The plan has changed materially since its last review.',
  ACTION_OVERDUE: 'An open action is past its due date.',
  ACTION_STALE: 'An open action has had no update for too long.',
  ACTION_NO_OWNER: 'An open action has nobody, and no partner agency, to own it.',
  ACTION_NO_DUE_DATE: 'An open action has no due date.',
  PLAN_PURSUE_ONLY: 'Open actions lean on Pursue: none in Prevent or Protect, or too large a share in Pursue (a warning when there is no Prepare action).',
  PLAN_NO_PARTNER: 'No partner engagement has been recorded on the plan recently.',
  DISRUPTION_NOT_ON_APMIS: 'A disruption has no APMIS reference some days after it happened.',
  POSSIBLE_UNMET_DEMAND: 'No disruption and no completed action for a long time, and no unmet demand recorded.',
  LRO_UNTRAINED: 'An LRO holds a live threat without a completed, current LRO course.',
  LRO_OVERLOADED: 'An LRO holds too many live threats.',
  MORILE_OVERDUE: 'A live threat has had no MoRiLE assessment for too long.',
  MORILE_UNMODERATED: 'The latest MoRiLE assessment of a live threat has waited too long for moderation.',
  ORDER_NOT_MONITORED: 'An ancillary order has had no compliance check for too long (an alert), or expires soon (a warning).',
  ARCHIVED_WITH_OPEN_ACTIONS: 'An archived threat still has open actions.',
};

/** A stable identity for a flag: the same flag computed twice has the same key. */
export function flagKey(flag: Pick<ComplianceFlag, 'code' | 'severity' | 'subject'>): string {
  return `${flag.code}:${flag.subject.kind}:${flag.subject.id}:${flag.severity}`;
}

const severityRank: Record<FlagSeverity, number> = { alert: 0, warning: 1 };

/** Alerts first, then in the order of FLAG_CODES, then by subject: how every list shows flags. */
export function compareFlags(a: ComplianceFlag, b: ComplianceFlag): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code) ||
    a.message.localeCompare(b.message)
  );
}

/**
 * Where a person goes to clear a flag. Pages that later issues add (training, MoRiLE,
 * disruptions) are reached from the threat page until they exist.
 */
export function flagHref(flag: Pick<ComplianceFlag, 'code' | 'subject' | 'threatId'>): string {
  const threat = flag.threatId ? `/threats/${flag.threatId}` : null;
  switch (flag.code) {
    case 'THREAT_NO_LRO':
      return `${threat}/lro`;
    case 'THREAT_NO_PLAN':
      return `${threat}/plan`;
    case 'PLAN_NEVER_REVIEWED':
    case 'PLAN_REVIEW_OVERDUE':
    case 'PLAN_CHANGED_SINCE_REVIEW':
      // The plan page shows its reviews, and offers "Review this plan" to those who may.
      return `${threat}/plan#reviews`;
    case 'ACTION_OVERDUE':
    case 'ACTION_STALE':
    case 'ACTION_NO_OWNER':
    case 'ACTION_NO_DUE_DATE':
      return `${threat}/plan/actions/${flag.subject.id}`;
    case 'PLAN_PURSUE_ONLY':
      return `${threat}/plan/actions/new`;
    case 'PLAN_NO_PARTNER':
      return `${threat}/plan/engagements/new`;
    case 'ARCHIVED_WITH_OPEN_ACTIONS':
      return `${threat}/plan`;
    case 'LRO_UNTRAINED':
    case 'LRO_OVERLOADED':
      // The officer's page in the LRO register: their threats, caseload and training.
      return `/lros/${encodeURIComponent(flag.subject.id)}`;
    case 'MORILE_OVERDUE':
    case 'MORILE_UNMODERATED':
      // The MoRiLE page: the history, "Record an assessment", and "Moderate" for co-ordinators.
      return `${threat}/morile`;
    case 'DISRUPTION_NOT_ON_APMIS':
      // The threat's disruptions, each with "Add APMIS reference".
      return `${threat}/disruptions`;
    case 'POSSIBLE_UNMET_DEMAND':
      // Recording unmet demand on the threat clears it (lib/domain/compliance/rules.ts).
      return `${threat}/unmet-demand/new`;
    case 'ORDER_NOT_MONITORED':
      // The order's page, which offers "Record a compliance check".
      return `/orders/${encodeURIComponent(flag.subject.id)}`;
  }
}
