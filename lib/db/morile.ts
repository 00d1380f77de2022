import 'server-only';
import { prisma, type Prisma, type Tx } from './client';
import { findThreatInScope, ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import { getEffectiveThresholds } from './settings';
import type { Actor } from '@/lib/auth/policy';
import { moderationOutcome, type Confidence, type ModerationFacts, type ModerationOutcome, type MorilePriority } from '@/lib/domain/morile';
import { reviewCadenceDays, type ComplianceThresholds } from '@/lib/domain/settings';
import type { PlanStatus, ThreatStatus } from '@/lib/domain/vocabulary';

// MoRiLE assessments of a threat (issue 5, "MoRiLE assessments"): the threat page's MoRiLE
// history, the records the writes load within the user's scope, and what moderating one would do
// (lib/domain/morile.ts moderationOutcome), read the same way by the confirmation page and by the
// write itself.

type Db = Pick<Tx, 'socThreat' | 'morileAssessment' | 'fourPPlan' | 'planReview' | 'complianceSettings' | 'action'>;

export type AssessmentRow = {
  id: string;
  assessedOn: Date;
  harm: number;
  likelihood: number;
  riskScore: number;
  confidence: Confidence;
  priority: MorilePriority;
  tier: number;
  notes: string | null;
  assessedById: string | null;
  assessedByName: string | null;
  moderatedAt: Date | null;
  moderatedByName: string | null;
  nextReassessmentDue: Date;
  createdAt: Date;
};

const assessmentSelect = {
  id: true,
  assessedOn: true,
  harm: true,
  likelihood: true,
  riskScore: true,
  confidence: true,
  priority: true,
  tier: true,
  notes: true,
  assessedById: true,
  assessedBy: { select: { name: true } },
  moderatedAt: true,
  moderatedBy: { select: { name: true } },
  nextReassessmentDue: true,
  createdAt: true,
} as const;

type AssessmentSelected = {
  id: string;
  assessedOn: Date;
  harm: number;
  likelihood: number;
  riskScore: number;
  confidence: string;
  priority: string;
  tier: number;
  notes: string | null;
  assessedById: string | null;
  assessedBy: { name: string } | null;
  moderatedAt: Date | null;
  moderatedBy: { name: string } | null;
  nextReassessmentDue: Date;
  createdAt: Date;
};

function toAssessmentRow(row: AssessmentSelected): AssessmentRow {
  const { assessedBy, moderatedBy, ...rest } = row;
  return {
    ...rest,
    confidence: row.confidence as Confidence,
    priority: row.priority as MorilePriority,
    assessedByName: assessedBy?.name ?? null,
    moderatedByName: moderatedBy?.name ?? null,
  };
}

/** Newest first: by date assessed, then the one recorded later, then id (compareAssessments reversed). */
const newestFirst = [{ assessedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] as const;

/** A threat's assessments are a handful a year: the history shows them all, up to this many. */
export const ASSESSMENT_HISTORY_LIMIT = 200;

/** Every assessment of a threat, newest first. The caller has checked access to the threat. */
export async function listThreatAssessments(threatId: string): Promise<AssessmentRow[]> {
  const rows = await prisma.morileAssessment.findMany({ where: { threatId }, orderBy: [...newestFirst], take: ASSESSMENT_HISTORY_LIMIT, select: assessmentSelect });
  return rows.map(toAssessmentRow);
}

const threatFactsSelect = {
  id: true,
  urn: true,
  name: true,
  tier: true,
  status: true,
  mappedOn: true,
  version: true,
  organisationId: true,
  organisation: { select: { name: true, path: true } },
  livePlan: {
    select: {
      id: true,
      status: true,
      activatedAt: true,
      nextReviewDue: true,
      reviews: { orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }], take: 1, select: { reviewedAt: true } },
    },
  },
} satisfies Prisma.SocThreatSelect;

type ThreatFactsRow = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  status: string;
  mappedOn: Date;
  version: number;
  organisationId: string;
  organisation: { name: string; path: string };
  livePlan: { id: string; status: string; activatedAt: Date | null; nextReviewDue: Date | null; reviews: { reviewedAt: Date }[] } | null;
};

export type MorileThreat = {
  id: string;
  urn: string;
  name: string;
  tier: number;
  status: ThreatStatus;
  mappedOn: Date;
  version: number;
  organisationId: string;
  organisationName: string;
  organisationPath: string;
  /** The live plan (DRAFT or ACTIVE), with its last review, if any. */
  livePlan: { id: string; status: PlanStatus; activatedAt: Date | null; nextReviewDue: Date | null; lastReviewedAt: Date | null } | null;
};

function toMorileThreat(row: ThreatFactsRow): MorileThreat {
  return {
    id: row.id,
    urn: row.urn,
    name: row.name,
    tier: row.tier,
    status: row.status as ThreatStatus,
    mappedOn: row.mappedOn,
    version: row.version,
    organisationId: row.organisationId,
    organisationName: row.organisation.name,
    organisationPath: row.organisation.path,
    livePlan: row.livePlan
      ? {
          id: row.livePlan.id,
          status: row.livePlan.status as PlanStatus,
          activatedAt: row.livePlan.activatedAt,
          nextReviewDue: row.livePlan.nextReviewDue,
          lastReviewedAt: row.livePlan.reviews[0]?.reviewedAt ?? null,
        }
      : null,
  };
}

/**
 * A threat for the MoRiLE pages, within the user's threat:read scope, with its policy resource
 * (the pages ask plan:read, morile:assess or morile:moderate of it), the thresholds in force for
 * its organisation and the review cadence of its tier. Null when out of scope.
 */
export async function getMorileThreat(user: Actor, threatId: string) {
  const found = await findThreatInScope(prisma, user, threatId, threatFactsSelect);
  if (!found) return null;
  const threat = toMorileThreat(found.row);
  const thresholds = await getEffectiveThresholds(threat.organisationPath);
  return {
    threat,
    thresholds,
    cadenceDays: reviewCadenceDays(thresholds, threat.tier),
    resource: found.resource,
  };
}

/** The threat an assessment is recorded against, within the user's scope, for the write. */
export async function loadAssessmentThreat(db: Db, user: Actor, threatId: string) {
  const found = await findThreatInScope(db, user, threatId, threatFactsSelect);
  return found && { record: toMorileThreat(found.row), resource: found.resource };
}

/** An assessment with its threat's policy resource, within the user's scope (null when out of it). */
export async function loadAssessmentResource(db: Db, user: Actor, assessmentId: string) {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await db.morileAssessment.findFirst({
    where: { id: assessmentId, threat: scope },
    select: { ...assessmentSelect, threat: { select: threatPolicySelect } },
  });
  if (!row) return null;
  const { threat, ...assessment } = row;
  return {
    record: { ...toAssessmentRow(assessment), threatId: threat.id, organisationId: threat.organisationId },
    resource: toThreatResource(threat, user, await ownsActionOnThreat(db, user, threat.id)),
  };
}

export type ModerationPreview = {
  threat: MorileThreat;
  thresholds: ComplianceThresholds;
  outcome: ModerationOutcome;
};

/**
 * What moderating the assessment would do to its threat now: the threat, the thresholds of its
 * organisation, and moderationOutcome of every assessment of the threat. Read in the write's
 * transaction by the write, and by the confirmation page, so both say the same.
 */
export async function getModerationPreview(assessmentId: string, db: Db = prisma): Promise<ModerationPreview> {
  const assessment = await db.morileAssessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { id: true, threatId: true, assessedOn: true, createdAt: true, tier: true } });
  const [row, assessments] = await Promise.all([
    db.socThreat.findUniqueOrThrow({ where: { id: assessment.threatId }, select: threatFactsSelect }),
    db.morileAssessment.findMany({ where: { threatId: assessment.threatId }, select: { id: true, assessedOn: true, createdAt: true, moderatedAt: true, tier: true } }),
  ]);
  const threat = toMorileThreat(row);
  const thresholds = await getEffectiveThresholds(threat.organisationPath, db);
  const plan = threat.livePlan?.status === 'ACTIVE' ? threat.livePlan : null;
  const facts: ModerationFacts = {
    assessment,
    assessments,
    threatTier: threat.tier,
    activePlan: plan ? { activatedAt: plan.activatedAt, lastReviewedAt: plan.lastReviewedAt, nextReviewDue: plan.nextReviewDue } : null,
    cadenceDays: (tier) => reviewCadenceDays(thresholds, tier),
  };
  return { threat, thresholds, outcome: moderationOutcome(facts) };
}

/** Who last moderated an assessment and when, for a refusal message (null if nobody has). */
export async function assessmentModeration(db: Pick<Tx, 'morileAssessment'>, assessmentId: string) {
  const row = await db.morileAssessment.findUnique({ where: { id: assessmentId }, select: { moderatedAt: true, moderatedBy: { select: { name: true } } } });
  return row?.moderatedAt ? { at: row.moderatedAt, by: row.moderatedBy?.name ?? null } : null;
}

/** One assessment of a threat (null when it is not that threat's). The caller has checked access to the threat. */
export async function getThreatAssessment(threatId: string, assessmentId: string): Promise<AssessmentRow | null> {
  const row = await prisma.morileAssessment.findFirst({ where: { id: assessmentId, threatId }, select: assessmentSelect });
  return row ? toAssessmentRow(row) : null;
}
