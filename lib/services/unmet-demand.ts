import 'server-only';
import type { ActionConfig } from './authed-action';
import { loadUnmetDemandResource, loadUnmetDemandThreat } from '@/lib/db/unmet-demand';
import { londonDateKey } from '@/lib/domain/dates';
import { dateKeyToDate } from '@/lib/domain/review-diff';
import { AppError } from '@/lib/errors';
import { datesAgainstRaised, recordUnmetDemandSchema, updateUnmetDemandSchema } from '@/lib/validation/unmet-demand';

// Unmet demand on a threat (issue 6, "Unmet demand"): the LRO or deputy holding the threat, or a
// manager or co-ordinator of its organisation (unmet-demand:record), records a shortfall in
// capacity or capability, then escalates it, resolves it and marks it recorded on APMIS. Recording
// one clears POSSIBLE_UNMET_DEMAND (lib/domain/compliance/rules.ts). Each write runs through
// authedAction: loaded within the user's scope, the policy asked, write and audit (with threatId)
// committed together.

export const ARCHIVED_THREAT_MESSAGE = 'This threat is archived. Its unmet demand can no longer be recorded or updated.';
export const CHANGED_MESSAGE =
  'Someone else updated this unmet demand after you opened it. Your changes have not been saved: check the record as it stands now, then apply yours again.';

const keyOf = (date: Date | null) => (date ? londonDateKey(date) : null);
const dateOf = (key: string | null) => (key ? dateKeyToDate(key) : null);

type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadUnmetDemandThreat>>>['record'];
type LoadedRecord = NonNullable<Awaited<ReturnType<typeof loadUnmetDemandResource>>>['record'];

/** Record unmet demand on a threat. */
export const recordUnmetDemand: ActionConfig<typeof recordUnmetDemandSchema, LoadedThreat, { unmetDemandId: string; threatId: string }> = {
  name: 'unmet-demand.recorded',
  schema: recordUnmetDemandSchema,
  verb: 'unmet-demand:record',
  load: ({ user, input, tx }) => loadUnmetDemandThreat(tx, user, input.threatId),
  async handler({ input, record, user, tx }) {
    if (record.status === 'ARCHIVED') throw new AppError('FORBIDDEN', ARCHIVED_THREAT_MESSAGE);
    const values = {
      shortfall: input.shortfall,
      capabilityNeeded: input.capabilityNeeded,
      description: input.description,
      raisedOn: input.raisedOn!,
      escalatedTo: input.escalatedTo || null,
      escalatedOn: input.escalatedOn,
      resolvedOn: input.resolvedOn,
      apmisRecorded: input.apmisRecorded === 'yes',
    };
    const row = await tx.unmetDemand.create({
      data: {
        threatId: record.id,
        ...values,
        raisedOn: dateKeyToDate(values.raisedOn),
        escalatedOn: dateOf(values.escalatedOn),
        resolvedOn: dateOf(values.resolvedOn),
        recordedById: user.id,
      },
      select: { id: true },
    });
    return {
      data: { unmetDemandId: row.id, threatId: record.id },
      message: 'Unmet demand recorded',
      audit: { action: 'unmet-demand.recorded', entityType: 'UnmetDemand', entityId: row.id, organisationId: record.organisationId, threatId: record.id, after: values },
    };
  },
};

/**
 * Escalate, resolve or mark recorded on APMIS. The model has no version column: the update is
 * made only where the record still holds every value the page showed (updateMany on the full
 * before-values), so a concurrent change is refused and nothing is silently overwritten.
 */
export const updateUnmetDemand: ActionConfig<typeof updateUnmetDemandSchema, LoadedRecord, { unmetDemandId: string; threatId: string }> = {
  name: 'unmet-demand.updated',
  schema: updateUnmetDemandSchema,
  verb: 'unmet-demand:record',
  load: ({ user, input, tx }) => loadUnmetDemandResource(tx, user, input.unmetDemandId),
  async handler({ input, record, tx }) {
    if (record.threatStatus === 'ARCHIVED') throw new AppError('FORBIDDEN', ARCHIVED_THREAT_MESSAGE);
    const problems = datesAgainstRaised(londonDateKey(record.raisedOn), input);
    if (Object.keys(problems).length) throw new AppError('VALIDATION', 'There is a problem', problems);

    const seen = input.seen;
    const { count } = await tx.unmetDemand.updateMany({
      where: {
        id: record.id,
        createdAt: new Date(seen.createdAt),
        escalatedTo: seen.escalatedTo,
        escalatedOn: seen.escalatedOn ? new Date(seen.escalatedOn) : null,
        resolvedOn: seen.resolvedOn ? new Date(seen.resolvedOn) : null,
        apmisRecorded: seen.apmisRecorded,
      },
      data: {
        escalatedTo: input.escalatedTo || null,
        escalatedOn: dateOf(input.escalatedOn),
        resolvedOn: dateOf(input.resolvedOn),
        apmisRecorded: input.apmisRecorded === 'yes',
      },
    });
    if (count === 0) throw new AppError('CONFLICT', CHANGED_MESSAGE);

    return {
      data: { unmetDemandId: record.id, threatId: record.threatId },
      message: 'Unmet demand updated',
      audit: {
        action: 'unmet-demand.updated',
        entityType: 'UnmetDemand',
        entityId: record.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { escalatedTo: record.escalatedTo, escalatedOn: keyOf(record.escalatedOn), resolvedOn: keyOf(record.resolvedOn), apmisRecorded: record.apmisRecorded },
        after: { escalatedTo: input.escalatedTo || null, escalatedOn: input.escalatedOn, resolvedOn: input.resolvedOn, apmisRecorded: input.apmisRecorded === 'yes' },
      },
    };
  },
};
