import 'server-only';
import type { ActionConfig } from './authed-action';
import { loadPersonResource, type LroPerson } from '@/lib/db/lro-register';
import { londonDayStart } from '@/lib/domain/dates';
import { recordTrainingSchema } from '@/lib/validation/training';

// Co-ordinators record a person's training (issue 5, "Training"): training:record on the person,
// who must be in the co-ordinator's organisation or below. Records are only ever added (each is
// one course attended), so two co-ordinators cannot overwrite each other and no version is
// needed. LRO_UNTRAINED clears when a completed, unexpired LRO course exists (lib/domain/lro.ts).

export const TRAINING_RECORDED_MESSAGE = 'Training recorded';

export const recordTraining: ActionConfig<typeof recordTrainingSchema, LroPerson, { trainingRecordId: string; userId: string }> = {
  name: 'training.recorded',
  schema: recordTrainingSchema,
  verb: 'training:record',
  load: ({ user, input, tx }) => loadPersonResource(tx, user, input.userId),
  async handler({ user, input, record, tx }) {
    // Each date as the instant its London day begins: a course completed today counts from the
    // first moment of today (LRO_UNTRAINED clears at once, even in the hour after midnight in
    // summer, when UTC midnight is still to come), and one expiring on a day stops counting as it begins.
    const completedOn = londonDayStart(input.completedOn!);
    const expiresOn = input.expiresOn ? londonDayStart(input.expiresOn) : null;
    const note = input.note || null;
    const created = await tx.trainingRecord.create({
      data: { userId: record.id, kind: input.kind, completedOn, expiresOn, note, recordedById: user.id },
      select: { id: true },
    });
    return {
      data: { trainingRecordId: created.id, userId: record.id },
      message: TRAINING_RECORDED_MESSAGE,
      audit: {
        action: 'training.recorded',
        entityType: 'TrainingRecord',
        entityId: created.id,
        organisationId: record.organisationId,
        after: { person: { id: record.id, name: record.name }, kind: input.kind, completedOn: input.completedOn, expiresOn: input.expiresOn, note },
      },
    };
  },
};
