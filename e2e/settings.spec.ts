import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// A co-ordinator sets compliance thresholds (issue 4, "Settings"). The saves go to Calderdale
// District, a West Yorkshire LPA whose one threat has no plan and so no actions: a different
// "stale" threshold there moves no flag other journeys count. The tests share its settings, so
// they run one after another, and its seeded state (no settings of its own) is put back at the end.

test.describe.configure({ mode: 'serial' });

const STALE = 'Days before an open action is stale';
const LPA = 'Calderdale District';

async function organisationIdByCode(code: string): Promise<string> {
  const rows = await withDatabase((db) => db.rows('SELECT "id" FROM "Organisation" WHERE "code" = ?', [code]));
  if (!rows[0]) throw new Error(`No seeded organisation ${code}`);
  return rows[0].id as string;
}

async function restoreCalderdale() {
  const id = await organisationIdByCode('WYP-CALD');
  await withDatabase((db) => db.run('DELETE FROM "ComplianceSettings" WHERE "organisationId" = ?', [id]));
}

test.beforeAll(restoreCalderdale);
test.afterAll(restoreCalderdale);

/** "Settings" in the service navigation. */
function settingsNavLink(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings', exact: true });
}

/** The "Own settings" cell of an organisation's row in the settings list. */
function ownSettingsCell(page: Page, organisationName: string) {
  const row = page.getByRole('table', { name: 'Organisations you can set thresholds for' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: organisationName }) });
  return row.getByRole('cell').nth(1);
}

async function openSettingsOf(page: Page, organisationName: string) {
  await settingsNavLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: `Change settings for ${organisationName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance thresholds' })).toBeVisible();
  await expect(page.getByText(organisationName, { exact: false }).first()).toBeVisible();
}

test('the force co-ordinator sees what is in force and where it comes from, then sets the stale threshold of an LPA', async ({ page }) => {
  await signIn(page, DEMO_USERS.forceCoordinator.email);
  await settingsNavLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Organisations you can set thresholds for' });
  await expect(table.getByRole('rowheader', { name: 'West Yorkshire Police', exact: true })).toBeVisible();
  await expect(ownSettingsCell(page, LPA)).toHaveText('No');
  // Their own force and its LPAs only: not the region, nor another force.
  await expect(table.getByRole('rowheader', { name: 'Yorkshire and the Humber', exact: true })).toHaveCount(0);
  await expect(table.getByRole('rowheader', { name: /South Yorkshire Police/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Their force: every threshold inherits, from the region or Quadrant's defaults.
  await page.getByRole('link', { name: 'Change settings for West Yorkshire Police' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance thresholds' })).toBeVisible();
  await expect(page.getByLabel(STALE)).toHaveValue('');
  await expect(page.getByLabel(STALE)).toHaveAccessibleDescription('Leave empty to use 30, the Quadrant default');
  await expect(page.getByLabel('National share of disruptions in Pursue (%)')).toHaveAccessibleDescription(
    'Leave empty to use 54, inherited from Yorkshire and the Humber',
  );
  for (const tier of [1, 2, 3, 4, 5]) await expect(page.getByLabel(`Review cadence for tier ${tier} (days)`)).toBeVisible();
  await page.getByText('What each flag means').click();
  await expect(page.getByText('An open action has had no update for too long.')).toBeVisible();
  await expectNoAxeViolations(page);

  // One of its LPAs: set the stale threshold.
  await openSettingsOf(page, LPA);
  await page.getByLabel(STALE).fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/[^/?]+\?saved=1$/);
  await expect(page.getByLabel(STALE)).toHaveValue('20');
  await expect(page.getByLabel(STALE)).toHaveAccessibleDescription('20 is set here. Leave empty to use 30, the Quadrant default');
  await expect(page.getByText(`Last changed by ${DEMO_USERS.forceCoordinator.name}`)).toBeVisible();
  await expectNoAxeViolations(page);

  await settingsNavLink(page).click();
  await expect(ownSettingsCell(page, LPA)).toHaveText('Yes');
});

test('a bad value is explained in the summary and by the field, and is corrected and saved with the keyboard alone', async ({ page }) => {
  await signIn(page, DEMO_USERS.forceCoordinator.email);
  await openSettingsOf(page, LPA);

  await page.getByLabel(STALE).fill('twenty');
  await page.getByLabel('Months without a MoRiLE assessment before it is overdue').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`${STALE} must be a whole number`);
  await expect(summary).toContainText('Months without a MoRiLE assessment must be between 1 and 60');
  await expect(page.locator('#actionStaleDays-error')).toContainText(`${STALE} must be a whole number`);
  await expect(page.locator('#morileOverdueMonths-error')).toContainText('must be between 1 and 60');
  // What was typed is kept.
  await expect(page.getByLabel(STALE)).toHaveValue('twenty');
  await expectNoAxeViolations(page);

  // Keyboard only: Enter in a field submits; from the focused summary, Tab to its link and Enter
  // to reach the field; correct it and submit with Enter again.
  await page.reload();
  await page.getByLabel(STALE).fill('twenty');
  await page.getByLabel(STALE).press('Enter');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link', { name: `${STALE} must be a whole number` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(STALE)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('21');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.getByLabel(STALE)).toHaveValue('21');
  await expect(page.getByLabel('Months without a MoRiLE assessment before it is overdue')).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('an LRO is not offered, and cannot open, the settings pages', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  await expect(settingsNavLink(page)).toHaveCount(0);
  expect((await page.goto('/settings'))?.status()).toBe(404);
  const id = await organisationIdByCode('WYP');
  expect((await page.goto(`/settings/${id}`))?.status()).toBe(404);
});
