import 'server-only';
import { prisma } from './client';
import { ownsActionOnThreat, threatPolicySelect, threatScopeWhere, toThreatResource } from './scope';
import type { Actor, ThreatResource } from '@/lib/auth/policy';
import { OPEN_ACTION_STATUSES, THREAT_AREAS, type ThreatArea, type ThreatStatus, type ThreatType } from '@/lib/domain/vocabulary';

// The frontline briefing (issue 5, item 7): what an officer on patrol needs about a threat, and
// nothing of its intelligence. Every field is chosen here, one by one, into a plain DTO: the
// intelligence gaps, MoRiLE scores, disruptions, unmet demand, reviews, flags, closure notes and
// history never leave the database through this module (its integration test asserts the keys).

export type BriefingOfficer = { name: string; rank: string | null; organisationName: string; email: string };

/** A headline action: what is being done and who to ask, no more (no status, dates or notes). */
export type BriefingAction = {
  id: string;
  description: string;
  ownerUser: { name: string; rank: string | null; organisationName: string } | null;
  ownerOrganisation: { name: string } | null;
  ownerContactName: string | null;
};

export type ThreatBriefing = {
  id: string;
  urn: string;
  name: string;
  type: ThreatType;
  tier: number;
  status: ThreatStatus;
  areas: ThreatArea[];
  organisationId: string;
  organisationName: string;
  leadResponsibleOfficer: BriefingOfficer | null;
  deputy: BriefingOfficer | null;
  /** Open actions of the active plan, soonest due first, at most BRIEFING_ACTION_LIMIT. */
  headlineActions: BriefingAction[];
  /** All the open actions of the active plan (0 without one). */
  openActionCount: number;
  lookOutFor: string | null;
};

/** A phone screen's worth of headline actions. */
export const BRIEFING_ACTION_LIMIT = 8;

const officerSelect = { select: { name: true, rank: true, email: true, organisation: { select: { name: true } } } } as const;

function officer(row: { name: string; rank: string | null; email: string; organisation: { name: string } } | null): BriefingOfficer | null {
  return row ? { name: row.name, rank: row.rank, organisationName: row.organisation.name, email: row.email } : null;
}

/**
 * A threat's frontline briefing, loaded within the user's scope (null outside it), with the
 * policy resource for the page to ask threat:read about. Headline actions come only from an
 * ACTIVE plan: a draft is not yet agreed, a closed plan no longer runs.
 */
export async function getThreatBriefing(user: Actor, threatId: string): Promise<{ briefing: ThreatBriefing; resource: ThreatResource } | null> {
  const scope = threatScopeWhere(user);
  if (!scope) return null;
  const row = await prisma.socThreat.findFirst({
    where: { AND: [{ id: threatId }, scope] },
    select: {
      ...threatPolicySelect,
      urn: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      lookOutFor: true,
      organisation: { select: { path: true, name: true } },
      areas: { select: { area: true } },
      leadResponsibleOfficer: officerSelect,
      deputy: officerSelect,
      livePlan: { select: { id: true, status: true } },
    },
  });
  if (!row) return null;

  const activePlanId = row.livePlan?.status === 'ACTIVE' ? row.livePlan.id : null;
  const openActions = { planId: activePlanId ?? '', status: { in: [...OPEN_ACTION_STATUSES] } };
  const [actions, openActionCount, ownsAnAction] = await Promise.all([
    activePlanId
      ? prisma.action.findMany({
          where: openActions,
          orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
          take: BRIEFING_ACTION_LIMIT,
          select: {
            id: true,
            description: true,
            ownerUser: { select: { name: true, rank: true, organisation: { select: { name: true } } } },
            ownerOrganisation: { select: { name: true } },
            ownerContactName: true,
          },
        })
      : [],
    activePlanId ? prisma.action.count({ where: openActions }) : 0,
    ownsActionOnThreat(prisma, user, threatId),
  ]);

  const briefing: ThreatBriefing = {
    id: row.id,
    urn: row.urn,
    name: row.name,
    type: row.type as ThreatType,
    tier: row.tier,
    status: row.status as ThreatStatus,
    // In the vocabulary's order: the databases sort an enum differently (PostgreSQL by declaration).
    areas: THREAT_AREAS.filter((area) => row.areas.some((a) => a.area === area)),
    organisationId: row.organisationId,
    organisationName: row.organisation.name,
    leadResponsibleOfficer: officer(row.leadResponsibleOfficer),
    deputy: officer(row.deputy),
    headlineActions: actions.map((a) => ({
      id: a.id,
      description: a.description,
      ownerUser: a.ownerUser ? { name: a.ownerUser.name, rank: a.ownerUser.rank, organisationName: a.ownerUser.organisation.name } : null,
      ownerOrganisation: a.ownerOrganisation,
      ownerContactName: a.ownerContactName,
    })),
    openActionCount,
    lookOutFor: row.lookOutFor,
  };
  return { briefing, resource: toThreatResource(row, user, ownsAnAction) };
}
