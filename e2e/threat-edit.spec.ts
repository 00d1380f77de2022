import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { spareWestYorkshireThreat } from './support/records';
import { signIn } from './support/session';

test('a manager corrects a threat: bad input is explained and kept, then saved and audited', async ({ page }) => {
  const threat = await spareWestYorkshireThreat(0);
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto(`/threats/${threat.id}`);
  await page.getByRole('link', { name: 'Change threat details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change threat details' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Threat name').fill('');
  await page.getByLabel('Tier').selectOption('2');
  await page.getByRole('button', { name: 'Save threat details' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter the threat name');
  await expect(page.locator('#name-error')).toContainText('Enter the threat name');
  await expect(page.getByLabel('Tier')).toHaveValue('2');
  await expectNoAxeViolations(page);

  // The summary links to the field.
  await summary.getByRole('link', { name: 'Enter the threat name' }).click();
  await expect(page.getByLabel('Threat name')).toBeFocused();

  await page.getByLabel('Threat name').fill('Granite Wren');
  await page.getByRole('button', { name: 'Save threat details' }).click();
  await expect(page.getByText('Threat details saved')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Granite Wren' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('two people edit one threat: the second save is refused, naming the first, and keeps their input', async ({ browser }) => {
  const threat = await spareWestYorkshireThreat(1);
  const managerContext = await browser.newContext();
  const coordinatorContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const coordinator = await coordinatorContext.newPage();
  await signIn(manager, DEMO_USERS.manager.email);
  await signIn(coordinator, DEMO_USERS.forceCoordinator.email);

  await manager.goto(`/threats/${threat.id}/edit`);
  await coordinator.goto(`/threats/${threat.id}/edit`);

  await manager.getByLabel('Threat name').fill('Manager version');
  await manager.getByRole('button', { name: 'Save threat details' }).click();
  await expect(manager.getByText('Threat details saved')).toBeVisible();

  await coordinator.getByLabel('Threat name').fill('Co-ordinator version');
  await coordinator.getByRole('button', { name: 'Save threat details' }).click();
  const summary = coordinator.locator('.govuk-error-summary');
  await expect(summary).toContainText(DEMO_USERS.manager.name);
  await expect(summary).toContainText('Your changes have not been saved');
  await expect(coordinator.getByLabel('Threat name')).toHaveValue('Co-ordinator version');
  await expectNoAxeViolations(coordinator);

  await coordinator.goto(`/threats/${threat.id}`);
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Manager version' })).toBeVisible();
  await managerContext.close();
  await coordinatorContext.close();
});

test('an LRO is not offered, and cannot open, the threat edit page', async ({ page }) => {
  const threat = await spareWestYorkshireThreat(2);
  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('link', { name: 'Change threat details' })).toHaveCount(0);
  const response = await page.goto(`/threats/${threat.id}/edit`);
  expect(response?.status()).toBe(404);
});
