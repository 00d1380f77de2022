import 'server-only';
import type { ActionConfig } from './authed-action';
import { loadOwnAccount, markAllNotificationsRead, setDigestFrequency, type OwnAccount } from '@/lib/db/notifications';
import { markNotificationsReadSchema, updateDigestFrequencySchema } from '@/lib/validation/notifications';

// A person's own notifications and e-mail preference (issue 5, "Reminders"). Both act on the
// signed-in person's own account only: it is loaded by their id, and the policy's account:update
// allows a person's own account (the "holder" relation) and nobody else's.

export const PREFERENCE_SAVED_MESSAGE = 'Your e-mail reminder preference has been saved';

/** Daily, weekly (Mondays) or no e-mail. The in-app notifications continue whichever is chosen. */
export const updateDigestFrequency: ActionConfig<typeof updateDigestFrequencySchema, OwnAccount, { digestFrequency: string }> = {
  name: 'account.digest-frequency-updated',
  schema: updateDigestFrequencySchema,
  verb: 'account:update',
  load: ({ user, tx }) => loadOwnAccount(tx, user),
  async handler({ input, record, tx }) {
    if (record.digestFrequency === input.digestFrequency) {
      return { data: { digestFrequency: input.digestFrequency }, message: PREFERENCE_SAVED_MESSAGE, audit: [] };
    }
    await setDigestFrequency(tx, record.id, input.digestFrequency);
    return {
      data: { digestFrequency: input.digestFrequency },
      message: PREFERENCE_SAVED_MESSAGE,
      audit: {
        action: 'account.digest-frequency-updated',
        entityType: 'User',
        entityId: record.id,
        organisationId: record.organisationId,
        before: { digestFrequency: record.digestFrequency },
        after: { digestFrequency: input.digestFrequency },
      },
    };
  },
};

/** Marks all of the person's notifications read. */
export const markNotificationsRead: ActionConfig<typeof markNotificationsReadSchema, OwnAccount, { count: number }> = {
  name: 'notifications.marked-read',
  schema: markNotificationsReadSchema,
  verb: 'account:update',
  load: ({ user, tx }) => loadOwnAccount(tx, user),
  async handler({ record, tx }) {
    const count = await markAllNotificationsRead(tx, record.id, new Date());
    return {
      data: { count },
      audit: count === 0 ? [] : { action: 'notifications.marked-read', entityType: 'User', entityId: record.id, organisationId: record.organisationId, after: { count } },
    };
  },
};
