import 'server-only';
import { prisma } from './client';
import type { ThreatArea, ThreatType } from '@/lib/domain/vocabulary';

// What the printed plan (app/(app)/threats/[threatId]/plan/print) shows beyond the plan page's
// own loaders: the threat's summary and each action's latest update. The caller has asked the
// policy for plan:read on the threat (loadPlanContext) before calling.

export type PlanPrintThreat = {
  type: ThreatType;
  tier: number;
  mappedOn: Date;
  leadResponsibleOfficer: string | null;
  deputy: string | null;
  areas: ThreatArea[];
};

export type LatestActionUpdate = { note: string; authorName: string; createdAt: Date };

const person = (p: { name: string; rank: string | null } | null) => (p ? [p.rank, p.name].filter(Boolean).join(' ') : null);

export async function getPlanPrintThreat(threatId: string): Promise<PlanPrintThreat> {
  const row = await prisma.socThreat.findUniqueOrThrow({
    where: { id: threatId },
    select: {
      type: true,
      tier: true,
      mappedOn: true,
      leadResponsibleOfficer: { select: { name: true, rank: true } },
      deputy: { select: { name: true, rank: true } },
      areas: { select: { area: true }, orderBy: { area: 'asc' } },
    },
  });
  return {
    type: row.type as ThreatType,
    tier: row.tier,
    mappedOn: row.mappedOn,
    leadResponsibleOfficer: person(row.leadResponsibleOfficer),
    deputy: person(row.deputy),
    areas: row.areas.map((a) => a.area as ThreatArea),
  };
}

/**
 * The latest update of each action of the plan, by action id. One query per action (a plan holds
 * tens of actions), each reading one row through the (actionId, createdAt) index, however long
 * an action's log is.
 */
export async function getLatestActionUpdates(actionIds: readonly string[]): Promise<Map<string, LatestActionUpdate>> {
  const rows = await Promise.all(
    actionIds.map((actionId) =>
      prisma.actionUpdate.findFirst({
        where: { actionId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { actionId: true, note: true, createdAt: true, author: { select: { name: true } } },
      }),
    ),
  );
  return new Map(rows.filter((r) => r !== null).map((r) => [r.actionId, { note: r.note, authorName: r.author.name, createdAt: r.createdAt }]));
}
