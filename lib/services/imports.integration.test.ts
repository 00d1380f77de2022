import { beforeAll, describe, expect, it } from 'vitest';
import { DISRUPTION_EXPORT_HEADER, exportDisruptionsFile } from './exports';
import { HANDOVER_NOTE_PREFIX, runImport, type RunImportOptions } from './imports';
import { prisma } from '@/lib/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { DISRUPTION_COLUMNS, IGNORED_DISRUPTION_COLUMNS } from '@/lib/validation/imports';
import { asCurrentUser, makeHeldThreat, makeOrganisation, makeRegion, makeThreat, makeUser } from '@/test/factories';

// Imports of APMIS extracts (lib/services/imports.ts) against a real database, for each kind of
// file: a good file (records created, ownership set, one audit event), a file with errors
// (listed by the preview, commit refused, nothing written), the same file twice (nothing changes
// the second time), a file that fails half-way (nothing kept), and the importer's scope.

let orgs: Awaited<ReturnType<typeof makeRegion>>;
let rocu: { id: string; path: string };
let westCoordinator: CurrentUser;
let regionalAdmin: CurrentUser;
let westLro: { id: string; email: string };
let westLpaLro: { id: string; email: string };
let southLro: { id: string; email: string };
let westActionOwner: { id: string; email: string };
let inactiveLro: { id: string; email: string };
let codes: { west: string; westLpa: string; south: string; partner: string; rocu: string; region: string };

const unique = () => Math.random().toString(36).slice(2, 10).toUpperCase();
const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

async function codeOf(id: string) {
  return (await prisma.organisation.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;
}

beforeAll(async () => {
  orgs = await makeRegion();
  rocu = await makeOrganisation({ parent: orgs.region, kind: 'ROCU', name: 'Test ROCU' });
  westCoordinator = await asCurrentUser((await makeUser(orgs.west, ['COORDINATOR'])).id);
  regionalAdmin = await asCurrentUser((await makeUser(orgs.region, ['ADMIN'])).id);
  westLro = await makeUser(orgs.west, ['LRO'], { name: 'Inspector West' });
  westLpaLro = await makeUser(orgs.westLpa, ['LRO'], { name: 'Sergeant West LPA' });
  southLro = await makeUser(orgs.south, ['LRO'], { name: 'Inspector South' });
  westActionOwner = await makeUser(orgs.west, ['ACTION_OWNER']);
  inactiveLro = await makeUser(orgs.west, ['LRO'], { active: false });
  codes = {
    west: await codeOf(orgs.west.id),
    westLpa: await codeOf(orgs.westLpa.id),
    south: await codeOf(orgs.south.id),
    partner: await codeOf(orgs.partner.id),
    rocu: await codeOf(rocu.id),
    region: await codeOf(orgs.region.id),
  };
});

const run = (user: CurrentUser, kind: RunImportOptions['kind'], content: string, mode: RunImportOptions['mode'], extra: Partial<RunImportOptions> = {}) =>
  runImport(user, { kind, fileName: `${kind}-${mode}.csv`, content: new TextEncoder().encode(content), mode, ...extra });

const importAudits = (fileName: string) =>
  prisma.auditEvent.findMany({ where: { action: { startsWith: 'import.' }, after: { contains: JSON.stringify(fileName).slice(1, -1) } }, select: { action: true, actorId: true, after: true } });

// --- SOC master list ------------------------------------------------------------------------------

const THREAT_HEADER = 'URN,Name,Type,Tier,Status,Archived reason,Mapped on,Organisation code,LRO email,Deputy email,Threat areas';

function threatLine(urn: string, overrides: Partial<Record<'name' | 'type' | 'tier' | 'status' | 'reason' | 'mappedOn' | 'org' | 'lro' | 'deputy' | 'areas', string>> = {}) {
  const v = { name: `Operation ${urn}`, type: 'OCG', tier: '3', status: 'ACTIVE', reason: '', mappedOn: '14/03/2026', org: codes.west, lro: '', deputy: '', areas: 'Drugs;County lines', ...overrides };
  return [urn, `"${v.name}"`, v.type, v.tier, v.status, v.reason, v.mappedOn, v.org, v.lro, v.deputy, v.areas].join(',');
}

describe('importing the SOC master list', () => {
  it('creates the threats of a good file with their organisation, LRO, deputy and areas, audited once', async () => {
    const [a, b] = [`IMP-A-${unique()}`, `IMP-B-${unique()}`];
    const file = csv([
      'OFFICIAL-SENSITIVE',
      THREAT_HEADER,
      threatLine(a, { lro: westLro.email.toUpperCase(), deputy: westLpaLro.email, type: 'Priority individual', tier: '1' }),
      threatLine(b, { org: codes.westLpa, status: 'Archived', reason: 'Group dismantled', mappedOn: '2025-12-01', areas: 'FRAUD' }),
      'OFFICIAL-SENSITIVE',
    ]);
    const preview = await run(westCoordinator, 'threats', file, 'preview');
    expect(preview).toMatchObject({ rows: 2, toCreate: 2, toUpdate: 0, unchanged: 0, errorCount: 0, committed: false });
    expect(await prisma.socThreat.count({ where: { urn: { in: [a, b] } } })).toBe(0);

    const progress: string[] = [];
    const result = await run(westCoordinator, 'threats', file, 'commit', { onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(result).toMatchObject({ rows: 2, toCreate: 2, toUpdate: 0, unchanged: 0, errorCount: 0, committed: true });
    expect(progress).toContain('writing 2/2');
    expect(result.changedThreats.map((t) => t.urn).sort()).toEqual([a, b].sort());

    const first = await prisma.socThreat.findUniqueOrThrow({
      where: { urn: a },
      select: { id: true, type: true, tier: true, status: true, organisationId: true, leadResponsibleOfficerId: true, deputyId: true, mappedOn: true, areas: { select: { area: true } }, lroAssignments: { select: { userId: true, role: true, endedAt: true, handoverNote: true } } },
    });
    expect(first).toMatchObject({ type: 'PRIORITY_INDIVIDUAL', tier: 1, status: 'ACTIVE', organisationId: orgs.west.id, leadResponsibleOfficerId: westLro.id, deputyId: westLpaLro.id });
    expect(first.mappedOn.toISOString()).toBe('2026-03-14T00:00:00.000Z');
    expect(first.areas.map((x) => x.area).sort()).toEqual(['COUNTY_LINES', 'DRUGS']);
    expect(first.lroAssignments.map((x) => [x.role, x.userId, x.endedAt, x.handoverNote]).sort()).toEqual([
      ['DEPUTY', westLpaLro.id, null, null],
      ['LRO', westLro.id, null, null],
    ]);
    const second = await prisma.socThreat.findUniqueOrThrow({ where: { urn: b }, select: { status: true, archivedReason: true, archivedAt: true, organisationId: true, leadResponsibleOfficerId: true } });
    expect(second).toMatchObject({ status: 'ARCHIVED', archivedReason: 'Group dismantled', organisationId: orgs.westLpa.id, leadResponsibleOfficerId: null });
    expect(second.archivedAt).not.toBeNull();

    const audits = await importAudits('threats-commit.csv');
    const mine = audits.filter((x) => x.actorId === westCoordinator.id && JSON.parse(x.after!).created === 2 && result.changedThreats.length === 2);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(mine.at(-1)!.after!)).toEqual({ fileName: 'threats-commit.csv', rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(mine.at(-1)!.action).toBe('import.threats');
  });

  it('lists the errors of a bad file by row and column, refuses to commit it, and writes nothing', async () => {
    const [a, b] = [`IMP-C-${unique()}`, `IMP-D-${unique()}`];
    const file = csv([
      'OFFICIAL-SENSITIVE',
      THREAT_HEADER,
      threatLine(a),
      threatLine(b, { tier: '7', lro: 'nobody@test.invalid' }),
      threatLine(a, { name: 'Repeated' }),
      threatLine(`IMP-E-${unique()}`, { org: 'NO-SUCH-ORG', areas: 'Burglary' }),
    ]);
    const preview = await run(westCoordinator, 'threats', file, 'preview');
    // Cell errors first; a row's database checks (organisation, officers) follow once its cells are sound.
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Tier'],
      [5, 'URN'],
      [6, 'Threat areas'],
    ]);
    expect(preview.errors[1]!.message).toBe(`URN ${a} is also on row 3: each URN may appear only once in a file`);
    expect(preview).toMatchObject({ toCreate: 1, errorCount: 3 });

    const fixed = csv([THREAT_HEADER, threatLine(a), threatLine(b, { lro: 'nobody@test.invalid' }), threatLine(`IMP-E-${unique()}`, { org: 'NO-SUCH-ORG' })]);
    const second = await run(westCoordinator, 'threats', fixed, 'preview');
    expect(second.errors).toEqual([
      { row: 3, column: 'LRO email', message: 'No active user with the e-mail address nobody@test.invalid was found in your organisation' },
      { row: 4, column: 'Organisation code', message: 'Organisation NO-SUCH-ORG was not found in your organisation' },
    ]);
    expect(await run(westCoordinator, 'threats', fixed, 'commit')).toMatchObject({ committed: false, errorCount: 2 });
    const before = await prisma.auditEvent.count({ where: { action: 'import.threats' } });
    const commit = await run(westCoordinator, 'threats', file, 'commit');
    expect(commit).toMatchObject({ committed: false, errorCount: 3 });
    expect(await prisma.socThreat.count({ where: { urn: { in: [a, b] } } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'import.threats' } })).toBe(before);
  });

  it('changes nothing when the same file is imported twice: all unchanged, no writes, no audit, updatedAt kept', async () => {
    const [a, b] = [`IMP-F-${unique()}`, `IMP-G-${unique()}`];
    const file = csv([THREAT_HEADER, threatLine(a, { lro: westLro.email }), threatLine(b, { status: 'mapped', areas: 'firearms' })]);
    expect(await run(westCoordinator, 'threats', file, 'commit')).toMatchObject({ toCreate: 2, committed: true });
    const stored = () => prisma.socThreat.findMany({ where: { urn: { in: [a, b] } }, select: { urn: true, updatedAt: true, version: true }, orderBy: { urn: 'asc' } });
    const before = await stored();
    const assignmentsBefore = await prisma.lroAssignment.count({ where: { threat: { urn: { in: [a, b] } } } });
    const auditsBefore = await prisma.auditEvent.count({ where: { action: 'import.threats' } });

    expect(await run(westCoordinator, 'threats', file, 'preview')).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, errorCount: 0 });
    const again = await run(westCoordinator, 'threats', file, 'commit');
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, committed: true, changedThreats: [] });
    expect(await stored()).toEqual(before);
    expect(await prisma.lroAssignment.count({ where: { threat: { urn: { in: [a, b] } } } })).toBe(assignmentsBefore);
    expect(await prisma.auditEvent.count({ where: { action: 'import.threats' } })).toBe(auditsBefore);
  });

  it('updates a stored threat: a new LRO ends the open assignment and opens one (a handover, noted); a blank deputy is left as it is', async () => {
    const threat = await makeHeldThreat(orgs.west, { lroId: westLro.id, deputyId: westLpaLro.id });
    const otherLro = await makeUser(orgs.westLpa, ['LRO']);
    const file = csv([THREAT_HEADER, threatLine(threat.urn, { name: 'Renamed', lro: otherLro.email, deputy: '', tier: '2' })]);
    const result = await run(westCoordinator, 'threats', file, 'commit');
    expect(result).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 0, committed: true });
    const after = await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { name: true, tier: true, leadResponsibleOfficerId: true, deputyId: true, version: true } });
    expect(after).toEqual({ name: 'Renamed', tier: 2, leadResponsibleOfficerId: otherLro.id, deputyId: westLpaLro.id, version: threat.version + 1 });
    const rows = await prisma.lroAssignment.findMany({ where: { threatId: threat.id }, select: { userId: true, role: true, endedAt: true, handoverNote: true, assignedById: true } });
    const note = `${HANDOVER_NOTE_PREFIX} (threats-commit.csv)`;
    expect(rows.find((r) => r.role === 'LRO' && r.userId === westLro.id)).toMatchObject({ endedAt: expect.any(Date), handoverNote: note });
    expect(rows.find((r) => r.role === 'LRO' && r.userId === otherLro.id)).toMatchObject({ endedAt: null, handoverNote: note, assignedById: westCoordinator.id });
    expect(rows.filter((r) => r.role === 'DEPUTY').map((r) => [r.userId, r.endedAt])).toEqual([[westLpaLro.id, null]]);
  });

  it('reads a row naming the LRO the threat already has as unchanged, even once that officer has left', async () => {
    const leaver = await makeUser(orgs.west, ['LRO']);
    const threat = await makeHeldThreat(orgs.west, { lroId: leaver.id });
    const stored = await prisma.socThreat.findUniqueOrThrow({ where: { id: threat.id }, select: { name: true, mappedOn: true } });
    await prisma.user.update({ where: { id: leaver.id }, data: { active: false } });
    const line = threatLine(threat.urn, { name: stored.name, mappedOn: stored.mappedOn.toISOString().slice(0, 10), lro: leaver.email, areas: 'DRUGS' });
    expect(await run(westCoordinator, 'threats', csv([THREAT_HEADER, line]), 'preview')).toMatchObject({ unchanged: 1, errorCount: 0 });
    // Appointing them afresh to another threat is refused.
    const other = await makeThreat(orgs.west);
    const appoint = await run(westCoordinator, 'threats', csv([THREAT_HEADER, threatLine(other.urn, { lro: leaver.email })]), 'preview');
    expect(appoint.errors.map((e) => e.column)).toEqual(['LRO email']);
  });

  it('keeps nothing from a file that fails half-way through writing', async () => {
    const urns = [1, 2, 3, 4].map((n) => `IMP-H${n}-${unique()}`);
    const existing = await makeHeldThreat(orgs.west, { lroId: westLro.id });
    const file = csv([THREAT_HEADER, ...urns.map((urn) => threatLine(urn, { lro: westLpaLro.email })), threatLine(existing.urn, { name: 'Should not stick', lro: westLpaLro.email })]);
    const auditsBefore = await prisma.auditEvent.count({ where: { action: 'import.threats' } });
    // The second batch fails as the database would on a constraint: the first batch was written.
    const failure = run(westCoordinator, 'threats', file, 'commit', {
      batchSize: 2,
      afterBatch: async (batch, tx) => {
        expect(await tx.socThreat.count({ where: { urn: { in: urns } } })).toBe(Math.min(batch * 2, 4));
        if (batch === 2) throw new Error('disk full');
      },
    });
    await expect(failure).rejects.toThrow('disk full');
    expect(await prisma.socThreat.count({ where: { urn: { in: urns } } })).toBe(0);
    expect(await prisma.lroAssignment.count({ where: { userId: westLpaLro.id, threat: { urn: { in: [...urns, existing.urn] } } } })).toBe(0);
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: existing.id }, select: { name: true } })).name).toBe(existing.name);
    expect(await prisma.auditEvent.count({ where: { action: 'import.threats' } })).toBe(auditsBefore);
  });

  it('keeps nothing when a row that passed the checks breaks a database constraint as it is written', async () => {
    const [a, b, c] = [`IMP-I-${unique()}`, `IMP-J-${unique()}`, `IMP-K-${unique()}`];
    const file = csv([THREAT_HEADER, threatLine(a), threatLine(b), threatLine(c)]);
    // Between the check and the write of the last row, a threat with its URN appears (inside the
    // same transaction, as another writer's row would): the unique URN makes its insert fail.
    const failure = run(westCoordinator, 'threats', file, 'commit', {
      batchSize: 2,
      afterBatch: async (batch, tx) => {
        if (batch === 1) await tx.socThreat.create({ data: { urn: c, name: 'Sneaked in', type: 'OCG', tier: 3, mappedOn: new Date(), organisationId: orgs.west.id } });
      },
    });
    await expect(failure).rejects.toThrow();
    expect(await prisma.socThreat.count({ where: { urn: { in: [a, b, c] } } })).toBe(0);
  });

  it("refuses rows outside the importer's scope: another force's organisation, threat or officer, an inactive or non-LRO officer", async () => {
    const south = await makeThreat(orgs.south);
    const file = csv([
      THREAT_HEADER,
      threatLine(`IMP-L-${unique()}`, { org: codes.south }),
      threatLine(south.urn, { org: codes.west }),
      threatLine(`IMP-M-${unique()}`, { lro: southLro.email }),
      threatLine(`IMP-N-${unique()}`, { lro: inactiveLro.email, deputy: westActionOwner.email }),
      threatLine(`IMP-O-${unique()}`, { org: codes.rocu }),
    ]);
    const result = await run(westCoordinator, 'threats', file, 'commit');
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Organisation code', `Organisation ${codes.south} was not found in your organisation`],
      [3, 'URN', `A threat with the URN ${south.urn} belongs to an organisation outside yours: it cannot be imported here`],
      [4, 'LRO email', `No active user with the e-mail address ${southLro.email} was found in your organisation`],
      [5, 'LRO email', `No active user with the e-mail address ${inactiveLro.email} was found in your organisation`],
      [5, 'Deputy email', expect.stringContaining('does not have the LRO role')],
      [6, 'Organisation code', `Organisation ${codes.rocu} was not found in your organisation`],
    ]);
    expect((await prisma.socThreat.findUniqueOrThrow({ where: { id: south.id }, select: { organisationId: true } })).organisationId).toBe(orgs.south.id);
  });

  it("lets a regional importer appoint only officers of the threat's own force", async () => {
    const file = csv([THREAT_HEADER, threatLine(`IMP-P-${unique()}`, { org: codes.south, lro: westLro.email }), threatLine(`IMP-Q-${unique()}`, { org: codes.south, lro: southLro.email })]);
    const result = await run(regionalAdmin, 'threats', file, 'preview');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[2, 'LRO email']]);
    expect(result.errors[0]!.message).toContain("is not an officer of South force's force or ROCU");
    expect(result.toCreate).toBe(1);
  });

  it('refuses people without import:run', async () => {
    const lro = await asCurrentUser(westLro.id);
    await expect(run(lro, 'threats', csv([THREAT_HEADER, threatLine('X-1')]), 'preview')).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a file with an unknown column as a whole, before any row', async () => {
    await expect(run(westCoordinator, 'threats', csv([`${THREAT_HEADER},Colour`, `${threatLine('X-2')},red`]), 'preview')).rejects.toThrow(/the column "Colour" is not recognised/);
  });

  it('refuses a file that is not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${THREAT_HEADER}\r\n`), 0xe9, 0x0d, 0x0a]);
    await expect(runImport(westCoordinator, { kind: 'threats', fileName: 'latin1.csv', content: bytes, mode: 'preview' })).rejects.toThrow(/not UTF-8/);
  });
});

// --- Disruptions ------------------------------------------------------------------------------------

const DISRUPTION_HEADER = 'Reference,URN,Date,Strand,Category,Role,Lead agency code,Description,APMIS reference';

function disruptionLine(reference: string, urn: string, overrides: Partial<Record<'date' | 'strand' | 'category' | 'role' | 'agency' | 'description' | 'apmis', string>> = {}) {
  const v = { date: '02/10/2026', strand: 'Pursue', category: 'MAJOR', role: 'Lead', agency: codes.west, description: 'Warrant executed, two arrests', apmis: '', ...overrides };
  return [reference, urn, v.date, v.strand, v.category, v.role, v.agency, `"${v.description}"`, v.apmis].join(',');
}

describe('importing disruptions', () => {
  it('creates the disruptions of a good file, setting the APMIS recorded time when a reference is given, audited once', async () => {
    const threat = await makeThreat(orgs.west);
    const lpaThreat = await makeThreat(orgs.westLpa);
    const [r1, r2] = [`D-${unique()}`, `D-${unique()}`];
    const file = csv([
      'OFFICIAL-SENSITIVE',
      DISRUPTION_HEADER,
      disruptionLine(r1, threat.urn, { apmis: 'apm-2026-1', agency: codes.partner, role: 'supporting', category: 'Minor', strand: 'PREVENT' }),
      disruptionLine(r2, lpaThreat.urn, { date: '2026-09-30', agency: '' }),
      'OFFICIAL-SENSITIVE',
    ]);
    const now = new Date();
    const result = await run(westCoordinator, 'disruptions', file, 'commit', { now });
    expect(result).toMatchObject({ rows: 2, toCreate: 2, toUpdate: 0, unchanged: 0, committed: true });
    expect(result.changedThreats.map((t) => t.id).sort()).toEqual([threat.id, lpaThreat.id].sort());
    const first = await prisma.disruption.findUniqueOrThrow({ where: { reference: r1 }, select: { threatId: true, strand: true, category: true, role: true, leadAgencyId: true, apmisReference: true, apmisRecordedAt: true, recordedById: true, disruptedOn: true } });
    expect(first).toEqual({
      threatId: threat.id,
      strand: 'PREVENT',
      category: 'MINOR',
      role: 'SUPPORTING',
      leadAgencyId: orgs.partner.id,
      apmisReference: 'APM-2026-1',
      apmisRecordedAt: now,
      recordedById: westCoordinator.id,
      disruptedOn: new Date('2026-10-02T00:00:00.000Z'),
    });
    const second = await prisma.disruption.findUniqueOrThrow({ where: { reference: r2 }, select: { leadAgencyId: true, apmisReference: true, apmisRecordedAt: true } });
    expect(second).toEqual({ leadAgencyId: null, apmisReference: null, apmisRecordedAt: null });
    const audits = (await importAudits('disruptions-commit.csv')).filter((a) => a.actorId === westCoordinator.id && a.action === 'import.disruptions');
    expect(audits.some((a) => JSON.parse(a.after!).created === 2)).toBe(true);
  });

  it('lists the errors of a bad file, refuses to commit it, and writes nothing', async () => {
    const threat = await makeThreat(orgs.west);
    const [r1, r2, r3] = [`D-${unique()}`, `D-${unique()}`, `D-${unique()}`];
    const file = csv([
      DISRUPTION_HEADER,
      disruptionLine(r1, threat.urn),
      disruptionLine(r2, 'NO-SUCH-THREAT', { category: 'Huge' }),
      disruptionLine(r3, threat.urn, { agency: codes.region, date: '31/02/2026' }),
      disruptionLine(r1, threat.urn),
    ]);
    const preview = await run(westCoordinator, 'disruptions', file, 'preview');
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Category'],
      [4, 'Date'],
      [5, 'Reference'],
    ]);
    // Row 3's URN is checked once the row is otherwise sound: fix the category, and it is reported.
    expect(preview).toMatchObject({ toCreate: 1, errorCount: 3, committed: false });
    const commit = await run(westCoordinator, 'disruptions', file, 'commit');
    expect(commit.committed).toBe(false);
    expect(await prisma.disruption.count({ where: { reference: { in: [r1, r2, r3] } } })).toBe(0);

    const dbErrors = await run(westCoordinator, 'disruptions', csv([DISRUPTION_HEADER, disruptionLine(r2, 'NO-SUCH-THREAT'), disruptionLine(r3, threat.urn, { agency: codes.region })]), 'commit');
    expect(dbErrors.committed).toBe(false);
    expect(dbErrors.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'URN', 'Threat NO-SUCH-THREAT was not found in your organisation'],
      [3, 'Lead agency code', 'Test region is not a force, ROCU or partner agency, so cannot lead a disruption'],
    ]);
    expect(await prisma.disruption.count({ where: { reference: { in: [r2, r3] } } })).toBe(0);
  });

  it('changes nothing when the same file is imported twice; a later file adding the APMIS reference records when', async () => {
    const threat = await makeThreat(orgs.west);
    const [r1, r2] = [`D-${unique()}`, `D-${unique()}`];
    const file = csv([DISRUPTION_HEADER, disruptionLine(r1, threat.urn), disruptionLine(r2, threat.urn, { apmis: 'APM-9' })]);
    await run(westCoordinator, 'disruptions', file, 'commit');
    const stored = () => prisma.disruption.findMany({ where: { reference: { in: [r1, r2] } }, select: { reference: true, updatedAt: true, apmisRecordedAt: true }, orderBy: { reference: 'asc' } });
    const before = await stored();
    const auditsBefore = await prisma.auditEvent.count({ where: { action: 'import.disruptions' } });
    expect(await run(westCoordinator, 'disruptions', file, 'preview')).toMatchObject({ unchanged: 2, toCreate: 0, toUpdate: 0 });
    expect(await run(westCoordinator, 'disruptions', file, 'commit')).toMatchObject({ unchanged: 2, toCreate: 0, toUpdate: 0, committed: true });
    expect(await stored()).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { action: 'import.disruptions' } })).toBe(auditsBefore);

    // The next extract has r1's APMIS reference and leaves r2's blank (kept as stored).
    const later = new Date(Date.now() + 1000);
    const next = csv([DISRUPTION_HEADER, disruptionLine(r1, threat.urn, { apmis: 'APM-10' }), disruptionLine(r2, threat.urn)]);
    expect(await run(westCoordinator, 'disruptions', next, 'commit', { now: later })).toMatchObject({ toUpdate: 1, unchanged: 1, committed: true });
    const [one, two] = await prisma.disruption.findMany({ where: { reference: { in: [r1, r2] } }, select: { reference: true, apmisReference: true, apmisRecordedAt: true }, orderBy: { reference: 'asc' } }).then((rows) => [rows.find((r) => r.reference === r1)!, rows.find((r) => r.reference === r2)!]);
    expect(one).toMatchObject({ apmisReference: 'APM-10', apmisRecordedAt: later });
    expect(two).toMatchObject({ apmisReference: 'APM-9', apmisRecordedAt: before.find((b) => b.reference === r2)!.apmisRecordedAt });
  });

  it('keeps nothing from a file that fails half-way through writing', async () => {
    const threat = await makeThreat(orgs.west);
    const references = [1, 2, 3, 4, 5].map(() => `D-${unique()}`);
    const file = csv([DISRUPTION_HEADER, ...references.map((r) => disruptionLine(r, threat.urn))]);
    const auditsBefore = await prisma.auditEvent.count({ where: { action: 'import.disruptions' } });
    const failure = run(westCoordinator, 'disruptions', file, 'commit', {
      batchSize: 2,
      afterBatch: async (batch) => {
        if (batch === 2) throw new Error('connection lost');
      },
    });
    await expect(failure).rejects.toThrow('connection lost');
    expect(await prisma.disruption.count({ where: { reference: { in: references } } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'import.disruptions' } })).toBe(auditsBefore);
  });

  it("refuses rows naming a threat or a disruption outside the importer's scope", async () => {
    const west = await makeThreat(orgs.west);
    const south = await makeThreat(orgs.south);
    const southDisruption = `D-${unique()}`;
    await prisma.disruption.create({ data: { reference: southDisruption, threatId: south.id, disruptedOn: new Date('2026-09-01T00:00:00Z'), strand: 'PURSUE', category: 'MAJOR', role: 'LEAD', description: 'South' } });
    const mine = `D-${unique()}`;
    const file = csv([DISRUPTION_HEADER, disruptionLine(mine, south.urn), disruptionLine(southDisruption, west.urn)]);
    const result = await run(westCoordinator, 'disruptions', file, 'commit');
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'URN', `Threat ${south.urn} was not found in your organisation`],
      [3, 'Reference', `A disruption with the reference ${southDisruption} belongs to a threat outside your organisation: it cannot be imported here`],
    ]);
    expect(await prisma.disruption.count({ where: { reference: mine } })).toBe(0);
    expect((await prisma.disruption.findUniqueOrThrow({ where: { reference: southDisruption }, select: { threatId: true } })).threatId).toBe(south.id);

    // The regional admin's scope covers both forces.
    const regional = await run(regionalAdmin, 'disruptions', csv([DISRUPTION_HEADER, disruptionLine(mine, south.urn)]), 'preview');
    expect(regional).toMatchObject({ errorCount: 0, toCreate: 1 });
  });
});

// --- An export goes back through the import ---------------------------------------------------------

describe('importing an APMIS-ready disruptions export unchanged', () => {
  it('knows every column of the export: each one is read or ignored', () => {
    const known = [...DISRUPTION_COLUMNS.map((c) => c.header), ...IGNORED_DISRUPTION_COLUMNS.map((c) => c.header)];
    expect([...DISRUPTION_EXPORT_HEADER].sort()).toEqual([...known].sort());
  });

  it('previews every exported row as unchanged, formula-like descriptions and names included, and a commit writes nothing', async () => {
    // A region of its own, so that the export holds exactly these disruptions.
    const region = await makeRegion();
    const coordinator = await asCurrentUser((await makeUser(region.west, ['COORDINATOR'])).id);
    const threat = await makeThreat(region.west, { name: '=HYPERLINK("x")' });
    const lpaThreat = await makeThreat(region.westLpa, { name: 'Slate Lantern' });
    const rows = [
      { threatId: threat.id, strand: 'PURSUE', category: 'MAJOR', role: 'LEAD', description: '=cmd|calc', apmisReference: 'APM-2026-0001', leadAgencyId: region.west.id, disruptedOn: '2026-02-10' },
      { threatId: threat.id, strand: 'PREVENT', category: 'MODERATE', role: 'SUPPORTING', description: '-5 kg of cocaine, "seized", at two addresses', apmisReference: null, leadAgencyId: region.partner.id, disruptedOn: '2025-07-01' },
      { threatId: lpaThreat.id, strand: 'PROTECT', category: 'NEGATIVE', role: 'LEAD', description: '@mention in a message\non two lines', apmisReference: null, leadAgencyId: null, disruptedOn: '2026-03-29' },
      { threatId: lpaThreat.id, strand: 'PREPARE', category: 'NONE', role: 'LEAD', description: '+44 number traced', apmisReference: 'APM/26/7', leadAgencyId: null, disruptedOn: '2025-10-26' },
    ] as const;
    const references: string[] = [];
    for (const row of rows) {
      const reference = `RT-${unique()}`;
      references.push(reference);
      await prisma.disruption.create({
        data: { ...row, reference, disruptedOn: new Date(`${row.disruptedOn}T00:00:00Z`), apmisRecordedAt: row.apmisReference ? new Date('2026-04-01T09:00:00Z') : null },
      });
    }
    const before = await prisma.disruption.findMany({ where: { reference: { in: references } }, orderBy: { reference: 'asc' } });

    const exported = await exportDisruptionsFile(coordinator, {}, 'csv');
    expect(exported.rowCount).toBe(rows.length);
    const content = exported.body as string;
    // The export is as it goes out: its extra columns, and quoted formula-like cells.
    expect(content).toContain('Threat name');
    expect(content).toContain("'=cmd|calc");

    const preview = await run(coordinator, 'disruptions', content, 'preview');
    expect(preview).toMatchObject({ rows: rows.length, toCreate: 0, toUpdate: 0, unchanged: rows.length, errorCount: 0 });

    const commit = await run(coordinator, 'disruptions', content, 'commit');
    expect(commit).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: rows.length, changedThreats: [] });
    expect(await prisma.disruption.findMany({ where: { reference: { in: references } }, orderBy: { reference: 'asc' } })).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { action: 'import.disruptions', actorId: coordinator.id } })).toBe(0);
  });

  it('reads a changed cell of an export as an update, and still refuses a column it does not know', async () => {
    const region = await makeRegion();
    const coordinator = await asCurrentUser((await makeUser(region.west, ['COORDINATOR'])).id);
    const threat = await makeThreat(region.west);
    const reference = `RT-${unique()}`;
    await prisma.disruption.create({ data: { reference, threatId: threat.id, disruptedOn: new Date('2026-05-05T00:00:00Z'), strand: 'PURSUE', category: 'MINOR', role: 'LEAD', description: '=old' } });
    const content = (await exportDisruptionsFile(coordinator, {}, 'csv')).body as string;

    const edited = content.replace("'=old", "'=new");
    const updated = await run(coordinator, 'disruptions', edited, 'commit');
    expect(updated).toMatchObject({ committed: true, toUpdate: 1, errorCount: 0 });
    expect((await prisma.disruption.findUniqueOrThrow({ where: { reference }, select: { description: true } })).description).toBe('=new');

    const extra = content.replace('Recorded on APMIS', 'Recorded on APMIS,Notes');
    await expect(run(coordinator, 'disruptions', extra, 'preview')).rejects.toThrow('the column "Notes" is not recognised');
  });
});
