import 'server-only';
import type { ActionConfig } from './authed-action';
import { getThreatFlags } from '@/lib/db/compliance';
import { getPendingHandover, loadHandoverForHolder, markHandoverSeen, type HandoverRecord, type PendingHandover } from '@/lib/db/handovers';
import type { Actor } from '@/lib/auth/policy';
import type { ComplianceFlag } from '@/lib/domain/compliance/flags';
import { acknowledgeHandoverSchema } from '@/lib/validation/assignment';

export { listPendingHandovers, type InheritedAction, type PendingHandover, type PendingHandoverRow } from '@/lib/db/handovers';

export const HANDOVER_ACKNOWLEDGED_AUDIT = 'lro.handover-acknowledged';

export type HandoverPanel = PendingHandover & {
  /** The threat's compliance flags today: what the incoming LRO inherits to put right. */
  flags: ComplianceFlag[];
};

/**
 * What the incoming LRO of a threat is shown on the threat page until they acknowledge it: who
 * handed it over and when, the note, the open actions and the flags they inherit. Null for anyone
 * else, and once acknowledged. The caller has checked that the user may read the threat's plan.
 */
export async function getHandoverPanel(
  user: Pick<Actor, 'id'>,
  threatId: string,
  now: Date,
  /** The threat's flags at `now`, when the caller has them already. */
  flags?: ComplianceFlag[],
): Promise<HandoverPanel | null> {
  const handover = await getPendingHandover(user, threatId);
  if (!handover) return null;
  return { ...handover, flags: flags ?? (await getThreatFlags(threatId, now)) };
}

/**
 * "I have read the handover": the incoming LRO, and nobody else, marks their handover seen. The
 * load finds only the user's own open row (anyone else's is not found, as for another force);
 * the verb is threat:read, which the incoming LRO has as the threat's holder. A second click
 * changes nothing and records nothing.
 */
export const acknowledgeHandover: ActionConfig<typeof acknowledgeHandoverSchema, HandoverRecord, { threatId: string; acknowledged: boolean }> = {
  name: HANDOVER_ACKNOWLEDGED_AUDIT,
  schema: acknowledgeHandoverSchema,
  verb: 'threat:read',
  load: ({ user, input, tx }) => loadHandoverForHolder(tx, user, input.assignmentId),
  async handler({ record, tx }) {
    const now = new Date();
    if (!(await markHandoverSeen(tx, record.id, now))) {
      return { data: { threatId: record.threatId, acknowledged: false }, message: 'You have already acknowledged this handover', audit: [] };
    }
    return {
      data: { threatId: record.threatId, acknowledged: true },
      message: 'Handover acknowledged',
      audit: {
        action: HANDOVER_ACKNOWLEDGED_AUDIT,
        entityType: 'LroAssignment',
        entityId: record.id,
        organisationId: record.organisationId,
        threatId: record.threatId,
        before: { handoverSeenAt: null },
        after: { handoverSeenAt: now.toISOString() },
      },
    };
  },
};
