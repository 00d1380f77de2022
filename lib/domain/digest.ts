/**
 * The reminder digest (issue 5, "Reminders"): what needs a person, as an e-mail (subject, plain
 * text and simple HTML) and as an in-app notification. Pure: the items, the recipient and `now`
 * come in; nothing is read from a clock or a database.
 *
 * What needs a person: the flags on the threats they hold (and their own officer flags), their
 * open actions that are overdue, due within a week or not updated for too long, and, for those
 * who review plans, the reviews that are due. Every e-mail is marked OFFICIAL-SENSITIVE at the
 * top and the bottom (it names threats) and links back to the app.
 */
import { FLAG_LABELS, flagHref, type FlagCode, type FlagSeverity, type FlagSubjectKind } from './compliance/flags';
import { formatDate, londonDateKey } from './dates';

export const DIGEST_FREQUENCIES = ['DAILY', 'WEEKLY', 'NONE'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const DIGEST_FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  DAILY: 'Daily',
  WEEKLY: 'Weekly (Mondays)',
  NONE: 'No e-mail',
};

/** The marking every e-mail carries, top and bottom: digests name threats. */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** At most this many items of each section are listed; the rest are counted ("and 4 more"). */
export const DIGEST_SECTION_LIMIT = 10;

/** An action is in the digest when it is due within this many days (or overdue, or stale). */
export const DIGEST_DUE_WITHIN_DAYS = 7;

/** Where people change how often they are e-mailed. */
export const NOTIFICATION_SETTINGS_PATH = '/account/notifications';

/** The in-app notification's kind for a digest. */
export const DIGEST_NOTIFICATION_KIND = 'digest';

/** Action descriptions are free text of any length: the digest shows the start of each. */
const DESCRIPTION_LIMIT = 120;

export type DigestThreat = { id: string; urn: string; name: string };

export type DigestFlagItem = {
  code: FlagCode;
  severity: FlagSeverity;
  subjectKind: FlagSubjectKind;
  subjectId: string;
  /** The threat the flag belongs to; null for the person's own officer flags. */
  threat: DigestThreat | null;
};

export type DigestActionItem = {
  id: string;
  description: string;
  threat: DigestThreat;
  dueOn: Date | null;
  lastUpdatedAt: Date;
  isOverdue: boolean;
  isStale: boolean;
};

export type DigestReviewItem = {
  planId: string;
  threat: DigestThreat;
  dueOn: Date | null;
  state: 'OVERDUE' | 'DUE' | 'NEVER_REVIEWED' | 'UPCOMING';
};

/** Some of a section's items (at most DIGEST_SECTION_LIMIT) and how many there are in all. */
export type DigestSection<T> = { items: T[]; total: number };

export type DigestItems = {
  flags: DigestSection<DigestFlagItem>;
  actions: DigestSection<DigestActionItem>;
  reviews: DigestSection<DigestReviewItem>;
};

export type DigestInput = {
  recipientName: string;
  items: DigestItems;
  now: Date;
  /** The app's public address, e.g. https://quadrant.example.police.uk (APP_BASE_URL or NEXTAUTH_URL). */
  baseUrl: string;
  /** A weekly e-mail says "this week" rather than "today". */
  period?: 'day' | 'week';
};

export type Digest = {
  /** How many things need the person (every item, listed or not). */
  itemCount: number;
  /** E-mail. */
  subject: string;
  text: string;
  html: string;
  /** In-app notification: a title, and plain text with one item per line. */
  title: string;
  body: string;
  /** Where the notification leads: My work. */
  link: string;
};

// --- Who is e-mailed when ------------------------------------------------------------------------

/** Whether `now` falls on a Monday in London (a weekly digest's day). */
export function isLondonMonday(now: Date): boolean {
  return new Date(`${londonDateKey(now)}T00:00:00Z`).getUTCDay() === 1;
}

/**
 * Whether a person with this preference is e-mailed on the day of `now`: every day, Mondays only
 * (London), or never. The in-app notification does not depend on it: opting out of e-mail keeps
 * the notifications list.
 */
export function isEmailDay(frequency: DigestFrequency, now: Date): boolean {
  if (frequency === 'DAILY') return true;
  if (frequency === 'WEEKLY') return isLondonMonday(now);
  return false;
}

/** The hour (London) from which a day's digest is due: the schedule runs it at 07:00. */
export const DIGEST_HOUR = 7;

/** The hour of `now` in London (0-23). */
function londonHour(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/**
 * Whether the day's digest is due at `now`: from 07:00 London time, unless it has run already on
 * that London day (`lastRunDate`, a yyyy-mm-dd key). The in-process schedule's rule (SQLite).
 */
export function isDigestDue(now: Date, lastRunDate: string | null): boolean {
  return londonHour(now) >= DIGEST_HOUR && londonDateKey(now) !== lastRunDate;
}

// --- Content -------------------------------------------------------------------------------------

type Line = { text: string; href: string };
type Section = { heading: string; lines: Line[]; more: number };

function countOf(items: DigestItems): number {
  return items.flags.total + items.actions.total + items.reviews.total;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function threatText(threat: DigestThreat): string {
  return `${threat.urn} ${threat.name}`;
}

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}\u2026`;
}

function flagLine(flag: DigestFlagItem): Line {
  const severity = flag.severity === 'alert' ? 'Alert' : 'Warning';
  const about = flag.threat ? threatText(flag.threat) : 'you';
  const href = flagHref({ code: flag.code, subject: { kind: flag.subjectKind, id: flag.subjectId }, threatId: flag.threat?.id ?? null });
  return { text: `${severity}: ${FLAG_LABELS[flag.code]} \u2013 ${about}`, href };
}

function actionLine(action: DigestActionItem): Line {
  let reason: string;
  if (action.isOverdue && action.dueOn) reason = `Overdue (due ${formatDate(action.dueOn)})`;
  else if (action.dueOn && !action.isStale) reason = `Due ${formatDate(action.dueOn)}`;
  else if (action.dueOn) reason = `No update since ${formatDate(action.lastUpdatedAt)}, due ${formatDate(action.dueOn)}`;
  else reason = `No update since ${formatDate(action.lastUpdatedAt)}`;
  return {
    text: `${reason}: ${shorten(action.description, DESCRIPTION_LIMIT)} \u2013 ${threatText(action.threat)}`,
    href: `/threats/${encodeURIComponent(action.threat.id)}/plan/actions/${encodeURIComponent(action.id)}`,
  };
}

function reviewLine(review: DigestReviewItem): Line {
  let state: string;
  if (review.state === 'NEVER_REVIEWED') state = 'Never reviewed';
  else if (review.state === 'OVERDUE') state = `Overdue (due ${formatDate(review.dueOn)})`;
  else state = review.dueOn ? `Due ${formatDate(review.dueOn)}` : 'Due';
  return { text: `${state}: ${threatText(review.threat)}`, href: `/reviews/${encodeURIComponent(review.planId)}` };
}

function sections(items: DigestItems): Section[] {
  const section = <T>(heading: string, part: DigestSection<T>, line: (item: T) => Line): Section | null =>
    part.total > 0 ? { heading: `${heading} (${part.total})`, lines: part.items.map(line), more: Math.max(0, part.total - part.items.length) } : null;
  return [
    section('Flags on your threats', items.flags, flagLine),
    section('Your actions', items.actions, actionLine),
    section('Plan reviews due', items.reviews, reviewLine),
  ].filter((s): s is Section => s !== null);
}

/** The app's address without a trailing slash; a relative path joined to it. */
function absolute(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: every character that could start markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** "3 things need you today" (or "this week"). */
export function digestHeadline(count: number, period: 'day' | 'week' = 'day'): string {
  return `${plural(count, 'thing needs', 'things need')} you ${period === 'week' ? 'this week' : 'today'}`;
}

/**
 * The digest for one person, or null when nothing needs them (nothing is sent then: no e-mail and
 * no notification).
 */
export function buildDigest({ recipientName, items, now, baseUrl, period = 'day' }: DigestInput): Digest | null {
  const count = countOf(items);
  if (count === 0) return null;
  const parts = sections(items);
  const headline = digestHeadline(count, period);
  const home = absolute(baseUrl, '/');
  const settings = absolute(baseUrl, NOTIFICATION_SETTINGS_PATH);
  const date = formatDate(now);

  const text = [
    PROTECTIVE_MARKING,
    '',
    `Hello ${recipientName},`,
    '',
    `${headline} in Quadrant (${date}).`,
    ...parts.flatMap((s) => [
      '',
      s.heading,
      ...s.lines.flatMap((line) => [`- ${line.text}`, `  ${absolute(baseUrl, line.href)}`]),
      ...(s.more > 0 ? [`- and ${s.more} more: see My work, ${home}`] : []),
    ]),
    '',
    `Open Quadrant: ${home}`,
    `Change how often you get these e-mails: ${settings}`,
    '',
    PROTECTIVE_MARKING,
    '',
  ].join('\n');

  const e = escapeHtml;
  const marking = `<p style="font-weight:bold;text-align:center">${e(PROTECTIVE_MARKING)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${e(`Quadrant: ${headline}`)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;color:#0b0c0c">',
    marking,
    `<p>Hello ${e(recipientName)},</p>`,
    `<p>${e(`${headline} in Quadrant (${date}).`)}</p>`,
    ...parts.flatMap((s) => [
      `<h2 style="font-size:19px">${e(s.heading)}</h2>`,
      '<ul>',
      ...s.lines.map((line) => `<li><a href="${e(absolute(baseUrl, line.href))}">${e(line.text)}</a></li>`),
      ...(s.more > 0 ? [`<li>and ${s.more} more: see <a href="${e(home)}">My work</a></li>`] : []),
      '</ul>',
    ]),
    `<p><a href="${e(home)}">Open Quadrant</a></p>`,
    `<p><a href="${e(settings)}">Change how often you get these e-mails</a></p>`,
    marking,
    '</body></html>',
    '',
  ].join('\n');

  const body = parts
    .flatMap((s) => [...s.lines.map((line) => line.text), ...(s.more > 0 ? [`and ${s.more} more ${s.heading.replace(/ \(\d+\)$/, '').toLowerCase()}`] : [])])
    .join('\n');

  return {
    itemCount: count,
    subject: `Quadrant: ${headline}`,
    text,
    html,
    title: digestHeadline(count, 'day').replace(/^./, (c) => c.toUpperCase()),
    body,
    link: '/',
  };
}
