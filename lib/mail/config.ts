import 'server-only';
import { z } from 'zod';

// Outgoing mail (issue 5, "Reminders"): SMTP configured by environment variables. With no
// SMTP_HOST (the demo), nothing leaves the app: digests are kept in the outbox an admin reads.
// Read when a job runs, not at start-up, so that a mistake in the mail settings stops the reminder
// job with a clear message rather than the whole app.

const SMTP_KEYS = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_FROM', 'SMTP_SECURE'] as const;

const smtpEnvSchema = z
  .object({
    SMTP_HOST: z.string().trim().min(1),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z.string().trim().min(3, 'SMTP_FROM must be set when SMTP_HOST is, e.g. "Quadrant <quadrant@force.police.uk>"'),
    SMTP_SECURE: z.enum(['true', 'false']).optional(),
  })
  .strict()
  .refine((env) => (env.SMTP_USER === undefined) === (env.SMTP_PASSWORD === undefined), {
    message: 'SMTP_USER and SMTP_PASSWORD are set together or not at all',
    path: ['SMTP_PASSWORD'],
  });

export type SmtpConfig = {
  host: string;
  port: number;
  /** TLS from the start (usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
};

/** How mail leaves: through an SMTP relay, or not at all (kept in the outbox). */
export type MailConfig = { transport: 'smtp'; smtp: SmtpConfig } | { transport: 'outbox' };

type Source = Record<string, string | undefined>;

/**
 * The mail settings from the environment: SMTP when SMTP_HOST is set (SMTP_FROM then too;
 * SMTP_PORT defaults to 465 when SMTP_SECURE=true, else 587), the outbox otherwise. Throws a
 * message naming the variable when a setting is wrong.
 */
export function readMailConfig(source: Source = process.env): MailConfig {
  const present: Record<string, string> = {};
  for (const key of SMTP_KEYS) {
    const value = source[key];
    if (value !== undefined && value !== '') present[key] = value;
  }
  if (!present.SMTP_HOST) return { transport: 'outbox' };
  const parsed = smtpEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'SMTP'}: ${issue.message}`);
    throw new Error(`The mail settings are not valid: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const secure = env.SMTP_SECURE === 'true';
  return {
    transport: 'smtp',
    smtp: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      auth: env.SMTP_USER && env.SMTP_PASSWORD ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : null,
      from: env.SMTP_FROM,
    },
  };
}

const baseUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * The app's public address, for links in e-mails: APP_BASE_URL, else NEXTAUTH_URL, else the local
 * demo's address.
 */
export function appBaseUrl(source: Source = process.env): string {
  for (const key of ['APP_BASE_URL', 'NEXTAUTH_URL'] as const) {
    const value = source[key];
    if (!value) continue;
    const parsed = baseUrlSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${key} must be an http(s) address, e.g. https://quadrant.force.police.uk`);
    return parsed.data.replace(/\/+$/, '');
  }
  return `http://localhost:${source.PORT || '3000'}`;
}
