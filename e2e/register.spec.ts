import { expect, test } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { threatIdByUrn } from './support/records';
import { signIn } from './support/session';

// Each demo sign-in: sign in, see their own register, open a threat they may see, and fail to
// reach another force's threat by URL. Every page visited is scanned by axe.
type Expectation = { ownUrn: string; seesOtherForce: boolean };
const expectations: Record<string, Expectation> = {
  'lro@quadrant.test': { ownUrn: DEMO_REFERENCES.lroThreatUrn, seesOtherForce: false },
  'partner@quadrant.test': { ownUrn: DEMO_REFERENCES.sharedWithPartnerUrn, seesOtherForce: false },
  'manager@quadrant.test': { ownUrn: DEMO_REFERENCES.lroThreatUrn, seesOtherForce: false },
  'force.coordinator@quadrant.test': { ownUrn: DEMO_REFERENCES.lroThreatUrn, seesOtherForce: false },
  'regional.coordinator@quadrant.test': { ownUrn: DEMO_REFERENCES.lroThreatUrn, seesOtherForce: true },
  'admin@quadrant.test': { ownUrn: DEMO_REFERENCES.lroThreatUrn, seesOtherForce: true },
};

for (const user of Object.values(DEMO_USERS)) {
  const expected = expectations[user.email];
  test(`${user.roleLabel}: own register, own threat, and no other force`, async ({ page }) => {
    expect(expected, `an expectation for ${user.email}`).toBeDefined();
    await signIn(page, user.email, undefined, { scan: user.email === 'lro@quadrant.test' });

    await page.goto('/threats');
    await expect(page.getByRole('heading', { level: 1, name: 'Threats' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Their own threat is in the register, found through the search filter.
    await page.getByLabel('Name or URN').fill(expected.ownUrn);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('cell', { name: expected.ownUrn })).toBeVisible();
    await expectNoAxeViolations(page);

    // ...and opens.
    await page.getByRole('cell', { name: expected.ownUrn }).locator('..').getByRole('link').first().click();
    await expect(page.getByText(expected.ownUrn, { exact: false }).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    await expectNoAxeViolations(page);

    // Another force's threat: not in the register, and "not found" by URL.
    await page.goto(`/threats?q=${encodeURIComponent(DEMO_REFERENCES.otherForceThreatUrn)}`);
    const otherRow = page.getByRole('cell', { name: DEMO_REFERENCES.otherForceThreatUrn });
    const otherId = await threatIdByUrn(DEMO_REFERENCES.otherForceThreatUrn);
    if (expected.seesOtherForce) {
      await expect(otherRow).toBeVisible();
      await page.goto(`/threats/${otherId}`);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    } else {
      await expect(otherRow).toHaveCount(0);
      await expect(page.getByText('No threats match')).toBeVisible();
      const response = await page.goto(`/threats/${otherId}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}

test('the register filters, sorts and paginates', async ({ page }) => {
  await signIn(page, 'regional.coordinator@quadrant.test');
  await page.goto('/threats');
  const summary = page.getByTestId('result-count');
  const total = Number((await summary.textContent())?.match(/of (\d+)/)?.[1] ?? (await summary.textContent())?.match(/(\d+)/)?.[1]);
  expect(total).toBeGreaterThan(25);

  // Paginates: page 2 exists and shows the next rows.
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expectNoAxeViolations(page);

  // Filters by type and tier, keeping the choices on screen.
  await page.goto('/threats');
  await page.getByLabel('Type').selectOption('VULNERABILITY');
  await page.getByLabel('Tier').selectOption('3');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByLabel('Type')).toHaveValue('VULNERABILITY');
  const typeCells = await page.getByTestId('threat-type').allTextContents();
  for (const text of typeCells) expect(text).toBe('Vulnerability');
  const tierCells = await page.getByTestId('threat-tier').allTextContents();
  for (const text of tierCells) expect(text.trim()).toBe('3');

  // Sorts by name, descending on the second click.
  await page.goto('/threats');
  // Wait for each sort to land before clicking again: the header link changes with the page.
  await page.getByRole('link', { name: /^Name/ }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('link', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  const names = await page.getByTestId('threat-name').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en-GB', { sensitivity: 'base' })));
});

test('the register filters by part of the LRO name, and names an LRO chosen by link', async ({ page }) => {
  await signIn(page, 'regional.coordinator@quadrant.test');
  await page.goto('/threats');
  // No list of every LRO in scope: the select holds "Any LRO" and "No LRO appointed" only.
  await expect(page.getByLabel('Lead responsible officer').locator('option')).toHaveCount(2);

  // Typed, case-insensitive: the demo LRO's threats, and the text stays in the field.
  await page.getByLabel('LRO name').fill(DEMO_USERS.lro.name.split(' ')[1]!.toUpperCase());
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/lroName=/);
  await expect(page.getByLabel('LRO name')).toHaveValue(DEMO_USERS.lro.name.split(' ')[1]!.toUpperCase());
  await expect(page.getByRole('cell', { name: DEMO_REFERENCES.lroThreatUrn })).toBeVisible();
  await expect(page.getByRole('cell', { name: DEMO_USERS.lro.name }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A link naming the LRO by id (as the home page's "threats you lead") shows whom it filters by...
  const [officer] = await withDatabase((db) => db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]));
  await page.goto(`/threats?lro=${encodeURIComponent(officer!.id as string)}`);
  const select = page.getByLabel('Lead responsible officer');
  await expect(select).toHaveValue(officer!.id as string);
  await expect(select.locator('option:checked')).toHaveText(DEMO_USERS.lro.name);
  await expect(page.getByRole('cell', { name: DEMO_REFERENCES.lroThreatUrn })).toBeVisible();
  // ...and choosing "Any LRO" removes it.
  await select.selectOption('');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).not.toHaveURL(/[?&]lro=[^&]/);
});
