import 'server-only';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Tx } from '@/lib/db/client';
import { LEAD_AGENCY_KINDS } from '@/lib/db/disruptions';
import {
  findDisruptionsByReference,
  findOrganisationsByCode,
  findThreatsByUrn,
  findUsersByEmail,
  getThreatLabels,
  lroTreeRoots,
  runImportTransaction,
  type ImportOrganisation,
  type ImportPerson,
  type StoredDisruption,
  type StoredThreat,
} from '@/lib/db/imports';
import { findUserForSignIn, getSessionUser } from '@/lib/db/users';
import { recordAudit } from '@/lib/audit';
import { hasVerb, isWithin, type Actor } from '@/lib/auth/policy';
import { londonDateKey } from '@/lib/domain/dates';
import { readCsv, type CsvRow } from '@/lib/domain/imports/read-csv';
import { MAX_IMPORT_BYTES, MAX_LISTED_ERRORS, type ImportKind, type ImportMode, type ImportProgress, type ImportResult, type RowError } from '@/lib/domain/imports/types';
import { dateKeyToDate } from '@/lib/domain/review-diff';
import { AppError } from '@/lib/errors';
import {
  DISRUPTION_COLUMNS,
  IGNORED_IMPORT_COLUMNS,
  THREAT_COLUMNS,
  checkDisruptionRow,
  checkThreatRow,
  duplicateKeyErrors,
  type DisruptionColumnKey,
  type DisruptionImportRecord,
  type ThreatColumnKey,
  type ThreatImportRecord,
} from '@/lib/validation/imports';

// Imports of APMIS extracts (issue 6, "Imports"; docs/imports.md). A file is read, every row
// checked on its own (lib/validation/imports.ts) and then against the database within the
// importer's scope (their organisation and below, verb import:run), and each row sorted into
// create, update or unchanged. A preview stops there. A commit does the checks again inside one
// transaction and, only if no row has an error, writes in batches and records one audit event;
// any failure rolls the whole file back. Rows identical to what is stored are not touched, so
// importing a file twice changes nothing the second time (no writes, no audit event).

export type RunImportOptions = {
  kind: ImportKind;
  fileName: string;
  /** The file's bytes (UTF-8) or its text. */
  content: Uint8Array | string;
  mode: ImportMode;
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows written per batch (progress is reported after each). */
  batchSize?: number;
  /**
   * For the tests only: runs inside the transaction after each batch is written, so that a test
   * can make the write fail half-way and prove that nothing is kept.
   */
  afterBatch?: (batch: number, tx: Tx) => Promise<void>;
};

const DEFAULT_BATCH_SIZE = 250;
const CHECK_PROGRESS_EVERY = 1000;
const CHANGED_THREATS_LISTED = 50;

export const HANDOVER_NOTE_PREFIX = 'Imported from an APMIS extract';

function decode(content: Uint8Array | string): string {
  if (typeof content === 'string') return content;
  if (content.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('VALIDATION', 'The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8 (comma delimited)" and try again.');
  }
}

export function fileTooLarge(): AppError {
  return new AppError('VALIDATION', `The file must be smaller than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import each part.`);
}

const byRow = (a: RowError, b: RowError) => a.row - b.row;

// --- Plans: what each valid row would do ---------------------------------------------------------

type Outcome = 'create' | 'update' | 'unchanged';

type ThreatPlan = {
  record: ThreatImportRecord;
  outcome: Outcome;
  stored: StoredThreat | null;
  organisationId: string;
  lroId: string | null;
  deputyId: string | null;
};

type DisruptionPlan = {
  record: DisruptionImportRecord;
  outcome: Outcome;
  stored: StoredDisruption | null;
  threatId: string;
  leadAgencyId: string | null;
  apmisReference: string | null;
};

type Planned<P> = { plans: P[]; errors: RowError[] };

const inScope = (user: Actor, path: string) => isWithin(path, user.organisationPath);

/** Checks the master-list rows against the database (`db`: the client, or the commit's transaction). */
async function planThreats(user: Actor, records: ThreatImportRecord[], db?: Tx): Promise<Planned<ThreatPlan>> {
  const errors: RowError[] = [];
  const organisations = new Map((await findOrganisationsByCode(records.map((r) => r.organisationCode), db)).map((o) => [o.code, o]));
  const emails = records.flatMap((r) => [r.lroEmail, r.deputyEmail]).filter((e): e is string => Boolean(e));
  const people = new Map((await findUsersByEmail(emails, db)).map((p) => [p.email, p]));
  const { inScope: stored, elsewhere } = await findThreatsByUrn(user, records.map((r) => r.urn), db);
  const storedByUrn = new Map(stored.map((t) => [t.urn, t]));
  const scopedOrganisations = [...organisations.values()].filter((o) => inScope(user, o.path));
  const roots = await lroTreeRoots(scopedOrganisations.map((o) => o.path), db);

  const plans: ThreatPlan[] = [];
  for (const record of records) {
    const rowErrors: RowError[] = [];
    const add = (column: string, message: string) => rowErrors.push({ row: record.row, column, message });
    if (elsewhere.has(record.urn)) add('URN', `A threat with the URN ${record.urn} belongs to an organisation outside yours: it cannot be imported here`);
    const organisation: ImportOrganisation | undefined = organisations.get(record.organisationCode);
    if (!organisation || !inScope(user, organisation.path)) add('Organisation code', `Organisation ${record.organisationCode} was not found in your organisation`);

    const existing = storedByUrn.get(record.urn) ?? null;
    const officer = (email: string | null, column: string, role: string, currentId: string | null): ImportPerson | null => {
      if (!email) return null;
      const person = people.get(email);
      // The officer who holds the role already stays, even if no longer eligible to be appointed.
      if (person && person.id === currentId) return person;
      if (!person || !person.active || !inScope(user, person.organisationPath)) {
        add(column, `No active user with the e-mail address ${email} was found in your organisation`);
        return null;
      }
      if (!person.isLro) {
        add(column, `${person.name} (${email}) does not have the LRO role, so cannot be the ${role}`);
        return null;
      }
      const root = organisation && roots.get(organisation.path);
      if (root && !isWithin(person.organisationPath, root)) {
        add(column, `${person.name} (${email}) is not an officer of ${organisation!.name}'s force or ROCU, so cannot be the ${role}`);
        return null;
      }
      return person;
    };
    const lro = officer(record.lroEmail, 'LRO email', 'LRO', existing?.leadResponsibleOfficerId ?? null);
    const deputy = officer(record.deputyEmail, 'Deputy email', 'deputy', existing?.deputyId ?? null);

    // A blank LRO or deputy leaves the stored one as it is (docs/imports.md).
    const lroId = lro ? lro.id : (existing?.leadResponsibleOfficerId ?? null);
    const deputyId = deputy ? deputy.id : (existing?.deputyId ?? null);
    if (rowErrors.length === 0 && lroId && lroId === deputyId) add(record.deputyEmail ? 'Deputy email' : 'LRO email', 'The deputy must be a different person from the LRO');
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    const same =
      existing &&
      existing.name === record.name &&
      existing.type === record.type &&
      existing.tier === record.tier &&
      existing.status === record.status &&
      (existing.archivedReason ?? null) === record.archivedReason &&
      londonDateKey(existing.mappedOn) === record.mappedOn &&
      existing.organisationId === organisation!.id &&
      existing.leadResponsibleOfficerId === lroId &&
      existing.deputyId === deputyId &&
      existing.areas.join(';') === record.areas.join(';');
    plans.push({ record, outcome: !existing ? 'create' : same ? 'unchanged' : 'update', stored: existing, organisationId: organisation!.id, lroId, deputyId });
  }
  return { plans, errors };
}

/** Checks the disruption rows against the database. */
async function planDisruptions(user: Actor, records: DisruptionImportRecord[], db?: Tx): Promise<Planned<DisruptionPlan>> {
  const errors: RowError[] = [];
  const { inScope: threats } = await findThreatsByUrn(user, records.map((r) => r.urn), db);
  const threatByUrn = new Map(threats.map((t) => [t.urn, t]));
  const agencies = new Map((await findOrganisationsByCode(records.map((r) => r.leadAgencyCode).filter((c): c is string => Boolean(c)), db)).map((o) => [o.code, o]));
  const { inScope: stored, elsewhere } = await findDisruptionsByReference(user, records.map((r) => r.reference), db);
  const storedByReference = new Map(stored.map((d) => [d.reference, d]));

  const plans: DisruptionPlan[] = [];
  for (const record of records) {
    const rowErrors: RowError[] = [];
    const add = (column: string, message: string) => rowErrors.push({ row: record.row, column, message });
    if (elsewhere.has(record.reference)) add('Reference', `A disruption with the reference ${record.reference} belongs to a threat outside your organisation: it cannot be imported here`);
    const threat = threatByUrn.get(record.urn);
    if (!threat) add('URN', `Threat ${record.urn} was not found in your organisation`);
    let leadAgencyId: string | null = null;
    if (record.leadAgencyCode) {
      const agency = agencies.get(record.leadAgencyCode);
      if (!agency) add('Lead agency code', `Organisation ${record.leadAgencyCode} was not found`);
      else if (!(LEAD_AGENCY_KINDS as readonly string[]).includes(agency.kind)) add('Lead agency code', `${agency.name} is not a force, ROCU or partner agency, so cannot lead a disruption`);
      else leadAgencyId = agency.id;
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const existing = storedByReference.get(record.reference) ?? null;
    // Blank optional columns leave what is stored as it is (docs/imports.md).
    if (!record.leadAgencyCode) leadAgencyId = existing?.leadAgencyId ?? null;
    const apmisReference = record.apmisReference ?? existing?.apmisReference ?? null;
    const same =
      existing &&
      existing.threatId === threat!.id &&
      londonDateKey(existing.disruptedOn) === record.disruptedOn &&
      existing.strand === record.strand &&
      existing.category === record.category &&
      existing.role === record.role &&
      existing.leadAgencyId === leadAgencyId &&
      existing.description === record.description &&
      existing.apmisReference === apmisReference;
    plans.push({ record, outcome: !existing ? 'create' : same ? 'unchanged' : 'update', stored: existing, threatId: threat!.id, leadAgencyId, apmisReference });
  }
  return { plans, errors };
}

// --- Writes ----------------------------------------------------------------------------------------

type WriteContext = { user: Actor; tx: Tx; now: Date; fileName: string };

async function writeThreats({ user, tx, now, fileName }: WriteContext, plans: ThreatPlan[]): Promise<string[]> {
  const changed: string[] = [];
  const creates = plans.filter((p) => p.outcome === 'create');
  if (creates.length > 0) {
    const rows = creates.map((p) => ({ id: randomUUID(), plan: p }));
    await tx.socThreat.createMany({
      data: rows.map(({ id, plan: { record, organisationId, lroId, deputyId } }) => ({
        id,
        urn: record.urn,
        name: record.name,
        type: record.type,
        tier: record.tier,
        status: record.status,
        archivedReason: record.archivedReason,
        archivedAt: record.status === 'ARCHIVED' ? now : null,
        mappedOn: dateKeyToDate(record.mappedOn),
        organisationId,
        leadResponsibleOfficerId: lroId,
        deputyId,
      })),
    });
    await tx.threatAreaTag.createMany({ data: rows.flatMap(({ id, plan }) => plan.record.areas.map((area) => ({ threatId: id, area }))) });
    const assignments = rows.flatMap(({ id, plan }) => [
      ...(plan.lroId ? [{ threatId: id, userId: plan.lroId, role: 'LRO' as const, startedAt: now, assignedById: user.id }] : []),
      ...(plan.deputyId ? [{ threatId: id, userId: plan.deputyId, role: 'DEPUTY' as const, startedAt: now, assignedById: user.id }] : []),
    ]);
    if (assignments.length > 0) await tx.lroAssignment.createMany({ data: assignments });
    changed.push(...rows.map((r) => r.id));
  }

  for (const plan of plans.filter((p) => p.outcome === 'update')) {
    const { record, stored } = plan;
    const threat = stored!;
    const archiving = record.status === 'ARCHIVED';
    const { count } = await tx.socThreat.updateMany({
      where: { id: threat.id, version: threat.version },
      data: {
        name: record.name,
        type: record.type,
        tier: record.tier,
        status: record.status,
        archivedReason: record.archivedReason,
        archivedAt: archiving ? (threat.status === 'ARCHIVED' ? threat.archivedAt : now) : null,
        mappedOn: dateKeyToDate(record.mappedOn),
        organisationId: plan.organisationId,
        leadResponsibleOfficerId: plan.lroId,
        deputyId: plan.deputyId,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError('CONFLICT', `Threat ${record.urn} was changed by someone else during the import. Nothing has been imported: try again.`);
    if (threat.areas.join(';') !== record.areas.join(';')) {
      await tx.threatAreaTag.deleteMany({ where: { threatId: threat.id } });
      await tx.threatAreaTag.createMany({ data: record.areas.map((area) => ({ threatId: threat.id, area })) });
    }
    // Ownership history, as a manager's assignment keeps it (lib/services/assignments.ts): the open
    // row of a role that changes is ended and one opened for the new holder. Replacing one LRO with
    // another is a handover; the note says it came from the import.
    const note = `${HANDOVER_NOTE_PREFIX} (${fileName})`;
    const changes = [
      { role: 'LRO' as const, from: threat.leadResponsibleOfficerId, to: plan.lroId },
      { role: 'DEPUTY' as const, from: threat.deputyId, to: plan.deputyId },
    ].filter((c) => c.from !== c.to);
    for (const change of changes) {
      const handover = change.role === 'LRO' && Boolean(change.from) && Boolean(change.to);
      await tx.lroAssignment.updateMany({ where: { threatId: threat.id, role: change.role, endedAt: null }, data: { endedAt: now, ...(handover ? { handoverNote: note } : {}) } });
      if (change.to) {
        await tx.lroAssignment.create({ data: { threatId: threat.id, userId: change.to, role: change.role, startedAt: now, assignedById: user.id, handoverNote: handover ? note : null }, select: { id: true } });
      }
    }
    changed.push(threat.id);
  }
  return changed;
}

async function writeDisruptions({ user, tx, now }: WriteContext, plans: DisruptionPlan[]): Promise<string[]> {
  const changed: string[] = [];
  const creates = plans.filter((p) => p.outcome === 'create');
  if (creates.length > 0) {
    await tx.disruption.createMany({
      data: creates.map(({ record, threatId, leadAgencyId, apmisReference }) => ({
        reference: record.reference,
        threatId,
        disruptedOn: dateKeyToDate(record.disruptedOn),
        strand: record.strand,
        category: record.category,
        role: record.role,
        leadAgencyId,
        description: record.description,
        apmisReference,
        // As when the reference is added in the app (lib/services/disruptions.ts): the day it was recorded.
        apmisRecordedAt: apmisReference ? now : null,
        recordedById: user.id,
      })),
    });
    changed.push(...creates.map((p) => p.threatId));
  }
  for (const plan of plans.filter((p) => p.outcome === 'update')) {
    const stored = plan.stored!;
    const apmisRecordedAt = plan.apmisReference ? (stored.apmisReference ? stored.apmisRecordedAt : now) : null;
    await tx.disruption.update({
      where: { id: stored.id },
      data: {
        threatId: plan.threatId,
        disruptedOn: dateKeyToDate(plan.record.disruptedOn),
        strand: plan.record.strand,
        category: plan.record.category,
        role: plan.record.role,
        leadAgencyId: plan.leadAgencyId,
        description: plan.record.description,
        apmisReference: plan.apmisReference,
        apmisRecordedAt,
      },
      select: { id: true },
    });
    changed.push(plan.threatId, stored.threatId);
  }
  return changed;
}

// --- The import --------------------------------------------------------------------------------------

type Checked<R> = { records: R[]; errors: RowError[]; rows: number };

async function checkRows<K extends string, R extends { row: number }>(
  text: string,
  kind: ImportKind,
  columns: readonly { key: K; header: string; required: boolean }[],
  check: (row: CsvRow<K>, today: string) => { ok: true; record: R } | { ok: false; errors: RowError[] },
  today: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<Checked<R>> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  const read = readCsv(text, columns, { ignored: IGNORED_IMPORT_COLUMNS[kind].map((c) => c.header) });
  if (!read.ok) throw new AppError('VALIDATION', read.message);
  const total = read.rows.length;
  onProgress({ phase: 'reading', done: 1, total: 1 });
  const records: R[] = [];
  const errors: RowError[] = [];
  for (let i = 0; i < total; i++) {
    const result = check(read.rows[i]!, today);
    if (result.ok) records.push(result.record);
    else errors.push(...result.errors);
    if ((i + 1) % CHECK_PROGRESS_EVERY === 0) {
      onProgress({ phase: 'checking', done: i + 1, total });
      await nextTick(); // let the progress event go out
    }
  }
  onProgress({ phase: 'checking', done: total, total });
  return { records, errors, rows: total };
}

function summarise(kind: ImportKind, options: RunImportOptions, rows: number, outcomes: Outcome[], errors: RowError[], committed: boolean, changedThreats: ImportResult['changedThreats']): ImportResult {
  const sorted = [...errors].sort(byRow);
  return {
    kind,
    mode: options.mode,
    fileName: options.fileName,
    rows,
    toCreate: outcomes.filter((o) => o === 'create').length,
    toUpdate: outcomes.filter((o) => o === 'update').length,
    unchanged: outcomes.filter((o) => o === 'unchanged').length,
    errors: sorted.slice(0, MAX_LISTED_ERRORS),
    errorCount: sorted.length,
    committed,
    changedThreats,
  };
}

/**
 * Preview or commit one import file for `user` (who must have import:run; every row is checked
 * against their scope). File-level problems (not CSV, unknown columns, too big) throw an AppError
 * with a message for the person; row problems come back in the result, and a commit with any of
 * them writes nothing.
 */
export async function runImport(user: Actor, options: RunImportOptions): Promise<ImportResult> {
  if (!hasVerb(user, 'import:run')) throw new AppError('FORBIDDEN', 'You do not have permission to import records');
  const now = options.now ?? new Date();
  const today = londonDateKey(now);
  const onProgress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const text = decode(options.content);

  if (options.kind === 'threats') {
    const checked = await checkRows<ThreatColumnKey, ThreatImportRecord>(text, 'threats', THREAT_COLUMNS, checkThreatRow, today, onProgress);
    const duplicates = duplicateKeyErrors(checked.records, (r) => r.urn, 'URN', 'URN');
    const duplicateRows = new Set(duplicates.map((e) => e.row));
    const records = checked.records.filter((r) => !duplicateRows.has(r.row));
    return importWith(user, options, now, onProgress, batchSize, checked, [...checked.errors, ...duplicates], records, planThreats, writeThreats);
  }
  const checked = await checkRows<DisruptionColumnKey, DisruptionImportRecord>(text, 'disruptions', DISRUPTION_COLUMNS, checkDisruptionRow, today, onProgress);
  const duplicates = duplicateKeyErrors(checked.records, (r) => r.reference, 'Reference', 'Reference');
  const duplicateRows = new Set(duplicates.map((e) => e.row));
  const records = checked.records.filter((r) => !duplicateRows.has(r.row));
  return importWith(user, options, now, onProgress, batchSize, checked, [...checked.errors, ...duplicates], records, planDisruptions, writeDisruptions);
}

async function importWith<R, P extends { outcome: Outcome }>(
  user: Actor,
  options: RunImportOptions,
  now: Date,
  onProgress: (progress: ImportProgress) => void,
  batchSize: number,
  checked: Checked<unknown>,
  rowErrors: RowError[],
  records: R[],
  plan: (user: Actor, records: R[], db?: Tx) => Promise<Planned<P>>,
  write: (context: WriteContext, plans: P[]) => Promise<string[]>,
): Promise<ImportResult> {
  const { kind, fileName } = options;
  const checkedTotal = checked.rows;

  if (options.mode === 'preview' || rowErrors.length > 0) {
    const planned = await plan(user, records);
    onProgress({ phase: 'checking', done: checkedTotal, total: checkedTotal });
    return summarise(kind, options, checked.rows, planned.plans.map((p) => p.outcome), [...rowErrors, ...planned.errors], false, []);
  }

  // Commit: check again inside the transaction (nobody can change what was checked before it is
  // written), then write in batches. Any row error, or any failure, rolls everything back.
  type Written = { planned: Planned<P>; changedIds: string[] };
  const outcome = await runImportTransaction<Written>(async (tx) => {
    const planned = await plan(user, records, tx);
    onProgress({ phase: 'checking', done: checkedTotal, total: checkedTotal });
    if (planned.errors.length > 0) return { planned, changedIds: [] };
    const toWrite = planned.plans.filter((p) => p.outcome !== 'unchanged');
    const changedIds: string[] = [];
    onProgress({ phase: 'writing', done: 0, total: toWrite.length });
    for (let i = 0, batch = 1; i < toWrite.length; i += batchSize, batch++) {
      changedIds.push(...(await write({ user, tx, now, fileName }, toWrite.slice(i, i + batchSize))));
      onProgress({ phase: 'writing', done: Math.min(i + batchSize, toWrite.length), total: toWrite.length });
      if (options.afterBatch) await options.afterBatch(batch, tx);
    }
    if (toWrite.length > 0) {
      const counts = summarise(kind, options, checked.rows, planned.plans.map((p) => p.outcome), [], true, []);
      await recordAudit(
        {
          actorId: user.id,
          action: `import.${kind}`,
          entityType: 'Import',
          organisationId: user.organisationId,
          after: { fileName, rows: counts.rows, created: counts.toCreate, updated: counts.toUpdate, unchanged: counts.unchanged },
        },
        tx,
      );
    }
    return { planned, changedIds };
  });

  const { planned, changedIds } = outcome;
  const committed = planned.errors.length === 0;
  const changedThreats = committed ? await getThreatLabels([...new Set(changedIds)].slice(0, CHANGED_THREATS_LISTED)) : [];
  return summarise(kind, options, checked.rows, planned.plans.map((p) => p.outcome), planned.errors, committed, changedThreats);
}

/**
 * For `npm run import`: the import run as the active user with this e-mail address, with the same
 * checks as in the browser (import:run, and every row within their scope).
 */
export async function runImportAs(email: string, options: RunImportOptions): Promise<ImportResult> {
  const found = await findUserForSignIn(email);
  const user = found?.active ? await getSessionUser(found.id) : null;
  if (!user || !user.active) throw new AppError('NOT_FOUND', `No active user has the e-mail address ${email}`);
  return runImport(user, options);
}
