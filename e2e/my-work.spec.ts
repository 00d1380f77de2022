import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// My work and flags everywhere (issue 4, items 4 and 5): the LRO lands on their work, clears a
// stale flag by recording an update and the flag goes; the force co-ordinator follows a flag
// count to the records behind it, raises a stale threshold and the count falls; the register
// filters and sorts by flag. Every page visited is scanned by axe.
//
// The journeys run one after another: the second changes a threshold that moves counts the
// first would read. The threshold is changed on Kirklees District, a West Yorkshire LPA, not on
// the force itself, whose own thresholds the settings journey reads at the same time; Kirklees
// is inside the force, so the force's counts move all the same.

test.describe.configure({ mode: 'serial' });

const STALE_LABEL = 'Days before an open action is stale';
const SAVE_TIMEOUT = 20_000;

async function idOf(table: 'User' | 'Organisation', column: 'email' | 'code', value: string): Promise<string> {
  const rows = await withDatabase((db) => db.rows(`SELECT "id" FROM "${table}" WHERE "${column}" = ?`, [value]));
  if (!rows[0]) throw new Error(`No ${table} ${value}`);
  return rows[0].id as string;
}

/**
 * A West Yorkshire threat of this spec's own, with an active plan and one action not updated for
 * 400 days, whose deputy is the demo LRO (a deputy holds the threat, but adds nothing to the
 * caseload that LRO_OVERLOADED counts). Its URN does not start "WYP-", so no spare slot shifts.
 */
async function threatWithStaleAction() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = {
    id: `e2emw${suffix}`,
    urn: `E2E-MW-${suffix.toUpperCase()}`,
    name: `Larch Signal ${suffix}`,
    actionId: `e2emw${suffix}a`,
    action: `Revisit the cuckooed flats on Ashgrove ${suffix}`,
  };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const daysAgo = (n: number) => ts(new Date(Date.now() - n * 86_400_000));
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const [lro] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "deputyId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, daysAgo(10), force!.id, lro!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'COUNTY_LINES')`, [threat.id]);
    await db.run(
      `INSERT INTO "FourPPlan" ("id", "threatId", "liveThreatId", "status", "version", "activatedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'ACTIVE', 1, ?, ?, ?)`,
      [`${threat.id}p`, threat.id, threat.id, daysAgo(10), now, now],
    );
    const dueOn = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await db.run(
      `INSERT INTO "Action" ("id", "planId", "strand", "description", "ownerUserId", "dueOn", "status", "version", "lastUpdatedAt", "createdAt", "updatedAt")
       VALUES (?, ?, 'PREVENT', ?, ?, ?, 'IN_PROGRESS', 1, ?, ?, ?)`,
      [threat.actionId, `${threat.id}p`, threat.action, lro!.id, ts(new Date(`${dueOn}T00:00:00Z`)), daysAgo(400), daysAgo(400), now],
    );
  });
  return threat;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

const flagSummary = (page: Page) => page.getByTestId('flag-summary');

/** The number at the start of a cell ("12 warnings: Action not updated" reads 12). */
async function countIn(cell: Locator): Promise<number> {
  const text = (await cell.textContent()) ?? '';
  const match = text.trim().match(/^(\d+)/);
  if (!match) throw new Error(`No count in "${text}"`);
  return Number(match[1]);
}

const flagsByKind = (page: Page) => page.getByRole('table', { name: 'Flags by kind' });
/** The cells of a flag's row in "Flags by kind": alerts, warnings, all. */
const flagRowCells = (page: Page, label: string) => flagsByKind(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');

test('an LRO lands on My work, sees their threats with flags and a stale action, records an update, and the flag goes', async ({ page }) => {
  const own = await threatWithStaleAction();

  await signIn(page, DEMO_USERS.lro.email, undefined, { scan: true });
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link').first()).toHaveText('My work');

  // Their threats, each with its flags: the seeded one has plenty, their own new one is stale.
  const held = page.getByRole('table', { name: /Threats you hold/ });
  const seededRow = held.getByRole('row').filter({ hasText: DEMO_REFERENCES.lroThreatUrn });
  await expect(seededRow.getByTestId('held-threat-flags').locator('.govuk-tag').first()).toBeVisible();
  const ownRow = held.getByRole('row').filter({ hasText: own.urn });
  await expect(ownRow).toContainText('Deputy');
  await expect(ownRow.getByTestId('held-threat-flags')).toContainText('Action not updated');

  // The stale action, with why it is listed.
  const actions = page.getByRole('table', { name: /Actions, soonest due first|actions, soonest due first/ });
  const actionRow = actions.getByRole('row').filter({ hasText: own.action });
  await expect(actionRow).toContainText('Action not updated');
  await expect(actionRow).toContainText(/No update for 40\d days/);
  await expectNoAxeViolations(page);

  // The threat page shows the flag at the top; it links to where it is put right.
  await ownRow.getByRole('link', { name: own.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: own.name })).toBeVisible();
  const summary = flagSummary(page);
  await expect(summary.getByRole('heading', { name: /flags? needs? attention$/ })).toBeVisible();
  await expect(summary).toContainText(`Action '${own.action}' has had no update for`);
  await expectNoAxeViolations(page);

  // ...and so does the plan page.
  await page.goto(`/threats/${own.id}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
  await expect(flagSummary(page)).toContainText(`Action '${own.action}' has had no update for`);
  await expectNoAxeViolations(page);

  await flagSummary(page).getByRole('link', { name: new RegExp(`Action '${own.action}' has had no update`) }).click();
  await expect(page).toHaveURL(new RegExp(`/threats/${own.id}/plan/actions/${own.actionId}$`));
  await expectNoAxeViolations(page);
  await page.getByLabel('Update', { exact: true }).fill(`Visited with the housing officer; two flats now secured (${Date.now()})`);
  await page.getByLabel(/\(no change\)$/).check();
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.getByText('Update recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });

  // The flag has gone from the threat page and from My work.
  await page.goto(`/threats/${own.id}`);
  await expect(page.getByRole('heading', { level: 1, name: own.name })).toBeVisible();
  await expect(flagSummary(page)).not.toContainText('Action not updated');
  await expect(flagSummary(page)).not.toContainText('has had no update');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'My work', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Threats you hold/ }).getByRole('row').filter({ hasText: own.urn })).not.toContainText('Action not updated');
  await expect(page.getByText(own.action)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe('the force co-ordinator', () => {
  const LPA = 'Kirklees District';
  let previous: { exists: boolean; value: number | null };

  test.beforeAll(async () => {
    const id = await idOf('Organisation', 'code', 'WYP-KIRK');
    const rows = await withDatabase((db) => db.rows('SELECT "actionStaleDays" FROM "ComplianceSettings" WHERE "organisationId" = ?', [id]));
    previous = { exists: rows.length > 0, value: rows[0] ? ((rows[0].actionStaleDays as number | null) ?? null) : null };
  });

  test.afterAll(async () => {
    const id = await idOf('Organisation', 'code', 'WYP-KIRK');
    await withDatabase((db) =>
      previous.exists
        ? db.run('UPDATE "ComplianceSettings" SET "actionStaleDays" = ? WHERE "organisationId" = ?', [previous.value, id])
        : db.run('DELETE FROM "ComplianceSettings" WHERE "organisationId" = ?', [id]),
    );
  });

  test('follows a flag count to the records behind it, raises the stale threshold, and the count falls', async ({ page }) => {
    await signIn(page, DEMO_USERS.forceCoordinator.email);
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Flags in West Yorkshire Police' })).toBeVisible();
    await expect(page.getByTestId('flag-chart')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Flags by organisation' }).getByRole('rowheader', { name: LPA })).toBeVisible();
    const before = await countIn(flagRowCells(page, 'Action not updated').nth(1));
    expect(before).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The number leads to exactly the records it counts.
    await flagRowCells(page, 'Action not updated').nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flagged records' })).toBeVisible();
    await expect(page).toHaveURL(/\/compliance\/flags\?code=ACTION_STALE&severity=warning$/);
    const records = page.getByRole('table', { name: /^Flagged records/ });
    // Other journeys update actions alongside this one, so the number and its records are read
    // again together until they are of one moment.
    await expect(async () => {
      await page.goto('/');
      const counted = await countIn(flagRowCells(page, 'Action not updated').nth(1));
      await page.goto('/compliance/flags?code=ACTION_STALE&severity=warning');
      await expect(page.getByTestId('flag-record-count')).toHaveText(counted === 1 ? '1 flagged record' : new RegExp(`^${counted} flagged records`), { timeout: 1_000 });
      expect(await records.locator('tbody tr').count()).toBe(Math.min(counted, 50));
    }).toPass({ timeout: 60_000 });
    for (const tag of await records.locator('tbody .govuk-tag').allTextContents()) expect(tag).toContain('Action not updated');
    // Each record says where it is put right.
    await expect(records.getByRole('link', { name: /^Put it right/ }).first()).toHaveAttribute('href', /\/plan\/actions\//);
    await expectNoAxeViolations(page);

    // Narrowed to Kirklees, the stale actions there.
    await page.getByLabel('Organisation').selectOption({ label: LPA });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Flagged records' })).toBeVisible();
    await expect(page.getByTestId('flag-record-count')).toHaveText(/^\d+ flagged records?/);
    const inLpa = await countIn(page.getByTestId('flag-record-count'));
    expect(inLpa).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // A longer stale threshold for Kirklees.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: `Change settings for ${LPA}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compliance thresholds' })).toBeVisible();
    await page.getByLabel(STALE_LABEL).fill('365');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible({ timeout: SAVE_TIMEOUT });

    // The force's count falls: Kirklees's stale actions are no longer stale (and none is left there).
    await page.getByRole('link', { name: 'My work', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    const after = await countIn(flagRowCells(page, 'Action not updated').nth(1));
    expect(after).toBeLessThan(before);
    await expectNoAxeViolations(page);

    await page.goto(`/compliance/flags?code=ACTION_STALE&organisation=${await idOf('Organisation', 'code', 'WYP-KIRK')}`);
    await expect(page.getByTestId('flag-record-count')).toHaveText('No flagged records match.');
    await expectNoAxeViolations(page);
  });
});

test('the register filters by a flag and sorts by flags', async ({ page }) => {
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.goto('/threats');
  await page.getByLabel('Flag', { exact: true }).selectOption({ label: 'Action not updated' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/flag=ACTION_STALE/);
  await expect(page.getByLabel('Flag', { exact: true })).toHaveValue('ACTION_STALE');
  const flagCells = page.getByTestId('threat-flags');
  expect(await flagCells.count()).toBeGreaterThan(0);
  for (const text of await flagCells.allTextContents()) expect(text).toContain('Action not updated');
  await expectNoAxeViolations(page);

  // Any alert: every row has at least one.
  await page.getByLabel('Flag', { exact: true }).selectOption({ label: 'Any alert' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/flag=alert/);
  for (const text of await page.getByTestId('threat-flags').allTextContents()) expect(text).toContain('Alert:');

  // Sorted by flags: the most alerts first, then the most warnings.
  await page.goto('/threats');
  await page.getByRole('link', { name: /^Flags/ }).click();
  await expect(page.getByRole('columnheader', { name: /Flags/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=flags/);
  const weights = [];
  for (const cell of await page.getByTestId('threat-flags').all()) {
    const tags = await cell.locator('.govuk-tag').allTextContents();
    const count = (severity: string) =>
      tags.filter((t) => t.startsWith(`${severity}:`)).reduce((n, t) => n + Number(t.match(/\((\d+)\)$/)?.[1] ?? 1), 0);
    weights.push([count('Alert'), count('Warning')] as const);
  }
  expect(weights.length).toBe(25);
  for (let i = 1; i < weights.length; i++) {
    const [a, b] = [weights[i - 1]!, weights[i]!];
    expect(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `row ${i}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`).toBe(true);
  }
  expect(weights[0]![0]).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test('a manager sees the plans to review, escalations and the team\'s flags; a partner their actions; an admin nothing to do', async ({ page }) => {
  await signIn(page, DEMO_USERS.manager.email);
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Plans to review' })).toBeVisible();
  await expect(page.getByTestId('review-counts')).toContainText('overdue');
  await expect(page.getByRole('link', { name: 'Go to the review queue' })).toHaveAttribute('href', '/reviews');
  await expect(page.getByRole('heading', { level: 2, name: 'Escalations' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "Your team's flags" })).toBeVisible();
  expect(await countIn(flagRowCells(page, 'All flags').nth(0))).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  // A number and its records: a kind of flag no other journey changes (they run alongside).
  const unrecorded = await countIn(flagRowCells(page, 'Disruption not on APMIS').nth(1));
  expect(unrecorded).toBeGreaterThan(0);
  await flagRowCells(page, 'Disruption not on APMIS').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/compliance\/flags\?.*code=DISRUPTION_NOT_ON_APMIS/);
  await expect(page.getByTestId('flag-record-count')).toHaveText(new RegExp(`^${unrecorded} flagged records?`));
  await expectNoAxeViolations(page);
  await signOut(page);

  await signIn(page, DEMO_USERS.partner.email);
  await expect(page.getByRole('heading', { level: 2, name: 'Your actions' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your threats' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'All the actions you own' })).toHaveAttribute('href', '/my-actions');
  await expectNoAxeViolations(page);
  // Flag counts are for co-ordinators and managers.
  expect((await page.goto('/compliance/flags'))?.status()).toBe(404);
  await page.goto('/');
  await signOut(page);

  await signIn(page, DEMO_USERS.admin.email);
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByText('Nothing is assigned to you here.')).toBeVisible();
  await expectNoAxeViolations(page);
});
