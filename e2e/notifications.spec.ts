import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { e2eDatabaseUrl, withDatabase } from './support/database';
import { signIn } from './support/session';

// Reminders (issue 5, item 6): the daily digest, run on demand with `npm run reminders` against the
// server's database as the schedule would run it at 07:00. The LRO finds it in Notifications,
// marks it read and switches their e-mails to weekly; the admin reads the e-mail in the outbox
// (no SMTP relay in the demo). The journeys share the LRO's digest, so they run in order; the
// LRO's preference and read state are put back at the end.

test.describe.configure({ mode: 'serial' });

async function lroId(): Promise<string> {
  const rows = await withDatabase((db) => db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]));
  return rows[0].id as string;
}

async function restoreLro() {
  const id = await lroId();
  await withDatabase(async (db) => {
    await db.run(`UPDATE "User" SET "digestFrequency" = 'DAILY' WHERE "id" = ?`, [id]);
    await db.run('UPDATE "Notification" SET "readAt" = NULL WHERE "userId" = ?', [id]);
  });
}

test.beforeAll(async () => {
  // The same command an operator runs; a second run the same day (a retry) sends nothing more.
  const run = spawnSync('npm', ['run', '--silent', 'reminders'], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), APP_BASE_URL: test.info().project.use.baseURL },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, `npm run reminders failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/reminders: \d+ people, \d+ digests written/);
  await restoreLro();
});
test.afterAll(restoreLro);

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' });
}

test('the LRO finds the digest in Notifications, marks it read, and chooses a weekly e-mail', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  await menu(page).getByRole('link', { name: 'Notifications (1)', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const digest = page.getByRole('article').first();
  await expect(digest.getByRole('heading', { level: 2, name: /^\d+ things need you today Unread$/ })).toBeVisible();
  // What needs them: an overdue action and a flag on one of the threats they hold.
  await expect(digest.getByRole('listitem').filter({ hasText: /^Overdue \(due / }).first()).toBeVisible();
  await expect(digest.getByRole('listitem').filter({ hasText: /^(Alert|Warning): / }).first()).toBeVisible();
  await expect(page.getByText('You have 1 unread notification.')).toBeVisible();
  await expect(page.getByText('E-mail reminders: daily.')).toBeVisible();
  // The title comes with the page's metadata, just after its content on a client-side navigation.
  await expect(page).toHaveTitle(/^Notifications/);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByText('All your notifications are marked as read')).toBeVisible();
  await expect(page.getByText('You have no unread notifications.')).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(digest.getByText('Unread')).toHaveCount(0);

  await page.getByRole('link', { name: 'Change your e-mail reminders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-mail reminders' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Daily' })).toBeChecked();
  await expect(page).toHaveTitle(/^E-mail reminders/);
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'Weekly (Mondays)' }).check();
  await page.getByRole('button', { name: 'Save preference' }).click();
  await expect(page.getByText('Your e-mail reminder preference has been saved')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Weekly (Mondays)' })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Back to notifications' }).click();
  await expect(page.getByText('E-mail reminders: weekly, on Mondays.')).toBeVisible();

  // The outbox is the admin's, not theirs.
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Outbox' })).toHaveCount(0);
});

test('the admin reads the LRO\'s digest in the outbox', async ({ page }) => {
  await signIn(page, DEMO_USERS.admin.email);
  await menu(page).getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: DEMO_USERS.lro.email });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('In outbox')).toBeVisible();
  await expect(page).toHaveTitle(/^Outbox/);
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name: /^Quadrant: \d+ things need you today$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quadrant: \d+ things need you today$/ })).toBeVisible();
  await expect(page.getByText(`${DEMO_USERS.lro.name} (${DEMO_USERS.lro.email})`)).toBeVisible();
  await expect(page.getByText('Kept in the outbox (no SMTP relay configured)')).toBeVisible();
  await expect(page.getByText(`Hello ${DEMO_USERS.lro.name},`)).toBeVisible();
  await expect(page.locator('.govuk-inset-text').getByText('OFFICIAL-SENSITIVE')).toHaveCount(2);
  await expect(page).toHaveTitle(/^Outbox message/);
  await expectNoAxeViolations(page);
});
