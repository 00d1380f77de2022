import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ActionConfig } from './authed-action';
import { findLeadAgency, loadDisruptionResource, loadDisruptionThreat } from '@/lib/db/disruptions';
import type { Tx } from '@/lib/db/client';
import { lastChangeOf } from '@/lib/db/threats';
import { londonDateKey } from '@/lib/domain/dates';
import { dateKeyToDate } from '@/lib/domain/review-diff';
import { AppError, conflict } from '@/lib/errors';
import { recordDisruptionSchema, updateDisruptionSchema } from '@/lib/validation/disruptions';

// Disruptions of a threat (issue 6, "Disruptions"): the LRO or deputy holding the threat, or a
// manager or co-ordinator of its organisation, records a disruption and, once it is on APMIS, its
// APMIS reference (which clears DISRUPTION_NOT_ON_APMIS). Each write is run by authedAction: the
// record loaded within the user's scope, the policy asked, the write and its audit event (with
// threatId) committed together.

export const ARCHIVED_THREAT_MESSAGE = 'This threat is archived. Disruptions can no longer be recorded against it.';
export const LEAD_AGENCY_MESSAGE = 'Select the lead agency';

type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadDisruptionThreat>>>['record'];
type LoadedDisruption = NonNullable<Awaited<ReturnType<typeof loadDisruptionResource>>>['record'];

async function requireLeadAgency(tx: Tx, organisationId: string) {
  const agency = await findLeadAgency(tx, organisationId);
  if (!agency) throw new AppError('VALIDATION', 'There is a problem', { leadAgencyId: [LEAD_AGENCY_MESSAGE] });
  return agency;
}

/** A local reference for a disruption recorded in the app (imports bring their own): "<URN>-D-<8 characters>". */
export function localDisruptionReference(urn: string): string {
  return `${urn}-D-${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** Record a disruption on a threat (disruption:record). Not on an archived threat. */
export const recordDisruption: ActionConfig<typeof recordDisruptionSchema, LoadedThreat, { disruptionId: string; threatId: string; reference: string }> = {
  name: 'disruption.recorded',
  schema: recordDisruptionSchema,
  verb: 'disruption:record',
  load: ({ user, input, tx }) => loadDisruptionThreat(tx, user, input.threatId),
  async handler({ input, record, user, tx }) {
    if (record.status === 'ARCHIVED') throw new AppError('FORBIDDEN', ARCHIVED_THREAT_MESSAGE);
    const agency = await requireLeadAgency(tx, input.leadAgencyId);
    // Not in the future: the schema has checked, against London's today.
    const disruptedOnKey = input.disruptedOn!;
    const apmisReference = input.apmisReference || null;
    const reference = localDisruptionReference(record.urn);
    const disruption = await tx.disruption.create({
      data: {
        reference,
        threatId: record.id,
        disruptedOn: dateKeyToDate(disruptedOnKey),
        strand: input.strand,
        category: input.category,
        role: input.role,
        leadAgencyId: agency.id,
        description: input.description,
        apmisReference,
        apmisRecordedAt: apmisReference ? new Date() : null,
        recordedById: user.id,
      },
      select: { id: true },
    });
    return {
      data: { disruptionId: disruption.id, threatId: record.id, reference },
      message: 'Disruption recorded',
      audit: {
        action: 'disruption.recorded',
        entityType: 'Disruption',
        entityId: disruption.id,
        organisationId: record.organisationId,
        threatId: record.id,
        after: {
          reference,
          disruptedOn: disruptedOnKey,
          strand: input.strand,
          category: input.category,
          role: input.role,
          leadAgencyId: agency.id,
          description: input.description,
          apmisReference,
        },
      },
    };
  },
};

/**
 * Change a disruption, or add its APMIS reference (disruption:record). Disruptions have no version
 * column: the time of their last change, as the editor saw it, guards against lost updates.
 * apmisRecordedAt is set when a reference is first added (kept while it is only corrected) and
 * cleared if the reference is removed.
 */
export const updateDisruption: ActionConfig<typeof updateDisruptionSchema, LoadedDisruption, { disruptionId: string; threatId: string }> = {
  name: 'disruption.updated',
  schema: updateDisruptionSchema,
  verb: 'disruption:record',
  load: ({ user, input, tx }) => loadDisruptionResource(tx, user, input.disruptionId),
  async handler({ input, record, tx }) {
    const { disruption, threat } = record;
    const agency = await requireLeadAgency(tx, input.leadAgencyId);
    const disruptedOnKey = input.disruptedOn!;
    const apmisReference = input.apmisReference || null;
    const apmisRecordedAt = apmisReference ? (disruption.apmisReference ? disruption.apmisRecordedAt : new Date()) : null;
    const seen = new Date(input.lastUpdatedAt);
    const { count } = Number.isNaN(seen.getTime())
      ? { count: 0 }
      : await tx.disruption.updateMany({
          where: { id: disruption.id, updatedAt: seen },
          data: {
            disruptedOn: dateKeyToDate(disruptedOnKey),
            strand: input.strand,
            category: input.category,
            role: input.role,
            leadAgencyId: agency.id,
            description: input.description,
            apmisReference,
            apmisRecordedAt,
          },
        });
    if (count === 0) {
      const last = await lastChangeOf(tx, 'Disruption', disruption.id);
      throw conflict(last?.by ?? null, last?.at ?? disruption.updatedAt);
    }
    return {
      data: { disruptionId: disruption.id, threatId: threat.id },
      message: 'Disruption saved',
      audit: {
        action: 'disruption.updated',
        entityType: 'Disruption',
        entityId: disruption.id,
        organisationId: threat.organisationId,
        threatId: threat.id,
        before: {
          disruptedOn: londonDateKey(disruption.disruptedOn),
          strand: disruption.strand,
          category: disruption.category,
          role: disruption.role,
          leadAgencyId: disruption.leadAgencyId,
          description: disruption.description,
          apmisReference: disruption.apmisReference,
        },
        after: {
          disruptedOn: disruptedOnKey,
          strand: input.strand,
          category: input.category,
          role: input.role,
          leadAgencyId: agency.id,
          description: input.description,
          apmisReference,
        },
      },
    };
  },
};
