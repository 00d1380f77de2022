import 'server-only';
import type { ActionConfig } from './authed-action';
import type { Tx } from '@/lib/db/client';
import { loadPlanResource, markPlanMateriallyChanged } from '@/lib/db/plan-resources';
import { findPartnerOrganisation, isEligiblePlanOwner, loadObjectiveResource, planDetailsForAudit, threatOrganisationPath } from '@/lib/db/plans';
import { lastChangeOf, loadThreatResource } from '@/lib/db/threats';
import { reviewCadenceForThreat } from '@/lib/db/reviews';
import { firstReviewDue } from '@/lib/domain/review-diff';
import { AppError, conflict } from '@/lib/errors';
import {
  activatePlanSchema,
  closePlanSchema,
  createObjectiveSchema,
  createPlanSchema,
  recordEngagementSchema,
  updateObjectiveSchema,
  updatePlanDetailsSchema,
} from '@/lib/validation/plan';
import type { PlanStatus } from '@/lib/domain/vocabulary';

// The 4P plan's writes. Each is an ActionConfig run by authedAction (lib/services/authed-action.ts):
// the plan (or its threat) is loaded within the user's scope, the policy is asked for plan:edit
// on the threat, and the write and its audit event (always with threatId, so the plan's history
// shows it) commit together.

type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlanResource>>>['record'];
type LoadedObjective = NonNullable<Awaited<ReturnType<typeof loadObjectiveResource>>>['record'];
type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadThreatResource>>>['record'];

export const PLAN_EXISTS_MESSAGE = 'This threat already has a live 4P plan. Open it from the threat page.';
export const PLAN_CLOSED_MESSAGE = 'This 4P plan is closed. A closed plan cannot be changed.';
export const NO_OBJECTIVES_MESSAGE = 'Add at least one objective before making the plan active';

/** A closed plan is the record of what was done: nothing on it changes any more. */
function refuseIfClosed(status: PlanStatus | string): void {
  if (status === 'CLOSED') throw new AppError('FORBIDDEN', PLAN_CLOSED_MESSAGE);
}

/** Bumps the plan's version if it is still the one the user saw; otherwise a conflict naming who changed it. */
async function bumpPlanVersion(tx: Tx, planId: string, version: number, data: Record<string, unknown>, statusWas?: PlanStatus): Promise<void> {
  const { count } = await tx.fourPPlan.updateMany({
    where: { id: planId, version, ...(statusWas ? { status: statusWas } : {}) },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const last = await lastChangeOf(tx, 'FourPPlan', planId);
    throw conflict(last?.by ?? null, last?.at ?? new Date());
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Create a threat's 4P plan, as a DRAFT. One live plan per threat: `liveThreatId` is unique, so
 * the database refuses a second even when two people press the button at once; the check first
 * gives the usual case a clear message without relying on the error.
 */
export const createPlan: ActionConfig<typeof createPlanSchema, LoadedThreat, { planId: string }> = {
  name: 'plan.create',
  schema: createPlanSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadThreatResource(tx, user, input.threatId),
  async handler({ input, record, user, tx }) {
    const existing = await tx.fourPPlan.findUnique({ where: { liveThreatId: input.threatId }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', PLAN_EXISTS_MESSAGE);
    const now = new Date();
    let plan: { id: string };
    try {
      plan = await tx.fourPPlan.create({
        data: {
          threatId: input.threatId,
          liveThreatId: input.threatId,
          status: 'DRAFT',
          // The LRO owns the plan until someone says otherwise (the national template's default).
          planOwnerUserId: record.leadResponsibleOfficerId,
          materiallyChangedAt: now,
          updatedById: user.id,
        },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', PLAN_EXISTS_MESSAGE);
      throw error;
    }
    const after = await planDetailsForAudit(tx, plan.id);
    return {
      data: { planId: plan.id },
      message: '4P plan created',
      audit: {
        action: 'plan.create',
        entityType: 'FourPPlan',
        entityId: plan.id,
        organisationId: record.organisationId,
        threatId: input.threatId,
        after: { status: 'DRAFT', ...after },
      },
    };
  },
};

/** Intelligence gaps and plan owner: a material change, guarded by the plan's version. */
export const updatePlanDetails: ActionConfig<typeof updatePlanDetailsSchema, LoadedPlan, { version: number }> = {
  name: 'plan.update',
  schema: updatePlanDetailsSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, user, tx }) {
    refuseIfClosed(record.status);
    const ownerUserId = input.ownerKind === 'USER' ? input.ownerUserId : null;
    const ownerOrganisationId = input.ownerKind === 'ORGANISATION' ? input.ownerOrganisationId : null;
    if (ownerUserId && !(await isEligiblePlanOwner(tx, await threatOrganisationPath(tx, record.threatId), ownerUserId))) {
      throw new AppError('VALIDATION', 'There is a problem', { ownerUserId: ['Select an officer from the list'] });
    }
    if (ownerOrganisationId && !(await findPartnerOrganisation(tx, ownerOrganisationId))) {
      throw new AppError('VALIDATION', 'There is a problem', { ownerOrganisationId: ['Select a partner organisation from the list'] });
    }
    const before = await planDetailsForAudit(tx, record.id);
    const now = new Date();
    await bumpPlanVersion(tx, record.id, input.version, {
      intelligenceGaps: input.intelligenceGaps || null,
      planOwnerUserId: ownerUserId,
      planOwnerOrganisationId: ownerOrganisationId,
      updatedById: user.id,
    });
    await markPlanMateriallyChanged(tx, record.id, now);
    const after = await planDetailsForAudit(tx, record.id);
    return {
      data: { version: input.version + 1 },
      message: 'Plan details saved',
      audit: { action: 'plan.update', entityType: 'FourPPlan', entityId: record.id, organisationId: record.organisationId, threatId: record.threatId, before, after },
    };
  },
};

/** Add an objective to a strand, at the end of that strand's list. */
export const createObjective: ActionConfig<typeof createObjectiveSchema, LoadedPlan, { objectiveId: string }> = {
  name: 'objective.create',
  schema: createObjectiveSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, tx }) {
    refuseIfClosed(record.status);
    const last = await tx.objective.aggregate({ where: { planId: record.id, strand: input.strand }, _max: { position: true } });
    const objective = await tx.objective.create({
      data: { planId: record.id, strand: input.strand, title: input.title, successMeasure: input.successMeasure, position: (last._max.position ?? 0) + 1 },
      select: { id: true },
    });
    await markPlanMateriallyChanged(tx, record.id);
    return {
      data: { objectiveId: objective.id },
      message: 'Objective added',
      audit: {
        action: 'objective.create',
        entityType: 'Objective',
        entityId: objective.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        after: { strand: input.strand, title: input.title, successMeasure: input.successMeasure },
      },
    };
  },
};

/**
 * Change an objective. Objectives have no version column, so the time of their last change (as
 * the editor saw it) guards against lost updates. An objective with actions keeps its strand:
 * its actions belong to that strand.
 */
export const updateObjective: ActionConfig<typeof updateObjectiveSchema, LoadedObjective, { objectiveId: string }> = {
  name: 'objective.update',
  schema: updateObjectiveSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadObjectiveResource(tx, user, input.objectiveId),
  async handler({ input, record, tx }) {
    const { plan, objective } = record;
    refuseIfClosed(plan.status);
    if (input.strand !== objective.strand && objective.actionCount > 0) {
      throw new AppError('VALIDATION', 'There is a problem', { strand: ['An objective with actions cannot move to another strand'] });
    }
    const seen = new Date(input.lastUpdatedAt);
    const { count } = Number.isNaN(seen.getTime())
      ? { count: 0 }
      : await tx.objective.updateMany({
          where: { id: objective.id, updatedAt: seen },
          data: { strand: input.strand, title: input.title, successMeasure: input.successMeasure },
        });
    if (count === 0) {
      const last = await lastChangeOf(tx, 'Objective', objective.id);
      throw conflict(last?.by ?? null, last?.at ?? objective.updatedAt);
    }
    await markPlanMateriallyChanged(tx, plan.id);
    return {
      data: { objectiveId: objective.id },
      message: 'Objective saved',
      audit: {
        action: 'objective.update',
        entityType: 'Objective',
        entityId: objective.id,
        organisationId: plan.organisationId,
        threatId: plan.threatId,
        before: { strand: objective.strand, title: objective.title, successMeasure: objective.successMeasure },
        after: { strand: input.strand, title: input.title, successMeasure: input.successMeasure },
      },
    };
  },
};

/** DRAFT -> ACTIVE, once the plan says what it is for (at least one objective). */
export const activatePlan: ActionConfig<typeof activatePlanSchema, LoadedPlan, { version: number }> = {
  name: 'plan.activate',
  schema: activatePlanSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, user, tx }) {
    refuseIfClosed(record.status);
    if (record.status === 'ACTIVE') throw new AppError('CONFLICT', 'The plan is already active');
    if ((await tx.objective.count({ where: { planId: record.id } })) === 0) {
      throw new AppError('VALIDATION', NO_OBJECTIVES_MESSAGE);
    }
    const activatedAt = new Date();
    // The first review falls due one cadence (for the threat's tier) after activation: stored, so
    // the review queue sorts by the one column whether or not a plan has been reviewed yet.
    const nextReviewDue = firstReviewDue(activatedAt, await reviewCadenceForThreat(tx, record.threatId));
    await bumpPlanVersion(tx, record.id, input.version, { status: 'ACTIVE', activatedAt, nextReviewDue, updatedById: user.id }, 'DRAFT');
    return {
      data: { version: input.version + 1 },
      message: 'The plan is now active',
      audit: {
        action: 'plan.activate',
        entityType: 'FourPPlan',
        entityId: record.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { status: 'DRAFT' },
        after: { status: 'ACTIVE', activatedAt: activatedAt.toISOString(), nextReviewDue: nextReviewDue.toISOString().slice(0, 10) },
      },
    };
  },
};

/**
 * ACTIVE -> CLOSED with the closure debrief. Freeing `liveThreatId` lets the threat have a new
 * plan; the closed one stays, read only, with its history.
 */
export const closePlan: ActionConfig<typeof closePlanSchema, LoadedPlan, { version: number }> = {
  name: 'plan.close',
  schema: closePlanSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, user, tx }) {
    refuseIfClosed(record.status);
    if (record.status !== 'ACTIVE') throw new AppError('VALIDATION', 'Only an active plan can be closed. Make the plan active first.');
    const closedAt = new Date();
    const debrief = { closureOutcome: input.outcome, closureWhatWorked: input.whatWorked, closureLearning: input.learning };
    await bumpPlanVersion(tx, record.id, input.version, { status: 'CLOSED', closedAt, liveThreatId: null, ...debrief, updatedById: user.id }, 'ACTIVE');
    return {
      data: { version: input.version + 1 },
      message: 'The plan is closed',
      audit: {
        action: 'plan.close',
        entityType: 'FourPPlan',
        entityId: record.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { status: 'ACTIVE' },
        after: { status: 'CLOSED', closedAt: closedAt.toISOString(), ...debrief },
      },
    };
  },
};

/** Record that a partner agency was consulted, tasked or met about the plan. */
export const recordPartnerEngagement: ActionConfig<typeof recordEngagementSchema, LoadedPlan, { engagementId: string }> = {
  name: 'engagement.create',
  schema: recordEngagementSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, user, tx }) {
    refuseIfClosed(record.status);
    const partner = await findPartnerOrganisation(tx, input.partnerOrganisationId);
    if (!partner) throw new AppError('VALIDATION', 'There is a problem', { partnerOrganisationId: ['Select a partner organisation from the list'] });
    const engagedOn = input.engagedOn!;
    const engagement = await tx.partnerEngagement.create({
      data: { planId: record.id, partnerOrganisationId: partner.id, engagedOn: new Date(`${engagedOn}T00:00:00.000Z`), kind: input.kind, summary: input.summary, recordedById: user.id },
      select: { id: true },
    });
    return {
      data: { engagementId: engagement.id },
      message: 'Partner engagement recorded',
      audit: {
        action: 'engagement.create',
        entityType: 'PartnerEngagement',
        entityId: engagement.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        after: { partner: partner.name, partnerOrganisationId: partner.id, engagedOn, kind: input.kind, summary: input.summary },
      },
    };
  },
};
