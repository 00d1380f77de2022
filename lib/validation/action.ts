import { z } from 'zod';
import { datePartsSchema } from './date-parts';
import { STRANDS, type ActionStatus } from '@/lib/domain/vocabulary';

// Adding, editing, cancelling and updating a 4P plan's actions. Each schema is shared by the form
// (browser) and the server action, so both say the same thing in the same words.

/** Who owns an action: a named officer (user), or a partner organisation with a named contact. */
export const ACTION_OWNER_KINDS = ['USER', 'ORGANISATION'] as const;
export type ActionOwnerKind = (typeof ACTION_OWNER_KINDS)[number];

/**
 * The statuses an update may move an action to. Cancelling is not an update: it is a change to
 * the plan (plan:edit), made on its own page with a reason.
 */
export const UPDATE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE'] as const satisfies readonly ActionStatus[];

export const DESCRIPTION_MAX = 1000;
export const NOTE_MAX = 2000;
export const CONTACT_MAX = 120;

const id = z.string().trim().min(1);
const version = z.coerce.number().int().min(1);
/** An optional text field: absent, null or blank all mean "not given". */
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max, message));

const actionFields = {
  strand: z.enum(STRANDS, { error: 'Select the strand' }),
  // '' (or nothing) means the action is not linked to an objective.
  objectiveId: optionalText(100, 'Select an objective from the list'),
  description: z
    .string({ error: 'Enter a description of the action' })
    .trim()
    .min(1, 'Enter a description of the action')
    .max(DESCRIPTION_MAX, `Description must be ${DESCRIPTION_MAX} characters or fewer`),
  ownerKind: z.enum(ACTION_OWNER_KINDS, { error: 'Select who owns the action' }),
  ownerUserId: optionalText(100, 'Select the officer who owns the action from the list'),
  ownerOrganisationId: optionalText(100, 'Select the partner organisation from the list'),
  ownerContactName: optionalText(CONTACT_MAX, `Name of the contact must be ${CONTACT_MAX} characters or fewer`),
  dueDate: datePartsSchema('due date'),
};

type OwnerValues = { ownerKind?: unknown; ownerUserId?: unknown; ownerOrganisationId?: unknown; ownerContactName?: unknown };

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * The owner must be complete for the kind chosen. Runs even when other fields are wrong (`when`),
 * so that one submission shows every problem; it reads the raw values defensively for that reason.
 */
function refineOwner(value: OwnerValues, ctx: z.RefinementCtx) {
  if (value.ownerKind === 'USER' && blank(value.ownerUserId)) {
    ctx.addIssue({ code: 'custom', path: ['ownerUserId'], message: 'Select the officer who owns the action' });
  }
  if (value.ownerKind === 'ORGANISATION') {
    if (blank(value.ownerOrganisationId)) {
      ctx.addIssue({ code: 'custom', path: ['ownerOrganisationId'], message: 'Select the partner organisation' });
    }
    if (blank(value.ownerContactName)) {
      ctx.addIssue({ code: 'custom', path: ['ownerContactName'], message: 'Enter the name of the contact at the partner organisation' });
    }
  }
}

const always = { when: () => true };

/** Adding an action to a plan. */
export const createActionSchema = z
  .object({ planId: id, ...actionFields })
  .strict()
  .superRefine(refineOwner, always);
export type CreateActionInput = z.input<typeof createActionSchema>;

/** Changing an action's details; `version` is the one the editor saw (no lost updates). */
export const editActionSchema = z
  .object({ actionId: id, version, ...actionFields })
  .strict()
  .superRefine(refineOwner, always);
export type EditActionInput = z.input<typeof editActionSchema>;

/** Cancelling an action, with the reason recorded in its log. */
export const cancelActionSchema = z
  .object({
    actionId: id,
    version,
    reason: z
      .string({ error: 'Enter the reason for cancelling the action' })
      .trim()
      .min(1, 'Enter the reason for cancelling the action')
      .max(NOTE_MAX, `Reason must be ${NOTE_MAX} characters or fewer`),
  })
  .strict();
export type CancelActionInput = z.input<typeof cancelActionSchema>;

/**
 * The note an update needs, by the status it moves the action to: completing or blocking an action
 * asks what was done or why it is blocked (the issue: "Completing or blocking an action asks for a
 * note"), any other update asks for the update itself.
 */
export function missingNoteMessage(status: unknown): string {
  if (status === 'COMPLETE') return 'Enter what was done to complete the action';
  if (status === 'BLOCKED') return 'Enter why the action is blocked';
  return 'Enter an update';
}

/**
 * Recording an update on an action: a note, and optionally a new status. The status field holds
 * the status the action should have after the update; the same as now (or nothing) is no change.
 */
export const recordActionUpdateSchema = z
  .object({
    actionId: id,
    version,
    status: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.enum(UPDATE_STATUSES, { error: 'Select a status from the list' }).optional()),
    note: z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(NOTE_MAX, `Update must be ${NOTE_MAX} characters or fewer`)),
  })
  .strict()
  .superRefine((value: { status?: unknown; note?: unknown }, ctx) => {
    if (blank(value.note)) ctx.addIssue({ code: 'custom', path: ['note'], message: missingNoteMessage(value.status) });
  }, always);
export type RecordActionUpdateInput = z.input<typeof recordActionUpdateSchema>;
