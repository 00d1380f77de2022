import { z } from 'zod';
import { DIGEST_FREQUENCIES } from '@/lib/domain/digest';

export const DIGEST_FREQUENCY_MESSAGE = 'Select how often you want e-mail reminders';

/** A person's e-mail reminder preference (the form on /account/notifications). */
export const updateDigestFrequencySchema = z
  .object({
    digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: DIGEST_FREQUENCY_MESSAGE }),
  })
  .strict();

export type UpdateDigestFrequencyInput = z.input<typeof updateDigestFrequencySchema>;

/** "Mark all as read" sends nothing but the request itself. */
export const markNotificationsReadSchema = z.object({}).strict();
