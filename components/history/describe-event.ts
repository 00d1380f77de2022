import { formatDate, formatDateTime } from '@/lib/domain/dates';
import {
  ACTION_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  STRAND_LABELS,
  REVIEW_OUTCOME_LABELS,
  THREAT_AREA_LABELS,
  THREAT_STATUS_LABELS,
  THREAT_TYPE_LABELS,
} from '@/lib/domain/vocabulary';
import { ENGAGEMENT_KIND_LABELS } from '@/lib/domain/vocabulary';

// How an audit event reads on a plan's history timeline: a short title, a sentence about what it
// was about, the fields an edit changed (before and after), and for a new record what it said.
// Events written by any part of the app are described; a shape this file does not know is shown
// as plain keys and values rather than hidden.

export type HistoryEventInput = { action: string; before: unknown; after: unknown };

export type FieldChange = { label: string; from: string; to: string };
export type FieldValue = { label: string; value: string };

export type DescribedEvent = {
  title: string;
  summary: string | null;
  changes: FieldChange[];
  details: FieldValue[];
};

const TITLES: Record<string, string> = {
  'plan.create': '4P plan created',
  'plan.update': 'Plan details changed',
  'plan.activate': 'Plan made active',
  'plan.close': 'Plan closed',
  'plan.reviewed': 'Plan reviewed',
  'objective.create': 'Objective added',
  'objective.update': 'Objective changed',
  'action.create': 'Action added',
  'action.update': 'Action changed',
  'action.cancel': 'Action cancelled',
  'action.record-update': 'Action update recorded',
  'engagement.create': 'Partner engagement recorded',
  'threat.create': 'Threat added',
  'threat.update': 'Threat details changed',
  'threat.assign-lro': 'LRO assigned',
  'threat.assign-deputy': 'Deputy assigned',
  'lro.handover-acknowledged': 'Handover read by the new LRO',
};

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  strand: 'Strand',
  title: 'Objective',
  successMeasure: 'Success measure',
  intelligenceGaps: 'Intelligence gaps',
  planOwner: 'Plan owner',
  description: 'Description',
  objective: 'Objective',
  owner: 'Owner',
  ownerUser: 'Owner',
  ownerName: 'Owner',
  ownerOrganisation: 'Owner organisation',
  ownerContactName: 'Named contact',
  dueOn: 'Due date',
  dueDate: 'Due date',
  note: 'Note',
  statusFrom: 'Status before',
  statusTo: 'Status after',
  partner: 'Partner organisation',
  engagedOn: 'Date of engagement',
  kind: 'Kind',
  summary: 'Summary',
  closureOutcome: 'Outcome',
  closureWhatWorked: 'What worked',
  closureLearning: 'Learning to share',
  activatedAt: 'Date made active',
  closedAt: 'Date closed',
  name: 'Name',
  type: 'Type',
  tier: 'Tier',
  areas: 'Threat areas',
  archivedReason: 'Reason archived',
  leadResponsibleOfficer: 'LRO',
  lro: 'LRO',
  deputy: 'Deputy',
  handoverNote: 'Handover note',
  handoverSeenAt: 'Handover read',
  lookOutFor: 'What to look out for',
  reason: 'Reason',
};

/** Codes of the domain's vocabularies and the words people read for them. */
const VALUE_LABELS: Record<string, string> = {
  ...THREAT_AREA_LABELS,
  ...THREAT_TYPE_LABELS,
  ...THREAT_STATUS_LABELS,
  ...ENGAGEMENT_KIND_LABELS,
  ...ACTION_STATUS_LABELS,
  ...PLAN_STATUS_LABELS,
  ...STRAND_LABELS,
  ...REVIEW_OUTCOME_LABELS,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "ownerContactName" -> "Owner contact name"; "action.record-update" -> "Action record update". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelOf(key: string): string {
  return FIELD_LABELS[key] ?? humanise(key);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export const NOT_SET = 'Not set';

/** A value from an audit event as a person reads it. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return NOT_SET;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (DATE_ONLY.test(value)) return formatDate(new Date(`${value}T00:00:00Z`));
    if (TIMESTAMP.test(value)) {
      const date = new Date(value);
      // A date stored as midnight UTC is a calendar date, not a moment.
      return value.includes('T00:00:00') ? formatDate(date) : formatDateTime(date);
    }
    return VALUE_LABELS[value] ?? value;
  }
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : 'None';
  if (isRecord(value) && typeof value.name === 'string') return value.name;
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (isBlank(a) && isBlank(b));
const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** Ids and versions say nothing to a reader when a named field beside them changed too. */
const isPlumbing = (key: string) => /Ids?$/.test(key) || key === 'version' || key === 'id';

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  const named = keys.filter((key) => !isPlumbing(key));
  return (named.length ? named : keys).map((key) => ({ label: labelOf(key), from: formatValue(before[key]), to: formatValue(after[key]) }));
}

function detailsOf(record: Record<string, unknown>, skip: readonly string[] = []): FieldValue[] {
  const keys = Object.keys(record).filter((key) => !skip.includes(key) && !isBlank(record[key]));
  const named = keys.filter((key) => !isPlumbing(key));
  return (named.length ? named : keys).map((key) => ({ label: labelOf(key), value: formatValue(record[key]) }));
}

const ENGAGEMENT_VERBS: Record<string, string> = { CONSULTED: 'Consulted', TASKED: 'Tasked', MEETING: 'Met' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A sentence naming what the event was about, from the fields it carries; null when none fit. */
function summaryOf(action: string, data: Record<string, unknown>): string | null {
  const strand = typeof data.strand === 'string' ? STRAND_LABELS[data.strand as keyof typeof STRAND_LABELS] : undefined;
  if (action.startsWith('objective.') && text(data.title)) return `${strand ? `${strand} objective` : 'Objective'}: ${text(data.title)}`;
  if (action.startsWith('action.') && text(data.description)) return `${strand ? `${strand} action` : 'Action'}: ${text(data.description)}`;
  if (action === 'engagement.create' && text(data.partner)) {
    const verb = ENGAGEMENT_VERBS[String(data.kind)] ?? 'Engaged with';
    return `${verb} ${text(data.partner)}${typeof data.engagedOn === 'string' ? ` on ${formatValue(data.engagedOn)}` : ''}`;
  }
  return null;
}

/** The title, sentence, changes and details of one audit event on the history timeline. */
export function describeEvent(event: HistoryEventInput): DescribedEvent {
  const title = TITLES[event.action] ?? humanise(event.action);
  const { before, after } = event;

  if (isRecord(before) && isRecord(after)) {
    return { title, summary: summaryOf(event.action, { ...before, ...after }), changes: changesOf(before, after), details: [] };
  }
  if (isRecord(after) || isRecord(before)) {
    const record = (isRecord(after) ? after : before) as Record<string, unknown>;
    const summary = summaryOf(event.action, record);
    const changes: FieldChange[] = [];
    // An action update carries its status change as statusFrom/statusTo.
    if ('statusFrom' in record && 'statusTo' in record && !same(record.statusFrom, record.statusTo)) {
      changes.push({ label: 'Status', from: formatValue(record.statusFrom), to: formatValue(record.statusTo) });
    }
    const skip = [...(summary ? ['title', 'description', 'strand', 'partner', 'kind', 'engagedOn'] : []), ...(changes.length ? ['statusFrom', 'statusTo'] : [])];
    return { title, summary, changes, details: detailsOf(record, skip) };
  }
  // Not objects: show whatever there is as it is.
  const details: FieldValue[] = [];
  if (!isBlank(before)) details.push({ label: 'Before', value: formatValue(before) });
  if (!isBlank(after)) details.push({ label: 'After', value: formatValue(after) });
  return { title, summary: null, changes: [], details };
}
