import 'server-only';
import { prisma, type Prisma, type Tx } from './client';
import { loadThreatResource } from './threats';
import type { Actor, ThreatResource } from '@/lib/auth/policy';
import { OPEN_ACTION_STATUSES, type ActionStatus, type Strand } from '@/lib/domain/vocabulary';

// Handovers (issue 5, item 3). Replacing a threat's LRO opens an LroAssignment row for the incoming
// LRO carrying the handover note (lib/services/assignments.ts); until they say they have read it
// (handoverSeenAt), they are shown what they inherited. Only the incoming LRO's own open row is a
// pending handover, so every function here is limited to the user asking.

export type HandoverPerson = { name: string; rank: string | null };

/** A handover the user has not yet acknowledged, for My work. */
export type PendingHandoverRow = {
  assignmentId: string;
  threatId: string;
  threatUrn: string;
  threatName: string;
  handedOverAt: Date;
  /** The LRO who held the threat before (null if the history does not say). */
  outgoing: HandoverPerson | null;
};

/** An open action the incoming LRO inherits, with its owner as lib/db/actions.ts gives it. */
export type InheritedAction = {
  id: string;
  description: string;
  strand: Strand;
  status: ActionStatus;
  dueOn: Date | null;
  ownerUser: { name: string; rank: string | null; organisationName: string } | null;
  ownerOrganisation: { name: string } | null;
  ownerContactName: string | null;
};

export type PendingHandover = PendingHandoverRow & {
  note: string;
  handedOverBy: HandoverPerson | null;
  /** The open actions of the threat's live plan (none if it has no live plan), soonest due first. */
  actions: InheritedAction[];
  /** All the open actions, when there are more than are listed. */
  openActionCount: number;
};

/** At most this many inherited actions are listed; the count says if there are more. */
export const INHERITED_ACTIONS_LIMIT = 50;

/** The user's own open LRO row that carries a handover note and has not been acknowledged. */
const pendingWhere = (userId: string): Prisma.LroAssignmentWhereInput => ({
  userId,
  role: 'LRO',
  endedAt: null,
  handoverSeenAt: null,
  handoverNote: { not: null },
});

const personSelect = { select: { name: true, rank: true } } as const;

/**
 * The LRO each handover came from: the latest LRO row of the threat that ended at or before the
 * incoming row began (the assignment ends the one and opens the other at the same moment).
 */
async function outgoingHolders(rows: { id: string; threatId: string; startedAt: Date }[]): Promise<Map<string, HandoverPerson>> {
  if (rows.length === 0) return new Map();
  const ended = await prisma.lroAssignment.findMany({
    where: { threatId: { in: [...new Set(rows.map((r) => r.threatId))] }, role: 'LRO', endedAt: { not: null } },
    orderBy: [{ endedAt: 'desc' }, { id: 'desc' }],
    select: { threatId: true, endedAt: true, user: personSelect },
  });
  const out = new Map<string, HandoverPerson>();
  for (const row of rows) {
    const previous = ended.find((e) => e.threatId === row.threatId && e.endedAt! <= row.startedAt);
    if (previous) out.set(row.id, previous.user);
  }
  return out;
}

/** The handovers the user has not acknowledged yet, newest first. */
export async function listPendingHandovers(user: Pick<Actor, 'id'>): Promise<PendingHandoverRow[]> {
  const rows = await prisma.lroAssignment.findMany({
    where: pendingWhere(user.id),
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, threatId: true, startedAt: true, threat: { select: { urn: true, name: true } } },
  });
  const outgoing = await outgoingHolders(rows);
  return rows.map((row) => ({
    assignmentId: row.id,
    threatId: row.threatId,
    threatUrn: row.threat.urn,
    threatName: row.threat.name,
    handedOverAt: row.startedAt,
    outgoing: outgoing.get(row.id) ?? null,
  }));
}

/**
 * The user's unacknowledged handover of one threat, with the note and the open actions they
 * inherit; null when there is none (they are not its incoming LRO, or have read it already).
 * The caller has checked that the user may read the threat.
 */
export async function getPendingHandover(user: Pick<Actor, 'id'>, threatId: string): Promise<PendingHandover | null> {
  const row = await prisma.lroAssignment.findFirst({
    where: { ...pendingWhere(user.id), threatId },
    orderBy: { startedAt: 'desc' },
    select: {
      id: true,
      threatId: true,
      startedAt: true,
      handoverNote: true,
      assignedBy: personSelect,
      threat: { select: { urn: true, name: true, livePlan: { select: { id: true } } } },
    },
  });
  if (!row) return null;
  const planId = row.threat.livePlan?.id ?? null;
  const where: Prisma.ActionWhereInput = { planId: planId ?? '', status: { in: [...OPEN_ACTION_STATUSES] } };
  const [actions, openActionCount, outgoing] = await Promise.all([
    planId
      ? prisma.action.findMany({
          where,
          orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
          take: INHERITED_ACTIONS_LIMIT,
          select: {
            id: true,
            description: true,
            strand: true,
            status: true,
            dueOn: true,
            ownerUser: { select: { name: true, rank: true, organisation: { select: { name: true } } } },
            ownerOrganisation: { select: { name: true } },
            ownerContactName: true,
          },
        })
      : [],
    planId ? prisma.action.count({ where }) : 0,
    outgoingHolders([row]),
  ]);
  return {
    assignmentId: row.id,
    threatId: row.threatId,
    threatUrn: row.threat.urn,
    threatName: row.threat.name,
    handedOverAt: row.startedAt,
    outgoing: outgoing.get(row.id) ?? null,
    note: row.handoverNote ?? '',
    handedOverBy: row.assignedBy,
    actions: actions.map((a) => ({
      id: a.id,
      description: a.description,
      strand: a.strand as Strand,
      status: a.status as ActionStatus,
      dueOn: a.dueOn,
      ownerUser: a.ownerUser ? { name: a.ownerUser.name, rank: a.ownerUser.rank, organisationName: a.ownerUser.organisation.name } : null,
      ownerOrganisation: a.ownerOrganisation,
      ownerContactName: a.ownerContactName,
    })),
    openActionCount,
  };
}

export type HandoverRecord = { id: string; threatId: string; organisationId: string };

/**
 * A handover for its incoming LRO to acknowledge: their own open LRO row with a handover note, on
 * a threat within their scope. Anybody else's row, or one that has ended, is not found.
 */
export async function loadHandoverForHolder(tx: Tx, user: Actor, assignmentId: string): Promise<{ record: HandoverRecord; resource: ThreatResource } | null> {
  const row = await tx.lroAssignment.findFirst({
    where: { id: assignmentId, userId: user.id, role: 'LRO', endedAt: null, handoverNote: { not: null } },
    select: { id: true, threatId: true },
  });
  if (!row) return null;
  const threat = await loadThreatResource(tx, user, row.threatId);
  if (!threat) return null;
  return { record: { id: row.id, threatId: row.threatId, organisationId: threat.record.organisationId }, resource: threat.resource };
}

/** Marks the handover seen; false when it had been already (so it is recorded once). */
export async function markHandoverSeen(tx: Tx, assignmentId: string, now: Date): Promise<boolean> {
  const { count } = await tx.lroAssignment.updateMany({ where: { id: assignmentId, handoverSeenAt: null }, data: { handoverSeenAt: now } });
  return count === 1;
}
