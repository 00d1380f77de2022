import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// The LRO register and training (issue 5, items 1 and 2): the force co-ordinator finds an
// untrained officer who leads a live threat, records an LRO course completed today, and the
// LRO_UNTRAINED flag goes from the officer's page and the register's "untrained" list. Every
// page visited is scanned by axe.

/**
 * A West Yorkshire officer of this spec's own leading a live threat of its own, with no training.
 * The officer has no role: the register lists anyone leading a live threat, and the other
 * journeys, which pick untrained officers by the LRO role, never pick this one. The threat's URN
 * does not start "WYP-", so no spare threat slot shifts.
 */
async function untrainedOfficerWithThreat(): Promise<{ id: string; name: string; threatUrn: string }> {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const officer = { id: `e2elrr${suffix}`, name: `Rowan Calderbank ${suffix.toUpperCase()}`, email: `e2e-lro-register-${suffix}@quadrant.test` };
  const threat = { id: `e2elrr${suffix}t`, urn: `E2E-LRR-${suffix.toUpperCase()}`, name: `Blackthorn Route ${suffix}` };
  await withDatabase(async (db) => {
    const now = db.provider === 'sqlite' ? new Date().toISOString().replace('Z', '+00:00') : new Date();
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    await db.run(
      `INSERT INTO "User" ("id", "email", "name", "rank", "organisationId", "active", "digestFrequency", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'Detective Sergeant', ?, ?, 'NONE', ?, ?)`,
      [officer.id, officer.email, officer.name, force!.id, db.provider === 'sqlite' ? 1 : true, now, now],
    );
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "leadResponsibleOfficerId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, now, force!.id, officer.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [threat.id]);
    await db.run(`INSERT INTO "LroAssignment" ("id", "threatId", "userId", "role", "startedAt", "createdAt") VALUES (?, ?, ?, 'LRO', ?, ?)`, [
      `${threat.id}a`,
      threat.id,
      officer.id,
      now,
      now,
    ]);
  });
  return { id: officer.id, name: officer.name, threatUrn: threat.urn };
}

/** Today in London, as the three fields of a GOV.UK date input. */
function londonToday(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

const register = (page: Page) => page.getByRole('table', { name: 'LRO register' });

async function filterRegister(page: Page, { training, caseload, name }: { training?: string; caseload?: string; name?: string }) {
  if (name !== undefined) await page.getByLabel('Name', { exact: true }).fill(name);
  if (training) await page.getByLabel('LRO training').selectOption({ label: training });
  if (caseload) await page.getByLabel('Caseload').selectOption({ label: caseload });
  await page.getByRole('button', { name: 'Apply filters' }).click();
}

test('a co-ordinator finds an untrained LRO, records an LRO course completed today, and the flag clears', async ({ page }) => {
  const officer = await untrainedOfficerWithThreat();
  await signIn(page, DEMO_USERS.forceCoordinator.email);

  // My work: LRO training by organisation, each number leading to those officers.
  const summary = page.getByRole('table', { name: 'LRO training by organisation' });
  const untrainedInForce = summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'West Yorkshire Police', exact: true }) }).getByRole('link', { name: /untrained LROs/ });
  await expect(untrainedInForce).toHaveAttribute('href', /^\/lros\?organisation=[^&]+&training=untrained&caseload=holding$/);
  await expectNoAxeViolations(page);
  await untrainedInForce.click();
  await expect(page.getByRole('heading', { level: 1, name: 'LROs' })).toBeVisible();
  await expect(register(page).getByRole('link', { name: officer.name })).toBeVisible();
  for (const cell of await page.getByTestId('officer-flags').allTextContents()) expect(cell).toContain('LRO untrained');

  // The register from the navigation: who is overloaded...
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'LROs', exact: true }).click();
  await expect(page).toHaveURL(/\/lros$/);
  await expect(page.getByLabel('LRO training')).toHaveValue('');
  await expectNoAxeViolations(page);
  await filterRegister(page, { caseload: 'Over caseload (warning or alert)' });
  await expect(page).toHaveURL(/caseload=over/);
  await expect(register(page).getByRole('row').filter({ hasText: 'Dana Holroyd' })).toContainText('LRO overloaded');
  for (const cell of await page.getByTestId('officer-flags').allTextContents()) expect(cell).toContain('LRO overloaded');

  // ...and who is untrained, sorted by caseload.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/lros$/);
  await expect(page.getByLabel('Caseload')).toHaveValue('');
  await filterRegister(page, { training: 'Untrained (none, or expired)' });
  await expect(page).toHaveURL(/training=untrained/);
  await expect(page.getByLabel('LRO training')).toHaveValue('untrained');
  await page.getByRole('link', { name: /^Live threats as LRO/ }).click();
  await expect(page.getByRole('columnheader', { name: /Live threats as LRO/ })).toHaveAttribute('aria-sort', 'descending');
  for (const text of await register(page).locator('tbody tr').allTextContents()) expect(text).toMatch(/Not trained|Training expired/);
  const row = register(page).getByRole('row').filter({ hasText: officer.name });
  await expect(row).toContainText('Not trained');
  await expect(row.getByTestId('officer-flags')).toContainText('LRO untrained');
  await expectNoAxeViolations(page);

  // The officer's page: the threat they lead, their flag with its sentence, no training, the history.
  await row.getByRole('link', { name: officer.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: officer.name })).toBeVisible();
  const flags = page.getByTestId('officer-flag-list');
  await expect(flags).toContainText('LRO untrained');
  await expect(flags).toContainText(`${officer.name} is the LRO of 1 live threat without a completed, current LRO course.`);
  await expect(page.getByRole('table', { name: 'As LRO (1)' })).toContainText(officer.threatUrn);
  await expect(page.getByRole('table', { name: 'Training records' })).toContainText('No training recorded.');
  await expect(page.getByRole('table', { name: /Threats they have held/ }).getByRole('row').filter({ hasText: officer.threatUrn })).toContainText('Current');
  await expectNoAxeViolations(page);

  // Recording: the form explains what is wrong first.
  await page.getByRole('link', { name: `Record training for ${officer.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record training' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save training' }).click();
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toBeFocused();
  await expect(errors).toContainText('Select the kind of training');
  await expect(errors).toContainText('Enter the date completed');
  await expectNoAxeViolations(page);

  const today = londonToday();
  await page.getByLabel('LRO course', { exact: true }).check();
  const completed = page.getByRole('group', { name: 'Date completed' });
  await completed.getByLabel('Day').fill(today.day);
  await completed.getByLabel('Month').fill(today.month);
  await completed.getByLabel('Year').fill(today.year);
  await page.getByLabel('Note (optional)').fill('Regional LRO course, day two of two');
  await page.getByRole('button', { name: 'Save training' }).click();

  // Saved: the flag has gone and the course is on their record.
  await expect(page).toHaveURL(new RegExp(`/lros/${officer.id}\\?saved=training$`));
  await expect(page.getByText('Training recorded')).toBeVisible();
  await expect(page.getByTestId('officer-flag-list')).toHaveText('No flags.');
  await expect(page.getByRole('table', { name: 'Training records' }).getByRole('row').filter({ hasText: 'LRO course' })).toContainText('Regional LRO course, day two of two');
  await expect(page.getByRole('table', { name: 'Training records' })).toContainText(DEMO_USERS.forceCoordinator.name);
  await expectNoAxeViolations(page);

  // ...and from the register's untrained list.
  await page.goto('/lros?training=untrained');
  await expect(page.getByRole('heading', { level: 1, name: 'LROs' })).toBeVisible();
  await expect(page.getByRole('link', { name: officer.name })).toHaveCount(0);
  await filterRegister(page, { name: officer.name });
  await expect(page.getByTestId('result-count')).toHaveText('No officers match these filters.');
  await page.getByLabel('LRO training').selectOption({ label: 'Trained' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(register(page).getByRole('row').filter({ hasText: officer.name })).toContainText('Trained');
  await expectNoAxeViolations(page);
});

test('an LRO sees only their own entry, and cannot record training', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'LROs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'LROs' })).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('Showing 1 to 1 of 1 officer');
  await register(page).getByRole('link', { name: DEMO_USERS.lro.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_USERS.lro.name })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Record training/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const response = await page.goto(`${page.url()}/training/new`);
  expect(response?.status()).toBe(404);
});
