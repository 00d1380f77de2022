/**
 * The domain's closed vocabularies and the words people see for them. Codes match the database
 * enums (prisma/schema.prisma); labels are what a police user reads on screen and in exports.
 */

export const THREAT_TYPES = ['OCG', 'PRIORITY_INDIVIDUAL', 'VULNERABILITY'] as const;
export type ThreatType = (typeof THREAT_TYPES)[number];
export const THREAT_TYPE_LABELS: Record<ThreatType, string> = {
  OCG: 'Organised crime group',
  PRIORITY_INDIVIDUAL: 'Priority individual',
  VULNERABILITY: 'Vulnerability',
};

export const THREAT_STATUSES = ['MAPPED', 'ACTIVE', 'ARCHIVED'] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];
export const THREAT_STATUS_LABELS: Record<ThreatStatus, string> = {
  MAPPED: 'Mapped',
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
};

export const THREAT_AREAS = [
  'DRUGS',
  'COUNTY_LINES',
  'FRAUD',
  'ECONOMIC_CRIME',
  'MODERN_SLAVERY_HUMAN_TRAFFICKING',
  'ORGANISED_IMMIGRATION_CRIME',
  'FIREARMS',
  'CYBER',
  'ORGANISED_ACQUISITIVE_CRIME',
  'CHILD_SEXUAL_ABUSE',
  'MONEY_LAUNDERING',
  'BORDERS',
  'OTHER',
] as const;
export type ThreatArea = (typeof THREAT_AREAS)[number];
export const THREAT_AREA_LABELS: Record<ThreatArea, string> = {
  DRUGS: 'Drugs',
  COUNTY_LINES: 'County lines',
  FRAUD: 'Fraud',
  ECONOMIC_CRIME: 'Economic crime',
  MODERN_SLAVERY_HUMAN_TRAFFICKING: 'Modern slavery and human trafficking',
  ORGANISED_IMMIGRATION_CRIME: 'Organised immigration crime',
  FIREARMS: 'Firearms',
  CYBER: 'Cyber crime',
  ORGANISED_ACQUISITIVE_CRIME: 'Organised acquisitive crime',
  CHILD_SEXUAL_ABUSE: 'Child sexual abuse',
  MONEY_LAUNDERING: 'Money laundering',
  BORDERS: 'Borders',
  OTHER: 'Other',
};

export const TIERS = [1, 2, 3, 4, 5] as const;

export const STRANDS = ['PURSUE', 'PREVENT', 'PROTECT', 'PREPARE'] as const;
export type Strand = (typeof STRANDS)[number];
export const STRAND_LABELS: Record<Strand, string> = {
  PURSUE: 'Pursue',
  PREVENT: 'Prevent',
  PROTECT: 'Protect',
  PREPARE: 'Prepare',
};

export const PLAN_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { DRAFT: 'Draft', ACTIVE: 'Active', CLOSED: 'Closed' };

export const ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  COMPLETE: 'Complete',
  CANCELLED: 'Cancelled',
};
/** Open actions are those still to be done: the flags and the 4P balance count only these. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'];

/** How a partner agency was engaged on a plan. */
export const ENGAGEMENT_KINDS = ['CONSULTED', 'TASKED', 'MEETING'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, string> = { CONSULTED: 'Consulted', TASKED: 'Tasked', MEETING: 'Meeting' };
export const ENGAGEMENT_KIND_HINTS: Record<EngagementKind, string> = {
  CONSULTED: 'The partner was asked for their view on the plan',
  TASKED: 'The partner was given work to do under the plan',
  MEETING: 'The partner took part in a meeting about the threat',
};

export const CONFIDENCE_LABELS = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' } as const;
export const MORILE_PRIORITY_LABELS = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' } as const;

export const ROLE_LABELS = {
  LRO: 'Lead responsible officer',
  ACTION_OWNER: 'Action owner',
  MANAGER: 'Manager',
  COORDINATOR: 'SOC co-ordinator',
  ADMIN: 'Administrator',
} as const;

/** Threats still being tackled: the compliance flags, caseloads and counts consider only these. */
export const LIVE_THREAT_STATUSES: readonly ThreatStatus[] = ['MAPPED', 'ACTIVE'];

export const REVIEW_OUTCOMES = ['SATISFACTORY', 'CHANGES_REQUIRED', 'ESCALATED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  SATISFACTORY: 'Satisfactory',
  CHANGES_REQUIRED: 'Changes required',
  ESCALATED: 'Escalated',
};

export const ORDER_KINDS = ['SCPO', 'STRO', 'SLAVERY_TRAFFICKING_PREVENTION_ORDER', 'CLOSURE_ORDER', 'GANG_INJUNCTION', 'OTHER'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  SCPO: 'Serious crime prevention order',
  STRO: 'Slavery and trafficking risk order',
  SLAVERY_TRAFFICKING_PREVENTION_ORDER: 'Slavery and trafficking prevention order',
  CLOSURE_ORDER: 'Closure order',
  GANG_INJUNCTION: 'Gang injunction',
  OTHER: 'Ancillary order',
};

/** Unmet demand (issue 6): why a SOC threat cannot be appropriately tackled. */
export const SHORTFALLS = ['CAPACITY', 'CAPABILITY'] as const;
export type Shortfall = (typeof SHORTFALLS)[number];
export const SHORTFALL_LABELS: Record<Shortfall, string> = {
  CAPACITY: 'Capacity',
  CAPABILITY: 'Capability',
};

export const CAPABILITIES_NEEDED = [
  'SURVEILLANCE',
  'ANALYSIS',
  'FINANCIAL_INVESTIGATION',
  'DIGITAL_FORENSICS',
  'COVERT_HUMAN_INTELLIGENCE',
  'INTERCEPTION',
  'SPECIALIST_FIREARMS',
  'INVESTIGATORS',
  'OTHER',
] as const;
export type CapabilityNeeded = (typeof CAPABILITIES_NEEDED)[number];
export const CAPABILITY_NEEDED_LABELS: Record<CapabilityNeeded, string> = {
  SURVEILLANCE: 'Surveillance',
  ANALYSIS: 'Analysis',
  FINANCIAL_INVESTIGATION: 'Financial investigation',
  DIGITAL_FORENSICS: 'Digital forensics',
  COVERT_HUMAN_INTELLIGENCE: 'Covert human intelligence',
  INTERCEPTION: 'Interception',
  SPECIALIST_FIREARMS: 'Specialist firearms',
  INVESTIGATORS: 'Investigators',
  OTHER: 'Other',
};
