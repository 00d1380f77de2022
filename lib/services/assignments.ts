import 'server-only';
import type { ActionConfig } from './authed-action';
import type { Tx } from '@/lib/db/client';
import { findLroOfficer, getOfficers, getOfficerStandings, lroTreeRoot, type OfficerRow } from '@/lib/db/officers';
import { getEffectiveThresholds } from '@/lib/db/settings';
import { lastChangeOf, loadThreatResource } from '@/lib/db/threats';
import { assignmentWarnings, lroTrainingStatus, type AssignmentRole, type AssignmentWarning } from '@/lib/domain/lro';
import { AppError, conflict } from '@/lib/errors';
import { assignLroSchema, HANDOVER_NOTE_MESSAGE, isHandover, NO_OFFICER } from '@/lib/validation/assignment';

type LoadedThreat = NonNullable<Awaited<ReturnType<typeof loadThreatResource>>>['record'];

/**
 * What an assignment came to. 'warnings': nothing was saved, because an officer being appointed
 * is untrained or already carries a heavy caseload; the manager may confirm (confirmWarnings).
 */
export type AssignLroResult =
  | { outcome: 'saved'; version: number }
  | { outcome: 'unchanged'; version: number }
  | { outcome: 'warnings'; warnings: AssignmentWarning[] };

const FIELD: Record<AssignmentRole, 'leadResponsibleOfficerId' | 'deputyId'> = { LRO: 'leadResponsibleOfficerId', DEPUTY: 'deputyId' };
const NOT_IN_LIST: Record<AssignmentRole, string> = {
  LRO: 'Select an LRO from the list',
  DEPUTY: 'Select a deputy from the list',
};

type Person = { id: string; name: string } | null;
const person = (row: OfficerRow | undefined | null): Person => (row ? { id: row.id, name: row.name } : null);

/** The warnings for the officers about to be appointed, with the thresholds of the threat's organisation. */
async function warningsFor(tx: Tx, threatOrganisationPath: string, appointing: { role: AssignmentRole; officer: OfficerRow }[], now: Date) {
  if (appointing.length === 0) return [];
  const thresholds = await getEffectiveThresholds(threatOrganisationPath, tx);
  const standings = await getOfficerStandings(tx, appointing.map((a) => a.officer.id));
  return appointing.flatMap(({ role, officer }) => {
    const standing = standings.get(officer.id)!;
    return assignmentWarnings(
      { id: officer.id, name: officer.name, role, training: lroTrainingStatus(standing.lroCourses, now), activeThreatsAsLro: standing.activeThreatsAsLro },
      thresholds,
    );
  });
}

/**
 * Assign or replace the LRO and the deputy of a threat (managers of the threat's organisation or
 * above: policy verb threat:assign-lro). The history is kept: a change ends the open LroAssignment
 * row of that role and opens one for the new holder; an unchanged role is left alone. Replacing
 * one LRO with another is a handover and needs a note (isHandover). Appointing an untrained or
 * heavily loaded officer warns and waits for confirmation; it never refuses.
 */
export const assignLro: ActionConfig<typeof assignLroSchema, LoadedThreat, AssignLroResult> = {
  name: 'threat.assign-lro',
  schema: assignLroSchema,
  verb: 'threat:assign-lro',
  load: ({ user, input, tx }) => loadThreatResource(tx, user, input.threatId),
  async handler({ user, input, record, tx }) {
    const now = new Date();
    const threatId = record.id;
    // Checked first, so that nobody confirms warnings about a threat someone else has just changed.
    const stale = async () => {
      const last = await lastChangeOf(tx, 'SocThreat', threatId);
      return conflict(last?.by ?? null, last?.at ?? now);
    };
    if (record.version !== input.version) throw await stale();

    const wanted: Record<AssignmentRole, string | null> = {
      LRO: input.leadResponsibleOfficerId === NO_OFFICER ? null : input.leadResponsibleOfficerId,
      DEPUTY: input.deputyId === NO_OFFICER ? null : input.deputyId,
    };
    const current: Record<AssignmentRole, string | null> = { LRO: record.leadResponsibleOfficerId, DEPUTY: record.deputyId };
    const changing = (['LRO', 'DEPUTY'] as const).filter((role) => wanted[role] !== current[role]);
    if (changing.length === 0) return { data: { outcome: 'unchanged', version: record.version }, message: 'No changes were made', audit: [] };

    // A newly appointed officer must hold the LRO role in the threat's force (or ROCU) tree.
    const root = await lroTreeRoot(tx, record.organisation.path);
    const appointing: { role: AssignmentRole; officer: OfficerRow }[] = [];
    const fieldErrors: Record<string, string[]> = {};
    // Replacing the LRO is a handover: the incoming LRO is told what they inherit, with this note.
    const handover = isHandover(current.LRO, input.leadResponsibleOfficerId);
    if (handover && !input.handoverNote) fieldErrors.handoverNote = [HANDOVER_NOTE_MESSAGE];
    for (const role of changing) {
      const id = wanted[role];
      if (!id) continue;
      const officer = await findLroOfficer(tx, root.path, id);
      if (officer) appointing.push({ role, officer });
      else fieldErrors[FIELD[role]] = [NOT_IN_LIST[role]];
    }
    if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'There is a problem', fieldErrors);

    const warnings = await warningsFor(tx, record.organisation.path, appointing, now);
    if (warnings.length > 0 && !input.confirmWarnings) return { data: { outcome: 'warnings', warnings }, audit: [] };

    const { count } = await tx.socThreat.updateMany({
      where: { id: threatId, version: input.version },
      data: { leadResponsibleOfficerId: wanted.LRO, deputyId: wanted.DEPUTY, version: { increment: 1 } },
    });
    if (count === 0) throw await stale();

    const people = new Map((await getOfficers(tx, [...new Set([...Object.values(wanted), ...Object.values(current)].filter((id): id is string => Boolean(id)))])).map((o) => [o.id, o]));
    const note = input.handoverNote || null;
    const open = await tx.lroAssignment.findMany({ where: { threatId, endedAt: null, role: { in: changing } }, select: { id: true, role: true } });
    // The handover note stays with the outgoing LRO; with the outgoing deputy when only the deputy
    // changes. On a handover it is also the incoming LRO's, on their new row, which stays unseen
    // (handoverSeenAt null) until they say they have read it (lib/services/handovers.ts).
    const noteKeptWith = (['LRO', 'DEPUTY'] as const).find((role) => changing.includes(role) && open.some((row) => row.role === role)) ?? null;
    for (const role of changing) {
      const ids = open.filter((row) => row.role === role).map((row) => row.id);
      if (ids.length > 0) {
        await tx.lroAssignment.updateMany({ where: { id: { in: ids } }, data: { endedAt: now, ...(note && role === noteKeptWith ? { handoverNote: note } : {}) } });
      }
      if (wanted[role]) {
        const incomingNote = role === 'LRO' && handover ? note : null;
        await tx.lroAssignment.create({ data: { threatId, userId: wanted[role]!, role, startedAt: now, assignedById: user.id, handoverNote: incomingNote }, select: { id: true } });
      }
    }

    const audit = changing.map((role) => {
      const key = role === 'LRO' ? 'leadResponsibleOfficer' : 'deputy';
      return {
        action: role === 'LRO' ? 'threat.assign-lro' : 'threat.assign-deputy',
        entityType: 'SocThreat',
        entityId: threatId,
        organisationId: record.organisationId,
        threatId,
        before: { [key]: person(current[role] ? people.get(current[role]!) : null) },
        after: {
          [key]: person(wanted[role] ? people.get(wanted[role]!) : null),
          ...(note ? { handoverNote: note } : {}),
          // Warnings the manager saw and overrode, kept with the decision.
          ...(warnings.some((w) => w.role === role) ? { warningsConfirmed: warnings.filter((w) => w.role === role).map((w) => w.message) } : {}),
        },
      };
    });
    return { data: { outcome: 'saved', version: input.version + 1 }, message: 'LRO and deputy saved', audit };
  },
};

// The officer choices are a read model built in lib/db; the forms import their types from here.
export { getLroChoices, type LroChoices, type OfficerChoice } from '@/lib/db/officers';
