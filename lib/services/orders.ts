import 'server-only';
import type { z } from 'zod';
import type { ActionConfig } from './authed-action';
import type { Tx } from '@/lib/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/policy';
import { loadOrganisationResource } from '@/lib/db/organisations';
import { findManagingOfficer, findReadableThreatByUrn, getOrderState, loadOrderResource } from '@/lib/db/orders';
import { lastChangeOf } from '@/lib/db/threats';
import { formatDate } from '@/lib/domain/dates';
import { AppError, conflict } from '@/lib/errors';
import { createOrderSchema, editOrderSchema, recordComplianceCheckSchema } from '@/lib/validation/orders';

// Ancillary orders (issue 5, item 5): adding and changing an order (policy verb order:manage,
// managers and co-ordinators of the order's organisation or above) and recording a compliance
// check (order:record-check: those, and the order's managing officer).

type LoadedOrganisation = NonNullable<Awaited<ReturnType<typeof loadOrganisationResource>>>['record'];
type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrderResource>>>['record'];

/**
 * The UTC midnight of an ISO date, which is how the database keeps calendar dates. A required
 * date input's schema never yields null; an optional one's null is handled by the caller.
 */
const calendarDate = (iso: string | null) => new Date(`${iso!}T00:00:00.000Z`);

export const THREAT_NOT_FOUND_MESSAGE = 'Enter the URN of a threat you can see, or leave it blank';
export const OFFICER_NOT_IN_LIST_MESSAGE = 'Select the managing officer from the list';
export const ORGANISATION_NOT_IN_LIST_MESSAGE = 'Select the organisation from the list';

type OrderFieldsInput = z.output<typeof createOrderSchema>;

/**
 * Checks what the schema cannot: the threat is one the user may see, and the managing officer is
 * someone who may manage an order of that organisation (its force or ROCU tree). On an edit, the
 * current threat and officer are kept when unchanged, even if they would no longer be accepted.
 * All problems at once, on their fields.
 */
async function resolveOrderFields(
  tx: Tx,
  user: CurrentUser,
  organisationPath: string,
  input: OrderFieldsInput,
  current: { threatId: string | null; threatUrn: string | null; managingOfficerId: string | null } = { threatId: null, threatUrn: null, managingOfficerId: null },
) {
  const fieldErrors: Record<string, string[]> = {};
  let threatId: string | null = null;
  if (input.threatUrn) {
    if (current.threatUrn === input.threatUrn) threatId = current.threatId;
    else {
      const threat = await findReadableThreatByUrn(tx, user, input.threatUrn);
      if (threat) threatId = threat.id;
      else fieldErrors.threatUrn = [THREAT_NOT_FOUND_MESSAGE];
    }
  }
  let managingOfficerId: string | null = null;
  if (input.managingOfficerId) {
    if (input.managingOfficerId === current.managingOfficerId || (await findManagingOfficer(tx, organisationPath, input.managingOfficerId))) {
      managingOfficerId = input.managingOfficerId;
    } else fieldErrors.managingOfficerId = [OFFICER_NOT_IN_LIST_MESSAGE];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'There is a problem', fieldErrors);
  return {
    kind: input.kind,
    subjectName: input.subjectName,
    threatId,
    madeOn: calendarDate(input.madeOn),
    startsOn: calendarDate(input.startsOn),
    expiresOn: input.expiresOn ? calendarDate(input.expiresOn) : null,
    conditions: input.conditions || null,
    managingTeam: input.managingTeam || null,
    managingOfficerId,
  };
}

/** Add an order to the register, held by an organisation within the user's scope. */
export const createOrder: ActionConfig<typeof createOrderSchema, LoadedOrganisation, { orderId: string }> = {
  name: 'order.create',
  schema: createOrderSchema,
  verb: 'order:manage',
  load: ({ user, input, tx }) => loadOrganisationResource(tx, user, input.organisationId),
  async handler({ user, input, record, tx }) {
    const fields = await resolveOrderFields(tx, user, record.path, input);
    const order = await tx.ancillaryOrder.create({ data: { ...fields, organisationId: record.id }, select: { id: true } });
    return {
      data: { orderId: order.id },
      message: 'Order added',
      audit: {
        action: 'order.created',
        entityType: 'AncillaryOrder',
        entityId: order.id,
        organisationId: record.id,
        threatId: fields.threatId,
        after: await getOrderState(tx, order.id),
      },
    };
  },
};

/** Refuses a save from an old version, naming who changed the order since, and when. */
async function conflictOn(tx: Tx, orderId: string): Promise<never> {
  const last = await lastChangeOf(tx, 'AncillaryOrder', orderId);
  throw conflict(last?.by ?? null, last?.at ?? new Date());
}

/**
 * Change an order's details. Moving it to another organisation needs the same right there.
 * Optimistic concurrency: refused if anyone saved the order since the editor opened it (a
 * compliance check does not change the details, so it does not count).
 */
export const editOrder: ActionConfig<typeof editOrderSchema, LoadedOrder, { version: number }> = {
  name: 'order.update',
  schema: editOrderSchema,
  verb: 'order:manage',
  load: ({ user, input, tx }) => loadOrderResource(tx, user, input.orderId, 'order:manage'),
  async handler({ user, input, record, tx }) {
    let organisationPath = record.organisationPath;
    if (input.organisationId !== record.organisationId) {
      const target = await loadOrganisationResource(tx, user, input.organisationId);
      if (!target || !can(user, 'order:manage', target.resource)) {
        throw new AppError('VALIDATION', 'There is a problem', { organisationId: [ORGANISATION_NOT_IN_LIST_MESSAGE] });
      }
      organisationPath = target.record.path;
    }
    const before = await getOrderState(tx, record.id);
    const fields = await resolveOrderFields(tx, user, organisationPath, input, {
      threatId: record.threatId,
      threatUrn: before.threat?.urn ?? null,
      managingOfficerId: record.managingOfficerId,
    });
    const { count } = await tx.ancillaryOrder.updateMany({
      where: { id: record.id, version: input.version },
      data: { ...fields, organisationId: input.organisationId, version: { increment: 1 } },
    });
    if (count === 0) await conflictOn(tx, record.id);
    return {
      data: { version: input.version + 1 },
      message: 'Order saved',
      audit: {
        action: 'order.updated',
        entityType: 'AncillaryOrder',
        entityId: record.id,
        organisationId: input.organisationId,
        threatId: fields.threatId ?? record.threatId,
        before,
        after: await getOrderState(tx, record.id),
      },
    };
  },
};

/**
 * Record a compliance check of an order: the date (not before the order started, not in the
 * future), the result, and a note (required for a breach). The order's last check becomes the
 * latest check date, whichever order checks are recorded in, and a breach adds to its breaches;
 * both in the one transaction, each an atomic update, so checks recorded at once by two people
 * both count. ORDER_NOT_MONITORED reads the last check.
 */
export const recordComplianceCheck: ActionConfig<
  typeof recordComplianceCheckSchema,
  LoadedOrder,
  { checkId: string; lastComplianceCheckOn: Date | null; breachCount: number }
> = {
  name: 'order.check-recorded',
  schema: recordComplianceCheckSchema,
  verb: 'order:record-check',
  load: ({ user, input, tx }) => loadOrderResource(tx, user, input.orderId, 'order:record-check'),
  async handler({ user, input, record, tx }) {
    const checkedOn = calendarDate(input.checkedOn);
    if (checkedOn < record.startsOn) {
      throw new AppError('VALIDATION', 'There is a problem', {
        checkedOn: [`Date of the check must be the same as or after the date the order started, ${formatDate(record.startsOn)}`],
      });
    }
    const check = await tx.orderComplianceCheck.create({
      data: { orderId: record.id, checkedOn, result: input.result, note: input.note || null, checkedById: user.id },
      select: { id: true },
    });
    // Only ever moves forward: a check recorded late, for an earlier day, leaves the latest date.
    await tx.ancillaryOrder.updateMany({
      where: { id: record.id, OR: [{ lastComplianceCheckOn: null }, { lastComplianceCheckOn: { lt: checkedOn } }] },
      data: { lastComplianceCheckOn: checkedOn },
    });
    if (input.result === 'BREACH') {
      await tx.ancillaryOrder.update({ where: { id: record.id }, data: { breachCount: { increment: 1 } }, select: { id: true } });
    }
    const after = await tx.ancillaryOrder.findUniqueOrThrow({ where: { id: record.id }, select: { lastComplianceCheckOn: true, breachCount: true } });
    return {
      data: { checkId: check.id, ...after },
      message: 'Compliance check recorded',
      audit: {
        action: 'order.check-recorded',
        entityType: 'OrderComplianceCheck',
        entityId: check.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        after: {
          orderId: record.id,
          checkedOn: input.checkedOn,
          result: input.result,
          note: input.note || null,
          lastComplianceCheckOn: after.lastComplianceCheckOn?.toISOString().slice(0, 10) ?? null,
          breachCount: after.breachCount,
        },
      },
    };
  },
};
