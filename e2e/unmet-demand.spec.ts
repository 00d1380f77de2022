import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// Unmet demand (issue 6, item 2): a quiet threat (mapped 200 days ago, no disruption, no completed
// action) shows "Possible unmet demand"; the demo LRO follows the flag, is told what unmet demand
// is, records a shortfall in surveillance (after the form has explained its errors), and the flag
// goes from the threat page. Every page visited is scanned by axe.

const SAVE_TIMEOUT = 20_000;
const DAY = 86_400_000;

/**
 * A West Yorkshire threat of this spec's own, mapped 200 days ago with no plan, held by the demo
 * LRO as deputy (unmet-demand:record is for whoever holds it, and a deputy adds nothing to the
 * caseload other journeys read). Its URN does not start "WYP-", so no spare slot shifts.
 */
async function quietThreat() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eud${suffix}`, urn: `E2E-UD-${suffix.toUpperCase()}`, name: `Larch Sidings ${suffix}` };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const [lro] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "deputyId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'MAPPED', ?, ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 200 * DAY)), force!.id, lro!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [threat.id]);
  });
  return threat;
}

const flags = (page: Page) => page.getByTestId('flag-summary');
const errorSummary = (page: Page) => page.locator('.govuk-error-summary');

test('the LRO follows "Possible unmet demand", records a shortfall in surveillance, and the flag goes', async ({ page }) => {
  test.slow();
  const threat = await quietThreat();
  const description = `No surveillance team free to house the supply line ${threat.id.slice(-6)}`;

  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await expect(flags(page)).toContainText('Possible unmet demand');
  await expectNoAxeViolations(page);

  // The list page: the definition, nothing recorded yet, and the flag.
  await page.getByRole('link', { name: /View unmet demand on this threat/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unmet demand' })).toBeVisible();
  await expect(page).toHaveTitle(/^Unmet demand/);
  await expect(page.getByTestId('unmet-demand-definition')).toContainText('a SOC threat cannot be appropriately tackled due to a shortfall in capacity or capability');
  await expect(page.getByTestId('unmet-demand-definition')).toContainText('NCA guidance, June 2024');
  await expect(page.getByText('No unmet demand has been recorded on this threat.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Record unmet demand' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record unmet demand' })).toBeVisible();
  await expect(page).toHaveTitle(/^Record unmet demand/);
  await expectNoAxeViolations(page);

  // Nothing chosen: every problem in the summary and by its field.
  await page.getByRole('button', { name: 'Record unmet demand' }).click();
  await expect(errorSummary(page)).toContainText('Select whether the shortfall is in capacity or capability');
  await expect(errorSummary(page)).toContainText('Select the capability needed');
  await expect(errorSummary(page)).toContainText('Enter a description of the unmet demand');
  await expect(errorSummary(page)).toContainText('Select yes if the unmet demand is recorded on APMIS');
  await expect(page.locator('#capabilityNeeded-error')).toContainText('Select the capability needed');
  await expectNoAxeViolations(page);

  await page.getByRole('group', { name: 'Shortfall' }).getByRole('radio', { name: 'Capability' }).check();
  await page.getByRole('group', { name: 'Capability needed' }).getByRole('radio', { name: 'Surveillance' }).check();
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Escalated to (optional)').fill('ROCU tasking group');
  await page.getByRole('group', { name: 'Is the unmet demand recorded on APMIS?' }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Record unmet demand' }).click();

  await expect(page.getByText('Unmet demand recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole('heading', { level: 1, name: 'Unmet demand' })).toBeVisible();
  const table = page.getByRole('table', { name: /Unmet demand \(1, 1 open\), open first/ });
  await expect(table).toContainText('Surveillance');
  await expect(table).toContainText(description);
  await expect(table).toContainText('ROCU tasking group');
  await expect(page.getByText('No unmet demand flags.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Update: marked recorded on APMIS.
  await table.getByRole('link', { name: /^Update/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Update unmet demand' })).toBeVisible();
  await expect(page).toHaveTitle(/^Update unmet demand/);
  await expect(page.getByLabel('Escalated to (optional)')).toHaveValue('ROCU tasking group');
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Is the unmet demand recorded on APMIS?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Unmet demand updated')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole('table', { name: /Unmet demand \(1, 1 open\)/ }).getByRole('row').nth(1)).toContainText('Yes');

  // The flag has gone from the threat page.
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await expect(flags(page)).not.toContainText('Possible unmet demand');
});
