import 'server-only';
import type { z } from 'zod';
import type { ActionConfig, Loaded } from './authed-action';
import type { Tx } from '@/lib/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { loadActionResource, loadPlanResource, markPlanMateriallyChanged } from '@/lib/db/plan-resources';
import { findPlanObjective, getActionState, isEligibleActionOwner, isPartnerOrganisation, lastActionChange } from '@/lib/db/actions';
import { AppError, conflict } from '@/lib/errors';
import {
  cancelActionSchema,
  createActionSchema,
  editActionSchema,
  recordActionUpdateSchema,
} from '@/lib/validation/action';

type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlanResource>>>['record'];
type LoadedAction = NonNullable<Awaited<ReturnType<typeof loadActionResource>>>['record'];

// Messages for refusals that are not about one field.
export const CLOSED_PLAN_MESSAGE = 'This plan is closed. Its actions can no longer be added to or changed.';
export const CANCELLED_ACTION_MESSAGE = 'This action has been cancelled. It can no longer be changed or updated.';

function refuse(message: string): AppError {
  return new AppError('VALIDATION', message, { _form: [message] });
}

function assertPlanOpen(planStatus: string) {
  if (planStatus === 'CLOSED') throw refuse(CLOSED_PLAN_MESSAGE);
}

/** Plan edits are asked of the action's threat (plan:edit is a right over the plan, not the action). */
async function loadActionForPlanEdit({ user, input, tx }: { user: CurrentUser; input: { actionId: string }; tx: Tx }): Promise<Loaded<LoadedAction> | null> {
  const loaded = await loadActionResource(tx, user, input.actionId);
  if (!loaded) return null;
  return { record: loaded.record, resource: loaded.resource.threat };
}

type ActionFieldsOutput = z.output<typeof createActionSchema>;

/** The UTC midnight of an ISO date, which is how the database keeps calendar dates. */
const calendarDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Checks what the schema cannot: the objective belongs to this plan and strand, and the owner is
 * someone who may own an action here (or a partner organisation). All problems at once, on their
 * fields. `keepOwnerUserId` accepts the current owner unchanged on an edit, even if they would no
 * longer be offered.
 */
async function resolveActionFields(tx: Tx, plan: { id: string; threatId: string }, input: ActionFieldsOutput | z.output<typeof editActionSchema>, keepOwnerUserId: string | null = null) {
  const fieldErrors: Record<string, string[]> = {};
  let objectiveId: string | null = null;
  if (input.objectiveId) {
    const objective = await findPlanObjective(tx, plan.id, input.objectiveId);
    if (!objective) fieldErrors.objectiveId = ['Select an objective from the list'];
    else if (objective.strand !== input.strand) fieldErrors.objectiveId = ['Select an objective of the strand you chose, or no objective'];
    else objectiveId = objective.id;
  }
  let owner: { ownerUserId: string | null; ownerOrganisationId: string | null; ownerContactName: string | null };
  if (input.ownerKind === 'USER') {
    const eligible = input.ownerUserId === keepOwnerUserId || (await isEligibleActionOwner(tx, plan.threatId, input.ownerUserId));
    if (!eligible) fieldErrors.ownerUserId = ['Select the officer who owns the action from the list'];
    owner = { ownerUserId: input.ownerUserId, ownerOrganisationId: null, ownerContactName: null };
  } else {
    if (!(await isPartnerOrganisation(tx, input.ownerOrganisationId))) fieldErrors.ownerOrganisationId = ['Select the partner organisation from the list'];
    owner = { ownerUserId: null, ownerOrganisationId: input.ownerOrganisationId, ownerContactName: input.ownerContactName };
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'There is a problem', fieldErrors);
  return {
    strand: input.strand,
    objectiveId,
    description: input.description,
    ...owner,
    dueOn: input.dueDate ? calendarDate(input.dueDate) : null,
  };
}

/** Refuses a save from an old version, naming who changed the action since, and when. */
async function conflictOn(tx: Tx, actionId: string): Promise<never> {
  const last = await lastActionChange(tx, actionId);
  throw conflict(last?.by ?? null, last?.at ?? new Date());
}

/**
 * Add an action to a live plan: strand, optional objective of that strand, description, owner (an
 * officer, or a partner organisation with a named contact), due date. A material change to the
 * plan (its review will show it).
 */
export const createAction: ActionConfig<typeof createActionSchema, LoadedPlan, { actionId: string }> = {
  name: 'action.create',
  schema: createActionSchema,
  verb: 'plan:edit',
  load: ({ user, input, tx }) => loadPlanResource(tx, user, input.planId),
  async handler({ input, record, tx }) {
    assertPlanOpen(record.status);
    const fields = await resolveActionFields(tx, record, input);
    const now = new Date();
    const action = await tx.action.create({
      data: { planId: record.id, ...fields, status: 'NOT_STARTED', lastUpdatedAt: now },
      select: { id: true },
    });
    await markPlanMateriallyChanged(tx, record.id, now);
    return {
      data: { actionId: action.id },
      message: 'Action added',
      audit: {
        action: 'action.create',
        entityType: 'Action',
        entityId: action.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        after: { planId: record.id, ...(await getActionState(tx, action.id)) },
      },
    };
  },
};

/** Change an action's details (not its status: that is an update, or a cancellation). */
export const editAction: ActionConfig<typeof editActionSchema, LoadedAction, { version: number }> = {
  name: 'action.update',
  schema: editActionSchema,
  verb: 'plan:edit',
  load: loadActionForPlanEdit,
  async handler({ input, record, tx }) {
    assertPlanOpen(record.planStatus);
    if (record.status === 'CANCELLED') throw refuse(CANCELLED_ACTION_MESSAGE);
    const fields = await resolveActionFields(tx, { id: record.planId, threatId: record.threatId }, input, record.ownerUserId);
    const before = await getActionState(tx, input.actionId);
    const { count } = await tx.action.updateMany({
      where: { id: input.actionId, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) await conflictOn(tx, input.actionId);
    await markPlanMateriallyChanged(tx, record.planId);
    return {
      data: { version: input.version + 1 },
      message: 'Action details saved',
      audit: {
        action: 'action.update',
        entityType: 'Action',
        entityId: input.actionId,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before,
        after: await getActionState(tx, input.actionId),
      },
    };
  },
};

/** Cancel an action: it stays on the plan, closed, with the reason as the last entry of its log. */
export const cancelAction: ActionConfig<typeof cancelActionSchema, LoadedAction, { version: number }> = {
  name: 'action.cancel',
  schema: cancelActionSchema,
  verb: 'plan:edit',
  load: loadActionForPlanEdit,
  async handler({ user, input, record, tx }) {
    assertPlanOpen(record.planStatus);
    if (record.status === 'CANCELLED') throw refuse('This action has already been cancelled.');
    const now = new Date();
    const { count } = await tx.action.updateMany({
      where: { id: input.actionId, version: input.version },
      data: { status: 'CANCELLED', completedAt: null, lastUpdatedAt: now, version: { increment: 1 } },
    });
    if (count === 0) await conflictOn(tx, input.actionId);
    await tx.actionUpdate.create({
      data: { actionId: input.actionId, authorId: user.id, note: input.reason, statusFrom: record.status, statusTo: 'CANCELLED', createdAt: now },
      select: { id: true },
    });
    await markPlanMateriallyChanged(tx, record.planId, now);
    return {
      data: { version: input.version + 1 },
      message: 'Action cancelled',
      audit: {
        action: 'action.cancel',
        entityType: 'Action',
        entityId: input.actionId,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { status: record.status },
        after: { status: 'CANCELLED', reason: input.reason },
      },
    };
  },
};

/**
 * Record an update on an action (its owner, the LRO holding the threat, or a manager of its
 * organisation): a note appended to the log, and perhaps a new status. "Last updated" becomes now,
 * which is what ACTION_STALE reads; completing stamps completedAt, reopening clears it.
 */
export const recordActionUpdate: ActionConfig<typeof recordActionUpdateSchema, LoadedAction, { version: number; updateId: string }> = {
  name: 'action.record-update',
  schema: recordActionUpdateSchema,
  verb: 'action:update',
  load: ({ user, input, tx }) => loadActionResource(tx, user, input.actionId),
  async handler({ user, input, record, tx }) {
    assertPlanOpen(record.planStatus);
    if (record.status === 'CANCELLED') throw refuse(CANCELLED_ACTION_MESSAGE);
    const now = new Date();
    const statusTo = input.status && input.status !== record.status ? input.status : null;
    const { count } = await tx.action.updateMany({
      where: { id: input.actionId, version: input.version },
      data: {
        lastUpdatedAt: now,
        version: { increment: 1 },
        ...(statusTo ? { status: statusTo, completedAt: statusTo === 'COMPLETE' ? now : null } : {}),
      },
    });
    if (count === 0) await conflictOn(tx, input.actionId);
    const update = await tx.actionUpdate.create({
      data: { actionId: input.actionId, authorId: user.id, note: input.note, statusFrom: statusTo ? record.status : null, statusTo, createdAt: now },
      select: { id: true },
    });
    return {
      data: { version: input.version + 1, updateId: update.id },
      message: 'Update recorded',
      audit: {
        action: 'action.record-update',
        entityType: 'ActionUpdate',
        entityId: update.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { actionId: input.actionId, status: record.status },
        after: { actionId: input.actionId, status: statusTo ?? record.status, note: input.note },
      },
    };
  },
};
