import 'server-only';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from './config';

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = {
  send(message: MailMessage): Promise<void>;
  close(): void;
};

/**
 * An SMTP mailer (nodemailer) for one run of a job: one connection, reused for every message
 * (a pooled transport), closed when the run ends. Timeouts are short so that an unreachable relay
 * fails each message promptly rather than holding the job.
 */
export function createSmtpMailer(config: SmtpConfig): Mailer {
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth ?? undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
    close() {
      transporter.close();
    },
  };
}
