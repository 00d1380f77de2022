import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// Ancillary orders (issue 5, item 5): a manager adds an SCPO linked to a threat, finds it among the
// orders not monitored, records a compliance check and the flag clears; a breach without a note is
// refused. The managing officer sees the orders they manage on My work. Every page is scanned by axe.
//
// The order and its threat are this spec's own: the threat's URN does not start "WYP-", so no
// other journey's spare threat moves, and nothing seeded is changed.

/** A London calendar date `days` from today, as the parts of a GOV.UK date input. */
function londonDate(days: number) {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year!, long: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`)) };
}

async function fillDate(page: Page, legend: string, days: number) {
  const date = londonDate(days);
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

/** A West Yorkshire threat of this spec's own, mapped 10 days ago (no flag of its own yet). */
async function ownThreat() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eord${suffix}`, urn: `E2E-ORD-${suffix.toUpperCase()}`, name: `Hawthorn Gate ${suffix}` };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 10 * 86_400_000)), force!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [threat.id]);
  });
  return threat;
}

const SAVE_TIMEOUT = 20_000;

test('a manager adds an order, finds it not monitored, records a check and the flag clears; a breach needs a note', async ({ page }) => {
  const threat = await ownThreat();
  const subject = `Nominal ${randomUUID().slice(0, 6).toUpperCase()}`;

  await signIn(page, DEMO_USERS.manager.email);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Orders', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ancillary orders' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Orders register' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Add an SCPO that started six months ago and has never been checked.
  await page.getByRole('button', { name: 'Add an order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an order' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Serious crime prevention order').check();
  await page.getByLabel('Subject', { exact: true }).fill(subject);
  await page.getByLabel('Linked threat URN (optional)').fill(threat.urn.toLowerCase());
  await fillDate(page, 'Date the order was made', -200);
  await fillDate(page, 'Start date', -180);
  await page.getByLabel('Conditions (optional)').fill('No more than one mobile phone, to be notified.');
  await page.getByLabel('Managing team (optional)').fill('WYP Integrated Offender Management');
  const officer = page.getByLabel('Managing officer (optional)');
  const lroValue = await officer.locator('option', { hasText: DEMO_USERS.lro.name }).getAttribute('value');
  await officer.selectOption(lroValue!);
  await page.getByRole('button', { name: 'Add order' }).click();

  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Order added');
  const flags = page.getByTestId('order-flags');
  await expect(flags).toContainText(`The serious crime prevention order on ${subject} has never had a compliance check`);
  await expect(page.getByRole('link', { name: threat.name })).toBeVisible();
  await expectNoAxeViolations(page);

  // The register, filtered to orders not monitored, lists it with its flag.
  await page.goto('/orders');
  await page.getByLabel('Not monitored').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/notMonitored=true/);
  const row = page.getByRole('table', { name: 'Orders register' }).getByRole('row').filter({ hasText: subject });
  await expect(row.getByTestId('order-flag')).toContainText('Order not monitored');
  await expect(row).toContainText(threat.urn);
  await expect(row).toContainText('Never checked');
  await expectNoAxeViolations(page);
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();

  // A breach without a note is refused, with the error summary.
  await page.getByRole('button', { name: 'Record a compliance check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a compliance check' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Breach/).check();
  await page.getByRole('button', { name: 'Record check' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter what the breach was' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A compliant check today clears the flag.
  await page.getByLabel(/^Compliant/).check();
  await page.getByLabel('Note').fill('Seen at the notified address; one phone, as notified.');
  await page.getByRole('button', { name: 'Record check' }).click();
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Compliance check recorded', { timeout: SAVE_TIMEOUT });
  await expect(flags).toContainText('No compliance flags.');
  await expect(page.getByRole('table', { name: /Compliance checks/ })).toContainText('Seen at the notified address');
  await expect(page.getByTestId('breach-count')).toHaveText('0');
  await expect(page.getByText(londonDate(0).long).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Gone from the orders not monitored; on its threat's page, without a flag.
  await page.goto('/orders?notMonitored=true');
  await expect(page.getByRole('heading', { level: 1, name: 'Ancillary orders' })).toBeVisible();
  await expect(page.getByRole('link', { name: subject })).toHaveCount(0);
  await page.goto(`/threats/${threat.id}`);
  const orders = page.getByTestId('threat-orders');
  await expect(orders.getByRole('row').filter({ hasText: subject })).toContainText('None');
  await expectNoAxeViolations(page);
});

test('a managing officer sees the orders they manage on My work, and may record a check but not change the order', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  const managed = page.getByRole('table', { name: /orders you manage|of your \d+ orders/i });
  await expect(managed).toBeVisible();
  await expect(managed.getByRole('row')).not.toHaveCount(1);
  await expectNoAxeViolations(page);

  await managed.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Record a compliance check' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
