import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { sqlBool, withDatabase } from './support/database';
import { threatIdByUrn } from './support/records';
import { signIn } from './support/session';

/**
 * A West Yorkshire threat with no LRO that only this spec touches. The seed has 13 spare West
 * Yorkshire threats (slots 0-12 of spareWestYorkshireThreat), fewer than the slots 30-39 this
 * journey was given, so it adds its own; its URN does not start "WYP-", so it never shifts the
 * other journeys' slots.
 */
async function ownWestYorkshireThreat(): Promise<{ id: string; urn: string; name: string }> {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const threat = { id: `e2elro${suffix.toLowerCase()}`, urn: `E2E-LRO-${suffix}`, name: `Juniper Assign ${suffix}` };
  await withDatabase(async (db) => {
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const now = db.now();
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, now, force!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [threat.id]);
  });
  return threat;
}

/** A West Yorkshire LRO with no completed, unexpired LRO course (the seed has some), found by their training records. */
async function untrainedWestYorkshireLro(): Promise<{ id: string; name: string }> {
  const rows = await withDatabase(async (db) => {
    const now = db.now();
    return db.rows(
      `SELECT u."id", u."name" FROM "User" u
       JOIN "UserRole" r ON r."userId" = u."id" AND r."role" = 'LRO'
       JOIN "Organisation" o ON o."id" = u."organisationId"
       WHERE u."active" = ? AND o."path" LIKE (SELECT "path" FROM "Organisation" WHERE "code" = 'WYP') || '%'
         AND NOT EXISTS (SELECT 1 FROM "TrainingRecord" t WHERE t."userId" = u."id" AND t."kind" = 'LRO_COURSE'
                         AND t."completedOn" <= ? AND (t."expiresOn" IS NULL OR t."expiresOn" > ?))
       ORDER BY u."name"`,
      [sqlBool(db, true), now, now],
    );
  });
  if (!rows[0]) throw new Error('The seed has no untrained West Yorkshire LRO');
  return { id: rows[0].id as string, name: rows[0].name as string };
}

test('a manager assigns an untrained officer as LRO: warned, confirms, and sees the new holder and the history', async ({ page }) => {
  const threat = await ownWestYorkshireThreat();
  const officer = await untrainedWestYorkshireLro();
  await signIn(page, DEMO_USERS.manager.email);

  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByText('No LRO appointed')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Change LRO and deputy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change LRO and deputy' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Beside the choice: each officer's caseload and training (the seed's overloaded LRO holds six).
  const table = page.getByRole('table', { name: /Officers who can be LRO or deputy/ });
  await expect(table.getByRole('row', { name: new RegExp(officer.name) })).toContainText(/Not trained|Training expired/);
  await expect(table.getByRole('row', { name: /Dana Holroyd/ })).toContainText('Alert');

  const lro = page.getByLabel('LRO', { exact: true });
  const deputy = page.getByLabel('Deputy', { exact: true });
  await expect(lro).toHaveValue('none');

  // The same person in both roles is refused, and what was chosen stays.
  await lro.selectOption(officer.id);
  await deputy.selectOption(officer.id);
  await page.getByRole('button', { name: 'Save LRO and deputy' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('The deputy must be a different officer from the LRO');
  await expect(lro).toHaveValue(officer.id);
  await expectNoAxeViolations(page);

  // Untrained: a warning naming the officer and the reason, and nothing saved yet.
  await deputy.selectOption('none');
  await page.getByRole('button', { name: 'Save LRO and deputy' }).click();
  const warnings = page.getByRole('region', { name: 'Check before you assign' });
  await expect(warnings).toBeVisible();
  await expect(warnings).toBeFocused();
  await expect(warnings.locator('.govuk-warning-text')).toContainText(officer.name);
  await expect(warnings.locator('.govuk-warning-text')).toContainText(/no (completed|current) LRO training/);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Assign anyway' }).click();
  await expect(page).toHaveURL(new RegExp(`/threats/${threat.id}\\?saved=lro$`));
  await expect(page.getByText('LRO and deputy saved')).toBeVisible();
  const card = page.locator('.govuk-summary-card', { has: page.getByRole('heading', { name: 'Lead responsible officer' }) });
  await expect(card).toContainText(officer.name);
  const historyTable = page.getByRole('table', { name: 'Who has held the LRO and deputy roles' });
  await expect(historyTable.getByRole('row', { name: new RegExp(officer.name) })).toContainText('Current');
  await expectNoAxeViolations(page);

  // Choosing the same again changes nothing: no warning, no second history row.
  await card.getByRole('link', { name: 'Change LRO and deputy' }).click();
  await expect(page.getByLabel('LRO', { exact: true })).toHaveValue(officer.id);
  await page.getByRole('button', { name: 'Save LRO and deputy' }).click();
  await expect(page).toHaveURL(new RegExp(`/threats/${threat.id}$`));
  await expect(page.getByRole('table', { name: 'Who has held the LRO and deputy roles' }).getByRole('row', { name: new RegExp(officer.name) })).toHaveCount(1);
});

test('an LRO is not offered the LRO change and cannot open it', async ({ page }) => {
  const threatId = await threatIdByUrn(DEMO_REFERENCES.lroThreatUrn);
  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threatId}`);
  await expect(page.getByRole('heading', { name: 'Lead responsible officer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change LRO and deputy' })).toHaveCount(0);
  const response = await page.goto(`/threats/${threatId}/lro`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
});
