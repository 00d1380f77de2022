import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DASHBOARD_EXPORT_AUDIT,
  DISRUPTION_EXPORT_HEADER,
  DISRUPTIONS_EXPORT_AUDIT,
  EVIDENCE_PACK_AUDIT,
  exportDashboardTable,
  exportDisruptionsFile,
  exportEvidencePack,
  ExportNotFoundError,
  exportThreatsFile,
  THREATS_EXPORT_AUDIT,
  type ExportFile,
} from './exports';
import { prisma } from '@/lib/db/client';
import { exportDisruptions } from '@/lib/db/disruption-export';
import { periodEnding } from '@/lib/domain/dashboard';
import { DASHBOARD_TABLE_KEYS } from '@/lib/domain/dashboard-tables';
import { readCsv } from '@/lib/domain/imports/read-csv';
import { checkDisruptionRow, DISRUPTION_COLUMNS } from '@/lib/validation/imports';
import { threatRegisterQuerySchema } from '@/lib/validation/threat-register';
import { asCurrentUser, makeRegion, makeThreat, makeUser } from '@/test/factories';
import { readXlsx, sheetValues, type ReadWorkbook } from '@/test/xlsx-reader';

// Every export against a real database: the marking first and last, formula cells escaped, the
// user's scope respected, and the audit event written.

const NOW = new Date('2026-03-01T12:00:00Z');
const PERIOD = periodEnding('2026-02'); // 1 March 2025 to 28 February 2026

let world: Awaited<ReturnType<typeof build>>;

async function disruption(threatId: string, day: string, opts: { strand?: 'PURSUE' | 'PREVENT'; category?: 'MAJOR' | 'MINOR' | 'NONE'; role?: 'LEAD' | 'SUPPORTING'; apmis?: string; description?: string; leadAgencyId?: string } = {}) {
  return prisma.disruption.create({
    data: {
      reference: `EXP-${randomUUID().slice(0, 13).toUpperCase()}`,
      threatId,
      disruptedOn: new Date(`${day}T00:00:00Z`),
      strand: opts.strand ?? 'PURSUE',
      category: opts.category ?? 'MAJOR',
      role: opts.role ?? 'LEAD',
      leadAgencyId: opts.leadAgencyId ?? null,
      description: opts.description ?? 'Cash seizure',
      apmisReference: opts.apmis ?? null,
    },
    select: { id: true, reference: true },
  });
}

async function build() {
  const orgs = await makeRegion();
  const [west, south, regional] = await Promise.all([
    makeUser(orgs.west, ['COORDINATOR'], { name: 'Coordinator, West' }).then((u) => asCurrentUser(u.id)),
    makeUser(orgs.south, ['COORDINATOR']).then((u) => asCurrentUser(u.id)),
    makeUser(orgs.region, ['COORDINATOR'], { name: 'Regional Coordinator' }).then((u) => asCurrentUser(u.id)),
  ]);
  const formulaThreat = await makeThreat(orgs.west, { name: '=HYPERLINK("x")', tier: 2 });
  const lpaThreat = await makeThreat(orgs.westLpa, { name: 'Slate Lantern', tier: 4 });
  const southThreat = await makeThreat(orgs.south, { name: 'Copper Finch', tier: 3 });
  const disruptions = {
    westFormula: await disruption(formulaThreat.id, '2026-02-10', { apmis: 'APM-2026-0001', description: '=cmd|calc', leadAgencyId: orgs.west.id }),
    westLpa: await disruption(lpaThreat.id, '2025-07-01', { strand: 'PREVENT', category: 'MINOR' }),
    westOld: await disruption(formulaThreat.id, '2024-01-15', { description: 'Before the period' }),
    westSupporting: await disruption(lpaThreat.id, '2025-12-01', { role: 'SUPPORTING' }),
    south: await disruption(southThreat.id, '2026-02-01'),
  };
  return { orgs, users: { west, south, regional }, threats: { formulaThreat, lpaThreat, southThreat }, disruptions };
}

beforeAll(async () => {
  world = await build();
});

const text = (file: ExportFile) => file.body as string;
const lines = (csv: string) => csv.split('\r\n').slice(0, -1);
const book = (file: ExportFile): ReadWorkbook => readXlsx(file.body as Uint8Array);

function expectMarkedWorkbook(workbook: ReadWorkbook) {
  expect(workbook.sheets.length).toBeGreaterThan(0);
  for (const sheet of workbook.sheets) {
    const values = sheetValues(sheet);
    expect(values[0], `first row of ${sheet.name}`).toEqual(['OFFICIAL-SENSITIVE']);
    expect(values[values.length - 1], `last row of ${sheet.name}`).toEqual(['OFFICIAL-SENSITIVE']);
    expect(sheet.xml).toContain('<oddHeader>&amp;C&amp;&quot;-,Bold&quot;OFFICIAL-SENSITIVE</oddHeader>');
    expect(sheet.xml).not.toMatch(/<f[ >]/);
  }
}

async function lastAudit(actorId: string, action: string) {
  const event = await prisma.auditEvent.findFirst({ where: { actorId, action }, orderBy: { at: 'desc' } });
  expect(event, `an ${action} event`).not.toBeNull();
  return { ...event!, after: JSON.parse(event!.after as string) as Record<string, unknown> };
}

describe('the register as XLSX', () => {
  it('is one marked sheet with the register’s rows, formula text quoted, numbers as numbers, in scope', async () => {
    const file = await exportThreatsFile(world.users.west, threatRegisterQuerySchema.parse({ sort: 'name' }), 'xlsx', NOW);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toBe('quadrant-threats-2026-03-01.xlsx');
    const workbook = book(file);
    expectMarkedWorkbook(workbook);
    const [sheet] = workbook.sheets;
    expect(sheet!.name).toBe('Threats');
    const values = sheetValues(sheet!);
    expect(values[1]!.slice(0, 4)).toEqual(['URN', 'Name', 'Type', 'Tier']);
    expect(values).toHaveLength(file.rowCount + 3);
    expect(file.rowCount).toBe(2);
    const formulaRow = sheet!.rows.find((r) => r[0]?.value === world.threats.formulaThreat.urn)!;
    expect(formulaRow[1]).toMatchObject({ type: 'string', value: '\'=HYPERLINK("x")' });
    expect(formulaRow[3]).toMatchObject({ type: 'number', value: 2 });
    expect(JSON.stringify(values)).not.toContain(world.threats.southThreat.urn);
  });

  it('is audited with its format', async () => {
    await exportThreatsFile(world.users.south, threatRegisterQuerySchema.parse({}), 'xlsx', NOW);
    const event = await lastAudit(world.users.south.id, THREATS_EXPORT_AUDIT);
    expect(event.after).toEqual({ query: { sort: 'urn', order: 'asc' }, format: 'xlsx', rowCount: 1 });
  });
});

describe('dashboard tables', () => {
  it.each(DASHBOARD_TABLE_KEYS)('%s as CSV: marked first and last, the caption with period and method under the marking', async (key) => {
    const file = await exportDashboardTable(world.users.regional, key, 'csv', PERIOD, NOW);
    const all = lines(text(file));
    expect(all[0]).toBe('OFFICIAL-SENSITIVE');
    expect(all[all.length - 1]).toBe('OFFICIAL-SENSITIVE');
    expect(all[1]).toContain('Test region');
    expect(all[1]).toContain(key === 'trend' ? 'the last 90 days' : 'year ending 28 February 2026');
    expect(all[1]).toContain('Method:');
    expect(file.filename).toBe(`quadrant-dashboard-${key}-2026-02.csv`);
    if (key !== 'trend') {
      expect(all[3]!.startsWith('Organisation,')).toBe(true);
      expect(all.some((l) => l.startsWith('West force,'))).toBe(true);
      expect(all.some((l) => l.startsWith('South force,'))).toBe(true);
      expect(all[all.length - 2]!.startsWith('Total: all of Test region,')).toBe(true);
    }
  });

  it('counts the disruptions of each organisation from the database (Annex B: lead, major to minor, in the period)', async () => {
    const file = await exportDashboardTable(world.users.regional, 'disruptions', 'csv', PERIOD, NOW);
    const row = (name: string) => lines(text(file)).find((l) => l.startsWith(`${name},`))!.split(',');
    // West: the formula threat's February disruption (Pursue) and the LPA's July one (Prevent);
    // not the 2024 one, not the supporting one. South: one Pursue.
    expect(row('West force').slice(1, 7)).toEqual(['2', '1', '1', '0', '0', '50']);
    expect(row('South force').slice(1, 7)).toEqual(['1', '1', '0', '0', '0', '100']);
  });

  it('respects scope: a force co-ordinator’s table holds their force only', async () => {
    const file = await exportDashboardTable(world.users.west, 'flags', 'csv', PERIOD, NOW);
    const csv = text(file);
    expect(csv).not.toContain('South force');
    expect(csv).toContain('West LPA');
    expect(csv).toContain('Total: all of West force');
  });

  it('as XLSX: one marked sheet, numbers as numbers, and audited with table, format and period', async () => {
    const file = await exportDashboardTable(world.users.regional, 'reviews', 'xlsx', PERIOD, NOW);
    const workbook = book(file);
    expectMarkedWorkbook(workbook);
    const [sheet] = workbook.sheets;
    expect(sheet!.name).toBe('Plans reviewed within cadence');
    const west = sheet!.rows.find((r) => r[0]?.value === 'West force')!;
    expect(west[1]).toMatchObject({ type: 'number' });
    const event = await lastAudit(world.users.regional.id, DASHBOARD_EXPORT_AUDIT);
    expect(event.after).toMatchObject({ table: 'reviews', format: 'xlsx', period: { from: '2025-03-01', to: '2026-02-28' } });
  });
});

describe('disruptions in the APMIS-ready layout', () => {
  it('CSV: marked, the documented header, one row per disruption in scope, formula description quoted', async () => {
    const file = await exportDisruptionsFile(world.users.west, {}, 'csv', NOW);
    const all = lines(text(file));
    expect(all[0]).toBe('OFFICIAL-SENSITIVE');
    expect(all[all.length - 1]).toBe('OFFICIAL-SENSITIVE');
    expect(all[1]).toBe(DISRUPTION_EXPORT_HEADER.join(','));
    expect(all[1]).toBe('Reference,APMIS reference,URN,Threat name,Date,Strand,Category,Role,Lead agency code,Lead agency,Organisation,Description,Recorded on APMIS');
    expect(file.rowCount).toBe(4);
    const csv = text(file);
    expect(csv).not.toContain(world.disruptions.south.reference);
    const formula = all.find((l) => l.startsWith(world.disruptions.westFormula.reference))!;
    expect(formula).toBe(
      `${world.disruptions.westFormula.reference},APM-2026-0001,${world.threats.formulaThreat.urn},"'=HYPERLINK(""x"")",10/02/2026,Pursue,Major,Lead,${world.orgs.west.id.toUpperCase()},West force,West force,'=cmd|calc,yes`,
    );
    expect(all.find((l) => l.startsWith(world.disruptions.westLpa.reference))).toMatch(/,01\/07\/2025,Prevent,Minor,Lead,,,West LPA,Cash seizure,no$/);
    // Oldest first.
    expect(all.slice(2, -1).map((l) => l.split(',')[0])).toEqual([
      world.disruptions.westOld.reference,
      world.disruptions.westLpa.reference,
      world.disruptions.westSupporting.reference,
      world.disruptions.westFormula.reference,
    ]);
  });

  it('can be read by the disruption import: its columns under the same headers, its values in forms it accepts', async () => {
    for (const column of DISRUPTION_COLUMNS) expect(DISRUPTION_EXPORT_HEADER).toContain(column.header);
    const file = await exportDisruptionsFile(world.users.west, {}, 'csv', NOW);
    // The import refuses columns it does not know: the reader's own columns are declared here as optional.
    const readerColumns = DISRUPTION_EXPORT_HEADER.filter((h) => !DISRUPTION_COLUMNS.some((c) => c.header === h)).map((header) => ({ key: header, header, required: false }));
    const read = readCsv(text(file), [...DISRUPTION_COLUMNS, ...readerColumns]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rows).toHaveLength(4);
    const checked = read.rows.map((row) => checkDisruptionRow(row as Parameters<typeof checkDisruptionRow>[0], '2026-03-01'));
    expect(checked.filter((c) => !c.ok)).toEqual([]);
    const formula = checked.find((c) => c.ok && c.record.reference === world.disruptions.westFormula.reference);
    expect(formula).toMatchObject({ ok: true, record: { disruptedOn: '2026-02-10', strand: 'PURSUE', category: 'MAJOR', role: 'LEAD', apmisReference: 'APM-2026-0001' } });
  });

  it('filters by period and by organisation subtree', async () => {
    const inPeriod = await exportDisruptionsFile(world.users.regional, { from: PERIOD.from, to: PERIOD.to }, 'csv', NOW);
    expect(inPeriod.rowCount).toBe(4);
    expect(text(inPeriod)).not.toContain(world.disruptions.westOld.reference);
    const lpa = await exportDisruptionsFile(world.users.regional, { organisationId: world.orgs.westLpa.id }, 'csv', NOW);
    expect(lines(text(lpa)).slice(2, -1).map((l) => l.split(',')[0])).toEqual([world.disruptions.westLpa.reference, world.disruptions.westSupporting.reference]);
    const oneDay = await exportDisruptionsFile(world.users.regional, { from: '2026-02-10', to: '2026-02-10' }, 'csv', NOW);
    expect(oneDay.rowCount).toBe(1);
  });

  it('refuses an organisation outside the user’s scope', async () => {
    await expect(exportDisruptionsFile(world.users.west, { organisationId: world.orgs.south.id }, 'csv', NOW)).rejects.toBeInstanceOf(ExportNotFoundError);
    await expect(exportDisruptionsFile(world.users.west, { organisationId: 'no-such-organisation' }, 'csv', NOW)).rejects.toBeInstanceOf(ExportNotFoundError);
  });

  it('XLSX: marked, dates as dates, text quoted, and audited with the filter and format', async () => {
    const file = await exportDisruptionsFile(world.users.south, { from: '2026-01-01' }, 'xlsx', NOW);
    const workbook = book(file);
    expectMarkedWorkbook(workbook);
    const [sheet] = workbook.sheets;
    expect(sheetValues(sheet!)[1]).toEqual(DISRUPTION_EXPORT_HEADER);
    const row = sheet!.rows[2]!;
    expect(row[0]!.value).toBe(world.disruptions.south.reference);
    // 1 February 2026 is serial 46054, styled dd/mm/yyyy.
    expect(row[4]).toMatchObject({ type: 'number', value: 46054, style: 2 });
    expect(row[12]!.value).toBe('no');
    const event = await lastAudit(world.users.south.id, DISRUPTIONS_EXPORT_AUDIT);
    expect(event.after).toEqual({ filter: { from: '2026-01-01' }, format: 'xlsx', rowCount: 1 });
  });

  it('loads the rows in batches, oldest first, none twice', async () => {
    const batches: string[][] = [];
    for await (const batch of exportDisruptions(world.users.west, {}, 3)) batches.push(batch.map((d) => d.reference));
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(new Set(batches.flat()).size).toBe(4);
  });
});

describe('the inspection evidence pack', () => {
  it('is one marked workbook: a cover and the sheets an inspector asks for', async () => {
    const file = await exportEvidencePack(world.users.regional, PERIOD, NOW);
    expect(file.filename).toBe('quadrant-evidence-pack-2026-02.xlsx');
    const workbook = book(file);
    expectMarkedWorkbook(workbook);
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      'Cover',
      'Flags',
      'Reviews within cadence',
      '4P balance of open actions',
      'Disruption shares (Annex B)',
      'Unmet demand',
      'LRO caseload',
      'Disruptions in the period',
    ]);
    const cover = Object.fromEntries(sheetValues(workbook.sheets[0]!).filter((r) => r.length === 2).map(([k, v]) => [k, v]));
    expect(cover.Scope).toBe('Test region');
    expect(cover.Period).toBe('year ending 28 February 2026 (01/03/2025 to 28/02/2026)');
    expect(cover['Generated by']).toBe('Regional Coordinator, Test region');
    expect(cover['Protective marking']).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(cover['Disruption shares (Annex B)']).toMatch(/Annex B/);
  });

  it('has one row per organisation and the total on its figure sheets, and the period’s disruptions, escaped', async () => {
    const workbook = book(await exportEvidencePack(world.users.regional, PERIOD, NOW));
    const shares = sheetValues(workbook.sheets.find((s) => s.name === 'Disruption shares (Annex B)')!);
    expect(shares.map((r) => r[0])).toEqual(expect.arrayContaining(['West force', 'South force', 'Total: all of Test region']));
    const list = sheetValues(workbook.sheets.find((s) => s.name === 'Disruptions in the period')!);
    const references = list.map((r) => r[0]);
    expect(references).toEqual(expect.arrayContaining([world.disruptions.westFormula.reference, world.disruptions.south.reference]));
    expect(references).not.toContain(world.disruptions.westOld.reference);
    const formula = list.find((r) => r[0] === world.disruptions.westFormula.reference)!;
    expect(formula[11]).toBe("'=cmd|calc");
  });

  it('respects scope and is audited', async () => {
    const workbook = book(await exportEvidencePack(world.users.west, PERIOD, NOW));
    const all = JSON.stringify(workbook.sheets.map(sheetValues));
    expect(all).not.toContain('South force');
    expect(all).not.toContain(world.disruptions.south.reference);
    expect(all).toContain(world.disruptions.westFormula.reference);
    const event = await lastAudit(world.users.west.id, EVIDENCE_PACK_AUDIT);
    expect(event.after).toMatchObject({ format: 'xlsx', period: { from: '2025-03-01', to: '2026-02-28' }, disruptions: 3, truncated: false });
    expect(event.organisationId).toBe(world.users.west.organisationId);
  });
});
