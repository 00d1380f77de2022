import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../prisma/demo-data';
import { expectNoAxeViolations } from './axe';

/** Signs in through the real sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { scan = false } = {}) {
  await page.goto('/sign-in');
  if (scan) await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
