import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { readXlsx, sheetValues, type ReadWorkbook } from '../test/xlsx-reader';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { threatIdByUrn } from './support/records';
import { signIn } from './support/session';

// Exports and print views (issue 6 part 5): the regional co-ordinator downloads the inspection
// evidence pack from the dashboard, opens its print view, downloads the register as XLSX (each unzipped and read
// here: marked first and last on every sheet, formula text neutralised), and opens a plan's print
// view. Every page is scanned by axe, and printed (print media) each keeps its marking and drops
// the navigation.

const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/**
 * A West Yorkshire threat of this spec's own, mapped today (no flag waits on it yet), with one
 * supporting disruption of category None, recorded on APMIS, whose description looks like a
 * formula: it changes no dashboard figure another journey reads (Annex B counts lead disruptions
 * assessed major to minor only).
 */
async function threatWithDisruption() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eex${suffix}`, urn: `E2E-EX-${suffix.toUpperCase()}`, name: `Quillon Marsh ${suffix}` };
  const disruption = { reference: `E2E-EXD-${suffix.toUpperCase()}`, description: `=SUM(1,1) seized ${suffix}` };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 4, 'MAPPED', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, now, force!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'FRAUD')`, [threat.id]);
    await db.run(
      `INSERT INTO "Disruption" ("id", "reference", "threatId", "disruptedOn", "strand", "category", "role", "description", "apmisReference", "apmisRecordedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'PROTECT', 'NONE', 'SUPPORTING', ?, ?, ?, ?, ?)`,
      [`e2exd${suffix}`, disruption.reference, threat.id, ts(new Date(`${londonKey(new Date())}T00:00:00Z`)), disruption.description, `APM-${suffix.toUpperCase()}`, now, now, now],
    );
  });
  return { threat, disruption };
}

async function download(page: Page, linkName: string | RegExp): Promise<{ file: Download; workbook: ReadWorkbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  expect(await file.failure()).toBeNull();
  const workbook = readXlsx(new Uint8Array(readFileSync((await file.path())!)));
  for (const sheet of workbook.sheets) {
    const values = sheetValues(sheet);
    expect(values[0], `the first row of ${sheet.name}`).toEqual(['OFFICIAL-SENSITIVE']);
    expect(values[values.length - 1], `the last row of ${sheet.name}`).toEqual(['OFFICIAL-SENSITIVE']);
  }
  return { file, workbook };
}

/** The marking at the top and bottom of the page, on screen and printed; no navigation printed. */
async function expectMarkedForPrint(page: Page) {
  const markings = page.locator('.app-protective-marking');
  await expect(markings.first()).toHaveText('OFFICIAL-SENSITIVE');
  await expect(markings.last()).toHaveText('OFFICIAL-SENSITIVE');
  await page.emulateMedia({ media: 'print' });
  await expect(markings.first()).toBeVisible();
  await expect(markings.last()).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
}

test('the regional co-ordinator downloads the evidence pack from the dashboard and prints the dashboard', async ({ page }) => {
  test.slow();
  const { threat, disruption } = await threatWithDisruption();
  await signIn(page, DEMO_USERS.regionalCoordinator.email);

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
  const { file, workbook } = await download(page, 'Download the inspection evidence pack (XLSX)');

  await page.getByRole('link', { name: 'Print this dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard\/print/);
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
  await expect(page).toHaveTitle(/^Compliance dashboard: print view/);
  for (const name of ['Plans reviewed within cadence', '4P balance of open actions', 'Share of Pursue among disruptions', 'Compliance flags (alerts / warnings)']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Share of Pursue among disruptions' }).getByRole('rowheader', { name: 'West Yorkshire Police' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectMarkedForPrint(page);

  expect(file.suggestedFilename()).toMatch(/^quadrant-evidence-pack-\d{4}-\d{2}\.xlsx$/);
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
  const cover = sheetValues(workbook.sheets[0]!);
  expect(cover).toContainEqual(['Scope', 'Yorkshire and the Humber']);
  expect(cover.find((r) => r[0] === 'Generated by')?.[1]).toContain(DEMO_USERS.regionalCoordinator.name);
  const shares = sheetValues(workbook.sheets.find((s) => s.name === 'Disruption shares (Annex B)')!);
  expect(shares.map((r) => r[0])).toEqual(expect.arrayContaining(['West Yorkshire Police', 'South Yorkshire Police', 'Total: all of Yorkshire and the Humber']));
  const listed = sheetValues(workbook.sheets.find((s) => s.name === 'Disruptions in the period')!);
  const mine = listed.find((r) => r[0] === disruption.reference);
  expect(mine, 'the spec’s disruption is listed').toBeDefined();
  expect(mine![2]).toBe(threat.urn);
  expect(mine).toContain(`'${disruption.description}`);
});

test('the regional co-ordinator downloads the register as XLSX', async ({ page }) => {
  const { threat } = await threatWithDisruption();
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.goto(`/threats?q=${encodeURIComponent(threat.name)}`);
  await expect(page.getByRole('link', { name: threat.name })).toBeVisible();
  const { file, workbook } = await download(page, /^Download as XLSX/);
  expect(file.suggestedFilename()).toMatch(/^quadrant-threats-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const values = sheetValues(workbook.sheets[0]!);
  expect(values[1]!.slice(0, 4)).toEqual(['URN', 'Name', 'Type', 'Tier']);
  expect(values).toHaveLength(4); // marking, header, the one threat, marking
  expect(values[2]!.slice(0, 4)).toEqual([threat.urn, threat.name, 'Organised crime group', 4]);
});

test('the regional co-ordinator downloads disruptions in the APMIS-ready layout from the disruption records', async ({ page }) => {
  const { threat, disruption } = await threatWithDisruption();
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.goto('/compliance/disruptions');
  await expect(page.getByRole('heading', { level: 1, name: 'Disruptions' })).toBeVisible();
  const { file, workbook } = await download(page, /^XLSX \(disruptions, APMIS-ready\)$/);
  expect(file.suggestedFilename()).toMatch(/^quadrant-disruptions-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const values = sheetValues(workbook.sheets[0]!);
  const header = values[1]!;
  expect(header.slice(0, 5)).toEqual(['Reference', 'APMIS reference', 'URN', 'Threat name', 'Date']);
  const mine = values.find((r) => r[0] === disruption.reference)!;
  expect(mine[header.indexOf('URN')]).toBe(threat.urn);
  expect(mine[header.indexOf('Role')]).toBe('Supporting');
  expect(mine[header.indexOf('Description')]).toBe(`'${disruption.description}`);
  expect(mine[header.indexOf('Recorded on APMIS')]).toBe('yes');
});

test('a plan prints with its strands, actions and reviews, marked', async ({ page }) => {
  const threatId = await threatIdByUrn(DEMO_REFERENCES.lroThreatUrn);
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.goto(`/threats/${threatId}/plan`);
  await page.getByRole('link', { name: 'Print the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
  await expect(page).toHaveTitle(/^4P plan: print view/);
  for (const name of ['Threat', 'Plan details', 'Pursue', 'Prevent', 'Protect', 'Prepare', 'Reviews']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByText(DEMO_REFERENCES.lroThreatUrn).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Latest update' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectMarkedForPrint(page);
});
