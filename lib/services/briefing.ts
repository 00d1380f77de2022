import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import type { ThreatBriefing } from '@/lib/db/briefing';

export { BRIEFING_ACTION_LIMIT, getThreatBriefing, type BriefingAction, type BriefingOfficer, type ThreatBriefing } from '@/lib/db/briefing';

/**
 * The audit action of a view of a frontline briefing. It ends in ".view", as every audited view
 * does, so that the threat's history, "who changed this last" and "changed since the last review"
 * leave it out (lib/db/history.ts, threats.ts lastChangeOf, reviews.ts lastPlanChange).
 */
export const BRIEFING_VIEW_AUDIT = 'threat.briefing.view';

/**
 * Records that the user read a threat's frontline briefing (DESIGN.md: views of sensitive records
 * are audited). The page calls it after the policy has allowed the view.
 */
export async function recordBriefingView(user: Pick<Actor, 'id'>, briefing: Pick<ThreatBriefing, 'id' | 'organisationId'>): Promise<void> {
  await recordAudit({
    actorId: user.id,
    action: BRIEFING_VIEW_AUDIT,
    entityType: 'SocThreat',
    entityId: briefing.id,
    organisationId: briefing.organisationId,
    threatId: briefing.id,
  });
}
