import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// Imports (issue 6, "Imports"): the regional co-ordinator loads a disruptions extract. An empty
// form and then a file with errors are explained (error summary, table of row errors, nothing
// written); the good file is checked (2 new), imported with progress streamed, confirmed, and the
// disruptions appear on the threat's disruptions page. The threat is this spec's own (its URN does
// not start "WYP-"), and the references are unique, so runs never collide. Every state is scanned.

const DAY = 86_400_000;
const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const daysAgo = (n: number) => londonKey(new Date(Date.now() - n * DAY));
const ukDate = (key: string) => key.split('-').reverse().join('/');

async function ownThreat() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eim${suffix}`, urn: `E2E-IM-${suffix.toUpperCase()}`, name: `Larchfield Sidings ${suffix}` };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 60 * DAY)), force!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [threat.id]);
  });
  return { ...threat, suffix };
}

const HEADER = 'Reference,URN,Date,Strand,Category,Role,Lead agency code,Description,APMIS reference';
const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFFOFFICIAL-SENSITIVE\r\n${[HEADER, ...lines].join('\r\n')}\r\nOFFICIAL-SENSITIVE\r\n`, 'utf8') });
const errorSummary = (page: Page) => page.locator('.govuk-error-summary');

test('the regional co-ordinator imports a disruptions extract: errors explained, preview, progress, confirmation', async ({ page }) => {
  test.slow(); // several page states, each scanned
  const threat = await ownThreat();
  const references = [`E2E-IM-${threat.suffix}-1`, `E2E-IM-${threat.suffix}-2`].map((r) => r.toUpperCase());
  const descriptions = [`Cannabis grow dismantled ${threat.suffix}`, `Safeguarding visits with the council ${threat.suffix}`];

  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Imports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import APMIS extracts' })).toBeVisible();
  await expect(page).toHaveTitle(/^Imports/);
  await page.getByText('Disruptions file columns').click();
  await expect(page.getByRole('table', { name: 'Disruptions columns' })).toContainText('Lead agency code');
  const exampleLink = page.getByRole('link', { name: 'Download an example disruptions file (CSV)' });
  const example = await page.request.get((await exampleLink.getAttribute('href'))!);
  expect(example.status()).toBe(200);
  expect(await example.text()).toContain(HEADER);
  await expectNoAxeViolations(page);

  // Nothing chosen.
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(errorSummary(page)).toContainText('Select what the file holds');
  await expect(errorSummary(page)).toContainText('Select a CSV file');
  await expectNoAxeViolations(page);

  // A file with errors: listed by row and column; nothing is written.
  await page.getByLabel('Disruptions', { exact: true }).check();
  await page.getByLabel('Upload a file').setInputFiles(
    csvFile('bad-extract.csv', [
      `${references[0]},${threat.urn},${ukDate(daysAgo(20))},Pursue,Enormous,Lead,WYP,"${descriptions[0]}",`,
      `${references[1]},NO-SUCH-URN-${threat.suffix},${daysAgo(10)},Prevent,Minor,Supporting,LCC,"${descriptions[1]}",`,
    ]),
  );
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(errorSummary(page)).toContainText('2 problems were found in bad-extract.csv. Nothing has been imported.');
  await expect(errorSummary(page)).toContainText('Row 3, Category: Category must be one of MAJOR (Major)');
  await expect(errorSummary(page)).toContainText(`Row 4, URN: Threat NO-SUCH-URN-${threat.suffix} was not found in your organisation`);
  const problems = page.getByRole('table', { name: 'Problems in the file (2)' });
  await expect(problems).toContainText('Category');
  await expect(page.getByRole('button', { name: /^Import / })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The corrected file: a preview, then the import, with its progress streamed.
  const goodFile = csvFile('good-extract.csv', [
    `${references[0]},${threat.urn},${ukDate(daysAgo(20))},Pursue,Major,Lead,WYP,"${descriptions[0]}",apm-e2e-${threat.suffix}`,
    `${references[1]},${threat.urn},${daysAgo(10)},PREVENT,minor,supporting,LCC,"${descriptions[1]}",`,
  ]);
  await page.getByLabel('Upload a file').setInputFiles(goodFile);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The file is ready to import' })).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText('New disruptions to create2');
  await expect(errorSummary(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Waited for from before the click (the only request to the endpoint from here on): the response
  // event can reach the test after the page has finished with it.
  const commitResponse = page.waitForResponse((response) => response.url().endsWith('/api/imports/disruptions'));
  await page.getByRole('button', { name: 'Import 2 disruptions' }).click();
  const commitBody = await (await commitResponse).text();
  await expect(page.getByRole('heading', { level: 1, name: 'Import complete' })).toBeVisible();
  // The progress the page showed came as a stream of events ahead of the result.
  expect(commitBody).toContain('"mode":"commit"');
  const events = commitBody!
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; phase?: string; done?: number; total?: number });
  expect(events.filter((e) => e.type === 'progress').map((e) => e.phase)).toEqual(expect.arrayContaining(['reading', 'checking', 'writing']));
  expect(events).toContainEqual({ type: 'progress', phase: 'writing', done: 2, total: 2 });
  expect(events.at(-1)!.type).toBe('result');
  await expect(page.locator('.govuk-panel')).toContainText('2 disruptions imported from good-extract.csv');
  await expectNoAxeViolations(page);

  // The imported disruptions on the threat's own page, linked from the confirmation.
  await page.getByRole('link', { name: `${threat.urn}: ${threat.name} disruptions` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disruptions' })).toBeVisible();
  const list = page.getByRole('table', { name: /Disruptions \(2\), newest first/ });
  await expect(list).toContainText(descriptions[0]!);
  await expect(list).toContainText(descriptions[1]!);
  await expect(list).toContainText(`APM-E2E-${threat.suffix.toUpperCase()}`);
  await expectNoAxeViolations(page);

  // The same file again: every row unchanged, nothing to import.
  await page.goto('/imports');
  await page.getByLabel('Disruptions', { exact: true }).check();
  await page.getByLabel('Upload a file').setInputFiles(goodFile);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('Every row is the same as what is stored: there is nothing to import.')).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText('Unchanged (the same as stored)2');
  await expect(page.getByRole('button', { name: /^Import / })).toHaveCount(0);
});

test('imports are for co-ordinators and admins only, and the import endpoint refuses a post from another site', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Imports' })).toHaveCount(0);
  const response = await page.goto('/imports');
  expect(response?.status()).toBe(404);
  const file = { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\r\n`) };
  const origin = new URL(page.url()).origin;
  // Signed in as the LRO, from Quadrant's own origin: as absent as the page.
  expect((await page.request.post('/api/imports/disruptions', { headers: { Origin: origin }, multipart: { mode: 'preview', file } })).status()).toBe(404);

  // Posted from another site (a forged form riding the session): refused before anything else is read.
  const forged = await page.request.post('/api/imports/disruptions', { headers: { Origin: 'https://attacker.example' }, multipart: { mode: 'preview', file } });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain('This request did not come from Quadrant.');
});
