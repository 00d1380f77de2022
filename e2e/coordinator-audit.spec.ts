import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_USERS } from '../prisma/demo-data';
import { readXlsx, sheetValues } from '../test/xlsx-reader';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// The combined journey (issue 6): the regional co-ordinator reads South Yorkshire's
// Pursue disruptions on the dashboard, imports an APMIS extract of lead Pursue disruptions on a
// South Yorkshire threat, sees the figure go up by exactly the rows imported, follows it to the
// records (the count line says the figure, the imported references are listed), and downloads the
// inspection evidence pack, which is marked and lists them. Every page is scanned by axe.
//
// South Yorkshire's disruption figures: no other journey writes disruptions there (they use West
// Yorkshire, or read North Yorkshire and Humberside), and the threat is this spec's own, so the
// figure moves by this spec's rows alone. The rows carry APMIS references, so no
// "Disruption not on APMIS" flag another journey counts changes.

const DAY = 86_400_000;
const FORCE = { code: 'SYP', name: 'South Yorkshire Police' };
const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const daysAgo = (n: number) => londonKey(new Date(Date.now() - n * DAY));
const ukDate = (key: string) => key.split('-').reverse().join('/');

/** A South Yorkshire threat of this spec's own (no disruptions yet). */
async function ownThreat() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eca${suffix}`, urn: `E2E-CA-${suffix.toUpperCase()}`, name: `Kestrel Foundry ${suffix}`, suffix, forceId: '' };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = ?`, [FORCE.code]);
    threat.forceId = force!.id as string;
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 2, 'ACTIVE', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 90 * DAY)), threat.forceId, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'FIREARMS')`, [threat.id]);
  });
  return threat;
}

/** The number a figure shows (its link's visually hidden words follow it). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  const n = Number.parseInt(text, 10);
  expect(Number.isNaN(n), `a number in "${text}"`).toBe(false);
  return n;
}

async function openDashboard(page: Page) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
}

test('the regional co-ordinator imports disruptions, sees the dashboard move by them, follows the figure and downloads the evidence pack', async ({ page }) => {
  test.slow(); // several pages, each scanned, and a workbook to read
  const threat = await ownThreat();
  const pursueId = `pursue-${threat.forceId}`;
  const leadId = `lead-${threat.forceId}`;

  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await openDashboard(page);
  await expectNoAxeViolations(page);
  const figure1 = page.getByTestId('section-disruptions');
  await expect(figure1.getByRole('rowheader', { name: FORCE.name, exact: true })).toBeVisible();
  const pursueBefore = await figure(page, pursueId);
  const leadBefore = await figure(page, leadId);

  // The extract: lead Pursue disruptions, major and moderate (Annex B counts both), this period.
  const rows = [
    { reference: `E2E-CA-${threat.suffix}-1`.toUpperCase(), date: ukDate(daysAgo(2)), category: 'MAJOR', description: `Firearm and ammunition recovered in Barnsley ${threat.suffix}` },
    { reference: `E2E-CA-${threat.suffix}-2`.toUpperCase(), date: daysAgo(3), category: 'Moderate', description: `Two members charged with conspiracy to supply ${threat.suffix}` },
    { reference: `E2E-CA-${threat.suffix}-3`.toUpperCase(), date: ukDate(daysAgo(4)), category: 'major', description: `Vehicle used by the group seized ${threat.suffix}` },
  ];
  const lines = rows.map((r, i) => `${r.reference},${threat.urn},${r.date},Pursue,${r.category},Lead,${FORCE.code},"${r.description}",APM-CA-${threat.suffix.toUpperCase()}-${i + 1}`);
  const header = 'Reference,URN,Date,Strand,Category,Role,Lead agency code,Description,APMIS reference';
  const buffer = Buffer.from(`\uFEFFOFFICIAL-SENSITIVE\r\n${[header, ...lines].join('\r\n')}\r\nOFFICIAL-SENSITIVE\r\n`, 'utf8');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Imports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import APMIS extracts' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Disruptions', { exact: true }).check();
  await page.getByLabel('Upload a file').setInputFiles({ name: 'syp-extract.csv', mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The file is ready to import' })).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText(`New disruptions to create${rows.length}`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Import ${rows.length} disruptions` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import complete' })).toBeVisible();
  await expect(page.locator('.govuk-panel')).toContainText(`${rows.length} disruptions imported from syp-extract.csv`);
  await expectNoAxeViolations(page);

  // Back on the dashboard: both figures up by exactly the rows imported.
  await openDashboard(page);
  await expect(async () => {
    await page.reload();
    expect(await figure(page, pursueId)).toBe(pursueBefore + rows.length);
    expect(await figure(page, leadId)).toBe(leadBefore + rows.length);
  }).toPass({ timeout: 15_000 });
  await expectNoAxeViolations(page);

  // The figure leads to its records: the count line says the figure, the imported rows are there.
  const pursueAfter = await figure(page, pursueId);
  await page.getByTestId(pursueId).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disruptions' })).toBeVisible();
  await expect(page.getByTestId('records-count')).toHaveText(new RegExp(`^${pursueAfter} disruptions?(,|$)`));
  const table = page.getByRole('table', { name: new RegExp(`^Pursue lead disruptions assessed major, moderate or minor in ${FORCE.name} and below`) });
  for (const row of rows) await expect(table.getByRole('row').filter({ hasText: row.reference })).toContainText(threat.name);
  await expectNoAxeViolations(page);

  // The inspection evidence pack for the same period: marked, and listing the imported disruptions.
  await openDashboard(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the inspection evidence pack (XLSX)' }).click()]);
  expect(await download.failure()).toBeNull();
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  const parts = unzipSync(bytes);
  const xml = Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
  expect(Object.values(xml).join('\n')).toContain('OFFICIAL-SENSITIVE');
  const workbook = readXlsx(bytes);
  const sheet = workbook.sheets.find((s) => s.name === 'Disruptions in the period');
  expect(sheet, 'the disruptions sheet').toBeDefined();
  const values = sheetValues(sheet!);
  expect(values[0]).toEqual(['OFFICIAL-SENSITIVE']);
  expect(values[values.length - 1]).toEqual(['OFFICIAL-SENSITIVE']);
  // Printed, every page of the sheet carries the marking too.
  expect(sheet!.xml).toMatch(/<oddHeader>[^<]*OFFICIAL-SENSITIVE/);
  const heading = values[1] as string[];
  for (const row of rows) {
    const listed = values.find((v) => v[0] === row.reference);
    expect(listed, `${row.reference} in the evidence pack`).toBeDefined();
    expect(listed![heading.indexOf('URN')]).toBe(threat.urn);
    expect(listed![heading.indexOf('Strand')]).toBe('Pursue');
    expect(listed![heading.indexOf('Role')]).toBe('Lead');
  }
  await expectNoAxeViolations(page);
});

test('an upload just over the 10 MB limit is answered with the import’s own message, not cut short on the way', async ({ page, baseURL }) => {
  // proxy.ts makes Next buffer every body (next.config.js experimental.proxyClientMaxBodySize):
  // with the default 10 MB, this body would be cut short and read as "no file chosen".
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  const size = 10 * 1024 * 1024 + 4096;
  const buffer = Buffer.concat([Buffer.from('Reference,URN,Date,Strand,Category,Role,Description\r\n'), Buffer.alloc(size, 'x')]);
  const response = await page.request.post('/api/imports/disruptions', {
    headers: { Origin: baseURL! },
    multipart: { mode: 'preview', file: { name: 'too-big.csv', mimeType: 'text/csv', buffer } },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('The file must be smaller than 10 MB');
});
