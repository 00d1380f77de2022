/**
 * The plain records the compliance rules read: rows as the database holds them, nothing
 * pre-computed, so the rules (rules.ts) and the SQL (lib/db/compliance-sql.ts) start from the
 * same facts. Dates are instants; calendar dates (due dates, mapping dates) are stored as UTC
 * midnight of the day.
 */
import type { ActionStatus, PlanStatus, Strand, ThreatStatus } from '@/lib/domain/vocabulary';

export type ActionComplianceRecord = {
  id: string;
  description: string;
  strand: Strand;
  status: ActionStatus;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  dueOn: Date | null;
  /** The latest update in the action's log, or its creation. */
  lastUpdatedAt: Date;
  completedAt: Date | null;
};

export type PlanComplianceRecord = {
  id: string;
  status: PlanStatus;
  activatedAt: Date | null;
  /** Set by the latest review. */
  nextReviewDue: Date | null;
  materiallyChangedAt: Date | null;
  reviews: readonly { id: string; reviewedAt: Date }[];
  engagements: readonly { engagedOn: Date }[];
  actions: readonly ActionComplianceRecord[];
};

export type ThreatComplianceRecord = {
  id: string;
  urn: string;
  name: string;
  status: ThreatStatus;
  tier: number;
  mappedOn: Date;
  organisationId: string;
  leadResponsibleOfficerId: string | null;
  /** Every plan of the threat: at most one DRAFT or ACTIVE (the live plan), any number CLOSED. */
  plans: readonly PlanComplianceRecord[];
  disruptions: readonly { id: string; reference: string; disruptedOn: Date; apmisReference: string | null }[];
  unmetDemand: readonly { id: string; raisedOn: Date; resolvedOn: Date | null }[];
  assessments: readonly { id: string; assessedOn: Date; moderatedAt: Date | null }[];
};

/** An officer as the LRO flags read them. */
export type OfficerComplianceRecord = {
  id: string;
  name: string;
  organisationId: string;
  /** Threats on which the officer is the LRO (any status: the rules count the live ones). */
  threatsLed: readonly { id: string; status: ThreatStatus }[];
  trainingRecords: readonly { kind: 'LRO_COURSE' | 'IMMERSIVE_LEARNING' | 'SOC_TACTICAL_ADVISER_INPUT' | 'OTHER'; completedOn: Date; expiresOn: Date | null }[];
};

export type OrderComplianceRecord = {
  id: string;
  kind: string;
  subjectName: string;
  threatId: string | null;
  organisationId: string;
  startsOn: Date;
  expiresOn: Date | null;
  lastComplianceCheckOn: Date | null;
};
