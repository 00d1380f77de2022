import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { sqlBool, withDatabase } from './support/database';
import { signIn } from './support/session';

test('a wrong password is refused with a clear message, in an error summary', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('manager@quadrant.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('The email address or password is not right');
  await expectNoAxeViolations(page);
});

test('empty fields get GOV.UK messages beside the fields and in the summary', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your password');
  await expect(page.locator('.govuk-error-message').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('repeated failures are rate-limited, even with the right password afterwards', async ({ page }) => {
  // A user of its own so that locking it out affects no other test.
  const email = `locked-${randomUUID().slice(0, 8)}@quadrant.test`;
  await createUser(email, 'right-password');
  for (let i = 0; i < 5; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('The email address or password is not right');
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('right-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Too many failed attempts');
  const logged = await withDatabase((db) => db.rows('SELECT COUNT(*) AS n FROM "SignInAttempt" WHERE "email" = ? AND "succeeded" = ?', [email, sqlBool(db, false)]));
  expect(Number(logged[0].n)).toBe(6);
});

test('signing out ends the session and is offered on every page', async ({ page }) => {
  await signIn(page, 'lro@quadrant.test');
  await page.goto('/threats');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/threats');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a deactivated user is signed out at their next request', async ({ page }) => {
  const email = `leaver-${randomUUID().slice(0, 8)}@quadrant.test`;
  await createUser(email, 'leaver-password');
  await signIn(page, email, 'leaver-password');
  await page.goto('/threats');
  await expect(page.getByRole('heading', { level: 1, name: 'Threats' })).toBeVisible();
  await withDatabase((db) => db.run('UPDATE "User" SET "active" = ? WHERE "email" = ?', [sqlBool(db, false), email]));
  await page.goto('/threats');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('unauthenticated visitors are sent to sign in, and come back after', async ({ page }) => {
  await page.goto('/threats?tier=2');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email address').fill('manager@quadrant.test');
  await page.getByLabel('Password').fill((await import('../prisma/demo-data')).DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/threats\?tier=2/);
});

test('every page carries the OFFICIAL-SENSITIVE marking at top and bottom', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByText('OFFICIAL-SENSITIVE')).toHaveCount(2);
  await signIn(page, 'manager@quadrant.test');
  await page.goto('/threats');
  await expect(page.getByText('OFFICIAL-SENSITIVE')).toHaveCount(2);
});

test('responses carry a nonce-based Content Security Policy', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src[^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  const scriptNonces = await page.locator('script[nonce]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const n of scriptNonces) expect(n).toBe(nonce);
});

async function createUser(email: string, password: string) {
  const hash = await bcrypt.hash(password, 4);
  await withDatabase(async (db) => {
    const org = await db.rows('SELECT "id" FROM "Organisation" WHERE "code" = ?', ['WYP']);
    const id = `e2e${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const now = db.now();
    await db.run(
      'INSERT INTO "User" ("id", "email", "name", "organisationId", "passwordHash", "active", "digestFrequency", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, email, 'Test Officer', org[0].id, hash, sqlBool(db, true), 'DAILY', now, now],
    );
    await db.run('INSERT INTO "UserRole" ("userId", "role") VALUES (?, ?)', [id, 'LRO']);
  });
}
