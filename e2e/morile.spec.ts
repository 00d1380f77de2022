import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { signIn } from './support/session';

// MoRiLE assessments (issue 5, item 4): the LRO records an assessment of their threat proposing
// tier 1 (after the form has explained its errors); the force co-ordinator moderates it, is told
// beforehand what it will change, and sees the threat become tier 1 and its plan's next review
// move to the 28-day cadence. Every page visited is scanned by axe.

const SAVE_TIMEOUT = 20_000;
const DAY = 86_400_000;

const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const addDays = (key: string, days: number) => new Date(Date.parse(`${key}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
/** A date key as the app writes it ("25 November 2026"). */
const longDate = (key: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${key}T00:00:00.000Z`));

/**
 * A tier 3 West Yorkshire threat of this spec's own, with an ACTIVE plan activated ten days ago
 * and its first review due 56 days after (the tier 3 cadence), held by the demo LRO. They hold it
 * as deputy, which lets them assess it (morile:assess is for whoever holds the threat) without
 * adding to the caseload that LRO_OVERLOADED counts, which other journeys read. Its URN does not
 * start "WYP-", so no spare slot shifts.
 */
async function threatWithActivePlan() {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const activatedAt = new Date(Date.now() - 10 * DAY);
  const activatedKey = londonKey(activatedAt);
  const threat = {
    id: `e2emr${suffix}`,
    urn: `E2E-MR-${suffix.toUpperCase()}`,
    name: `Rowan Quarry ${suffix}`,
    firstReviewDue: addDays(activatedKey, 56),
    reviewDueAtTier1: addDays(activatedKey, 28),
  };
  await withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const [lro] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]);
    const now = ts(new Date());
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "deputyId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, threat.name, ts(new Date(Date.now() - 12 * DAY)), force!.id, lro!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'FIREARMS')`, [threat.id]);
    await db.run(
      `INSERT INTO "FourPPlan" ("id", "threatId", "liveThreatId", "status", "version", "activatedAt", "nextReviewDue", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'ACTIVE', 2, ?, ?, ?, ?)`,
      [`${threat.id}p`, threat.id, threat.id, ts(activatedAt), ts(new Date(`${threat.firstReviewDue}T00:00:00.000Z`)), now, now],
    );
  });
  return threat;
}

/** The value of a summary list row on the page (or within part of it), by its key. */
const summaryValue = (scope: Page | Locator, key: string) =>
  scope
    .locator('.govuk-summary-list__row')
    // `has` is matched within each row, so it is built from the page, not from the scope.
    .filter({ has: ('goto' in scope ? scope : scope.page()).locator('dt', { hasText: new RegExp(`^${key}$`) }) })
    .first()
    .locator('dd')
    .first();
const errorSummary = (page: Page) => page.locator('.govuk-error-summary');
const history = (page: Page) => page.getByRole('table', { name: /MoRiLE assessments \(\d+\), latest first/ });

test('the LRO records an assessment proposing tier 1; the force co-ordinator moderates it, and the tier and review cadence follow', async ({ browser }) => {
  test.slow(); // two people, seven pages, each scanned
  const threat = await threatWithActivePlan();
  const notes = `Firearms recovered from a lock-up on the estate ${threat.id.slice(-6)}`;

  // --- The LRO ---------------------------------------------------------------------------------
  const lroContext = await browser.newContext();
  const page = await lroContext.newPage();
  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await page.getByRole('link', { name: /View MoRiLE assessments/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'MoRiLE assessments' })).toBeVisible();
  // After a client-side navigation the title follows the page a moment later: axe reads it.
  await expect(page).toHaveTitle(/^MoRiLE assessments/);
  await expect(summaryValue(page, 'Tier')).toHaveText('Tier 3');
  await expect(summaryValue(page, 'Review cadence')).toHaveText('Every 56 days for tier 3 threats');
  await expect(summaryValue(page, '4P plan next review due')).toHaveText(longDate(threat.firstReviewDue));
  await expect(page.getByText('No MoRiLE assessment has been recorded.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Record an assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a MoRiLE assessment' })).toBeVisible();
  await expect(page).toHaveTitle(/^Record a MoRiLE assessment/);
  await expectNoAxeViolations(page);

  // Nothing chosen, a score off the scale: every problem in the summary and by its field.
  await page.getByLabel('Harm score').fill('7');
  await page.getByRole('button', { name: 'Record assessment' }).click();
  await expect(errorSummary(page)).toContainText('Harm score must be between 1 and 5');
  await expect(errorSummary(page)).toContainText('Enter the likelihood score');
  await expect(errorSummary(page)).toContainText('Select the confidence in the assessment');
  await expect(errorSummary(page)).toContainText('Select the priority');
  await expect(errorSummary(page)).toContainText('Select the tier');
  await expect(page.locator('#harm-error')).toContainText('Harm score must be between 1 and 5');
  await expect(page.locator('#tier-error')).toContainText('Select the tier');
  await expectNoAxeViolations(page);

  // The risk score is worked out as the scores are typed.
  await page.getByLabel('Harm score').fill('4');
  await page.getByLabel('Likelihood score').fill('5');
  await expect(page.getByTestId('risk-score-preview')).toContainText('Risk score: 20 (harm 4 multiplied by likelihood 5), in the tier 1 band.');
  await page.getByRole('group', { name: 'Confidence in the assessment' }).getByRole('radio', { name: 'High' }).check();
  await page.getByRole('group', { name: 'Priority' }).getByRole('radio', { name: 'High' }).check();
  await page.getByRole('radio', { name: 'Tier 1' }).check();
  await page.getByLabel('Notes (optional)').fill(notes);
  await page.getByRole('button', { name: 'Record assessment' }).click();

  // Recorded, awaiting moderation: the threat keeps its tier until then, and the LRO cannot moderate.
  await expect(page.getByText('MoRiLE assessment recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole('heading', { level: 1, name: 'MoRiLE assessments' })).toBeVisible();
  await expect(page).toHaveTitle(/^MoRiLE assessments/);
  const lroRow = history(page).getByRole('row').nth(1);
  await expect(lroRow).toContainText('20');
  await expect(lroRow).toContainText('Awaiting moderation for 0 days');
  await expect(lroRow).toContainText(`by ${DEMO_USERS.lro.name}`);
  await expect(page.getByRole('button', { name: /^Moderate/ })).toHaveCount(0);
  await expect(summaryValue(page, 'Tier')).toHaveText('Tier 3');
  await expect(page.getByText('No assessment of this threat has been moderated yet.')).toBeVisible();
  await expect(page.getByTestId('risk-score-chart')).toBeVisible();
  await expectNoAxeViolations(page);
  await lroContext.close();

  // --- The force co-ordinator --------------------------------------------------------------------
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, DEMO_USERS.forceCoordinator.email);
  await coordinator.goto(`/threats/${threat.id}/morile`);
  await expect(coordinator.getByRole('heading', { level: 1, name: 'MoRiLE assessments' })).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'Record an assessment' })).toHaveCount(0);
  await expectNoAxeViolations(coordinator);
  await history(coordinator).getByRole('button', { name: /^Moderate/ }).click();

  // The confirmation says what moderating will change.
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Moderate a MoRiLE assessment' })).toBeVisible();
  await expect(coordinator).toHaveTitle(/^Moderate a MoRiLE assessment/);
  const effect = coordinator.getByTestId('moderation-effect');
  await expect(effect).toContainText('Moderating this assessment changes the threat from tier 3 to tier 1, and its review cadence from 56 to 28 days.');
  await expect(effect).toContainText(`The 4P plan's next review moves from ${longDate(threat.firstReviewDue)} to ${longDate(threat.reviewDueAtTier1)}, 28 days after its activation.`);
  await expect(coordinator.getByText(notes)).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Moderate this assessment' }).click();

  // Moderated: the threat is tier 1, reviewed every 28 days, its plan's next review brought forward.
  await expect(coordinator.getByText('Assessment moderated. The threat is tier 1.')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(coordinator).toHaveTitle(/^MoRiLE assessments/);
  await expect(summaryValue(coordinator, 'Tier')).toHaveText('Tier 1');
  await expect(summaryValue(coordinator, 'Review cadence')).toHaveText('Every 28 days for tier 1 threats');
  await expect(summaryValue(coordinator, '4P plan next review due')).toHaveText(longDate(threat.reviewDueAtTier1));
  const latest = coordinator.locator('section', { has: coordinator.getByRole('heading', { name: 'Latest moderated assessment' }) });
  await expect(summaryValue(latest, 'Risk score')).toHaveText('20 (harm 4 multiplied by likelihood 5)');
  await expect(latest).toContainText(`by ${DEMO_USERS.forceCoordinator.name}`);
  await expect(history(coordinator).getByRole('row').nth(1)).toContainText(`Moderated`);
  await expect(history(coordinator).getByRole('button', { name: /^Moderate/ })).toHaveCount(0);
  await expectNoAxeViolations(coordinator);

  // ...and so does the threat page.
  await coordinator.goto(`/threats/${threat.id}`);
  await expect(coordinator.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await expect(coordinator.locator('.govuk-tag', { hasText: /^Tier 1$/ })).toBeVisible();
  await expect(summaryValue(coordinator, 'Next review due')).toHaveText(longDate(threat.reviewDueAtTier1));
  await expectNoAxeViolations(coordinator);
  await coordinatorContext.close();
});
