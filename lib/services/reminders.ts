import 'server-only';
import {
  gatherDigestItems,
  listDigestedUserIds,
  listDigestRecipients,
  markOutboxMessageFailed,
  markOutboxMessageSent,
  recordDigest,
  type DigestRecipient,
} from '@/lib/db/digest';
import { londonDateKey } from '@/lib/domain/dates';
import { buildDigest, DIGEST_NOTIFICATION_KIND, isEmailDay, isLondonMonday } from '@/lib/domain/digest';
import { appBaseUrl, readMailConfig, type MailConfig } from '@/lib/mail/config';
import { createSmtpMailer, type Mailer } from '@/lib/mail/send';

// The daily digest (issue 5, "Reminders"). For each active person, a page of people at a time:
// gather what needs them (bounded queries), build the digest, and record it once per London day.
//
// - In the app: everyone with something to do gets a notification every day. The e-mail
//   preference (User.digestFrequency) is about e-mail only: DAILY every day, WEEKLY on Mondays,
//   NONE never. Opting out of e-mail keeps the notifications list.
// - E-mail: through SMTP when it is configured (lib/mail/config.ts), recorded as an outbox message
//   with transport 'smtp' and `sentAt` (or `error`); without SMTP (the demo), kept as an outbox
//   message with transport 'outbox' for an admin to read.
// - Once a day: a DigestRun (unique per person and London date) is claimed in the same transaction
//   as the notification and the message, so a second run on the same day, or a run on another
//   instance at the same moment, sends nothing more. Nothing to send still claims the day (with no
//   notification), so later runs that day skip the person at once.
// - The e-mail is handed to the relay after that transaction commits: a relay failure is recorded
//   on the message and counted, and is not retried that day (better one missed e-mail than two).

/** People per page: each page's people are judged one after another. */
export const DIGEST_BATCH_SIZE = 50;

export type DigestRunCounts = {
  /** Active people considered. */
  users: number;
  /** Digests written (an in-app notification, and an e-mail where their preference says so). */
  sent: number;
  /** Of those, how many were e-mailed (handed to the relay, or kept in the outbox without SMTP). */
  emailed: number;
  /** People with nothing to send today. */
  skipped: number;
  /** People whose digest of the day had been recorded already. */
  alreadySent: number;
  /** People whose digest could not be made, or whose e-mail the relay did not accept. */
  failed: number;
};

export type RunDigestsOptions = {
  /** Only people of this organisation and below (tests; a run for one force). */
  organisationPath?: string;
  /** The mail settings; by default read from the environment (SMTP_* variables). */
  mail?: MailConfig;
  /** The app's address for links; by default APP_BASE_URL, else NEXTAUTH_URL. */
  baseUrl?: string;
  batchSize?: number;
};

type Outcome = 'sent' | 'emailed' | 'skipped' | 'alreadySent' | 'failedMail';

async function digestFor(recipient: DigestRecipient, now: Date, digestDate: string, baseUrl: string, mail: MailConfig, mailer: () => Mailer): Promise<Outcome> {
  const items = await gatherDigestItems(recipient, now);
  const emailToday = isEmailDay(recipient.digestFrequency, now);
  const period = recipient.digestFrequency === 'WEEKLY' && isLondonMonday(now) ? 'week' : 'day';
  const digest = buildDigest({ recipientName: recipient.name, items, now, baseUrl, period });

  const recorded = await recordDigest({
    userId: recipient.id,
    digestDate,
    frequency: recipient.digestFrequency,
    itemCount: digest?.itemCount ?? 0,
    notification: digest ? { kind: DIGEST_NOTIFICATION_KIND, title: digest.title, body: digest.body, link: digest.link } : null,
    email:
      digest && emailToday
        ? { toAddress: recipient.email, subject: digest.subject, textBody: digest.text, htmlBody: digest.html, transport: mail.transport }
        : null,
  });
  if (!recorded) return 'alreadySent';
  if (!digest) return 'skipped';
  if (!recorded.outboxMessageId) return 'sent';
  if (mail.transport !== 'smtp') return 'emailed';

  try {
    await mailer().send({ to: recipient.email, subject: digest.subject, text: digest.text, html: digest.html });
    await markOutboxMessageSent(recorded.outboxMessageId, new Date());
    return 'emailed';
  } catch (error) {
    await markOutboxMessageFailed(recorded.outboxMessageId, error instanceof Error ? error.message : String(error));
    console.error(JSON.stringify({ event: 'digest-mail-failed', userId: recipient.id, error: String(error) }));
    return 'failedMail';
  }
}

/**
 * Runs the digest of the London day of `now` for every active person (or those under
 * `opts.organisationPath`). Idempotent: run twice on one day, each person is sent one digest.
 */
export async function runDigests(now: Date, opts: RunDigestsOptions = {}): Promise<DigestRunCounts> {
  const mail = opts.mail ?? readMailConfig();
  const baseUrl = opts.baseUrl ?? appBaseUrl();
  const batchSize = opts.batchSize ?? DIGEST_BATCH_SIZE;
  const digestDate = londonDateKey(now);
  const counts: DigestRunCounts = { users: 0, sent: 0, emailed: 0, skipped: 0, alreadySent: 0, failed: 0 };

  // One SMTP connection for the whole run, opened only when the first e-mail goes.
  let smtp: Mailer | null = null;
  const mailer = () => {
    if (mail.transport !== 'smtp') throw new Error('No SMTP relay is configured');
    smtp ??= createSmtpMailer(mail.smtp);
    return smtp;
  };

  try {
    let afterId: string | null = null;
    for (;;) {
      const recipients = await listDigestRecipients({ afterId, take: batchSize, organisationPath: opts.organisationPath });
      if (recipients.length === 0) break;
      afterId = recipients[recipients.length - 1]!.id;
      counts.users += recipients.length;

      const done = await listDigestedUserIds(recipients.map((r) => r.id), digestDate);
      for (const recipient of recipients) {
        if (done.has(recipient.id)) {
          counts.alreadySent += 1;
          continue;
        }
        try {
          const outcome = await digestFor(recipient, now, digestDate, baseUrl, mail, mailer);
          if (outcome === 'alreadySent') counts.alreadySent += 1;
          else if (outcome === 'skipped') counts.skipped += 1;
          else {
            counts.sent += 1;
            if (outcome === 'emailed') counts.emailed += 1;
            if (outcome === 'failedMail') counts.failed += 1;
          }
        } catch (error) {
          counts.failed += 1;
          console.error(JSON.stringify({ event: 'digest-failed', userId: recipient.id, error: String(error) }));
        }
      }
      if (recipients.length < batchSize) break;
    }
  } finally {
    (smtp as Mailer | null)?.close();
  }
  console.info(JSON.stringify({ event: 'digests-run', digestDate, ...counts }));
  return counts;
}
