import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// Disruptions (issue 6, item 1): the demo LRO records a disruption of ten days ago on a threat
// they hold (after the form has explained its errors), sees it listed as not on APMIS for ten
// days (DISRUPTION_NOT_ON_APMIS), then adds its APMIS reference, which clears the flag. Every
// page visited is scanned by axe.

const SAVE_TIMEOUT = 20_000;
const DAY = 86_400_000;

const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const addDays = (key: string, days: number) => new Date(Date.parse(`${key}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * An active West Yorkshire threat of this spec's own, held by the demo LRO as deputy: that lets
 * them record disruptions on it (disruption:record is for whoever holds the threat) without adding
 * to the caseload other journeys read. Its URN does not start "WYP-", so no spare slot shifts.
 */
async function heldThreat() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eds${suffix}`, urn: `E2E-DS-${suffix.toUpperCase()}`, name: `Hawthorn Yard ${suffix}` };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const [lro] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "deputyId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 30 * DAY)), force!.id, lro!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'FIREARMS')`, [threat.id]);
  });
  return threat;
}

const errorSummary = (page: Page) => page.locator('.govuk-error-summary');
const table = (page: Page) => page.getByRole('table', { name: /Disruptions \(\d+\), newest first/ });

test('the LRO records a disruption, sees it flagged as not on APMIS, and adds its APMIS reference', async ({ page }) => {
  test.slow(); // five pages, each scanned
  const threat = await heldThreat();
  const tenDaysAgo = addDays(londonKey(new Date()), -10);
  const [year, month, day] = tenDaysAgo.split('-');
  const description = `Cash seizure at a storage unit ${threat.id.slice(-6)}`;

  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await page.getByRole('link', { name: /View disruptions/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Disruptions' })).toBeVisible();
  await expect(page).toHaveTitle(/^Disruptions/);
  await expect(page.getByText('No disruption has been recorded.')).toBeVisible();
  await expect(page.getByText('No disruption flags.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Record a disruption' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a disruption' })).toBeVisible();
  await expect(page).toHaveTitle(/^Record a disruption/);
  await expectNoAxeViolations(page);

  // Nothing chosen, a bad APMIS reference: every problem in the summary and by its field.
  await page.getByLabel('APMIS reference (optional)').fill('not valid!');
  await page.getByRole('button', { name: 'Record disruption' }).click();
  await expect(errorSummary(page)).toContainText('Enter the date of the disruption');
  await expect(errorSummary(page)).toContainText('Select the strand');
  await expect(errorSummary(page)).toContainText('Select the category');
  await expect(errorSummary(page)).toContainText('Select whether the disruption was led or supported');
  await expect(errorSummary(page)).toContainText('Select the lead agency');
  await expect(errorSummary(page)).toContainText('Enter a description of the disruption');
  await expect(errorSummary(page)).toContainText('APMIS reference must only include letters, numbers, hyphens and slashes');
  await expect(page.locator('#apmisReference-error')).toContainText('APMIS reference must only include letters, numbers, hyphens and slashes');
  await expectNoAxeViolations(page);

  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year!);
  await page.getByRole('group', { name: 'Strand' }).getByRole('radio', { name: 'Pursue' }).check();
  await page.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'Moderate' }).check();
  await page.getByRole('radio', { name: 'Lead', exact: true }).check();
  await page.getByLabel('Lead agency').selectOption({ label: 'West Yorkshire Police' });
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('APMIS reference (optional)').fill('');
  await page.getByRole('button', { name: 'Record disruption' }).click();

  // Recorded ten days ago and not on APMIS: listed with the flag's tag, and the flag itself.
  await expect(page.getByText('Disruption recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole('heading', { level: 1, name: 'Disruptions' })).toBeVisible();
  await expect(page).toHaveTitle(/^Disruptions/);
  const row = table(page).getByRole('row').nth(1);
  await expect(row).toContainText(description);
  await expect(row).toContainText('Pursue');
  await expect(row).toContainText('Moderate');
  await expect(row).toContainText('Lead');
  await expect(row).toContainText('West Yorkshire Police');
  await expect(row).toContainText(`${threat.urn}-D-`);
  await expect(row.locator('.govuk-tag')).toHaveText('Not on APMIS for 10 days');
  await expect(page.getByText('No disruption flags.')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name: /^Add APMIS reference/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change a disruption' })).toBeVisible();
  await expect(page).toHaveTitle(/^Change a disruption/);
  await expect(page.getByLabel('Description')).toHaveValue(description);
  await expectNoAxeViolations(page);
  await page.getByLabel('APMIS reference (optional)').fill('apm-2026-004217');
  await page.getByRole('button', { name: 'Save disruption' }).click();

  // On APMIS: the reference shown (upper-cased), the tag and the flag gone.
  await expect(page.getByText('Disruption saved')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page).toHaveTitle(/^Disruptions/);
  const saved = table(page).getByRole('row').nth(1);
  await expect(saved).toContainText('APM-2026-004217');
  await expect(saved.locator('.govuk-tag')).toHaveCount(0);
  await expect(saved.getByRole('link', { name: /^Change/ })).toBeVisible();
  await expect(page.getByText('No disruption flags.')).toBeVisible();
  await expectNoAxeViolations(page);
});
