import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { spareWestYorkshireThreat } from './support/records';
import { signIn } from './support/session';

// Reviews (issue 4): a manager works from the review queue, reads a plan's flags and what changed
// since its last review, asks for changes (after the form has explained its errors), and the LRO
// of the threat then sees the outcome and comments on their plan. Every page is scanned with axe.

const STATUS_LABELS: Record<string, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  COMPLETE: 'Complete',
  CANCELLED: 'Cancelled',
};

const summary = (page: Page) => page.locator('.govuk-error-summary');
const londonKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
const longDate = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
const iso = (value: unknown) => (value == null ? null : new Date(value as string).toISOString());

/**
 * Readies the spare West Yorkshire threat in `slot` for the journey: its active plan gets a review
 * an hour ago whose snapshot shows one action at another status (so the review page has a change
 * to show), and a review date long passed (so the plan heads the manager's queue as overdue).
 */
async function arrangePlanForReview(slot: number) {
  const threat = await spareWestYorkshireThreat(slot);
  return withDatabase(async (db) => {
    const at = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const [manager] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.manager.email]);
    const [row] = await db.rows(
      `SELECT t."leadResponsibleOfficerId" AS "lroId", t."deputyId" AS "deputyId", p."id" AS "planId", p."version" AS "version", u."email" AS "lroEmail"
       FROM "SocThreat" t JOIN "FourPPlan" p ON p."liveThreatId" = t."id" JOIN "User" u ON u."id" = t."leadResponsibleOfficerId"
       WHERE t."id" = ? AND p."status" = 'ACTIVE'`,
      [threat.id],
    );
    if (!row || row.lroId === manager!.id || row.deputyId === manager!.id) throw new Error(`${threat.urn} needs an active plan and an LRO who is not the demo manager`);
    const objectives = await db.rows('SELECT "id", "strand", "title", "successMeasure" FROM "Objective" WHERE "planId" = ? ORDER BY "position", "createdAt", "id"', [row.planId]);
    const actions = await db.rows(
      `SELECT "id", "strand", "objectiveId", "description", "ownerUserId", "ownerOrganisationId", "ownerContactName", "dueOn", "status"
       FROM "Action" WHERE "planId" = ? ORDER BY "createdAt", "id"`,
      [row.planId],
    );
    const changed = actions[0];
    if (!changed) throw new Error(`${threat.urn}'s plan has no actions`);
    const statusThen = changed.status === 'BLOCKED' ? 'NOT_STARTED' : 'BLOCKED';
    const reviewedAt = new Date(Date.now() - 3_600_000);
    const snapshot = {
      planId: row.planId,
      version: Number(row.version),
      takenAt: reviewedAt.toISOString(),
      objectives: objectives.map((o) => ({ id: o.id, strand: o.strand, title: o.title, successMeasure: o.successMeasure })),
      actions: actions.map((a) => ({
        id: a.id,
        strand: a.strand,
        objectiveId: a.objectiveId,
        description: a.description,
        ownerUserId: a.ownerUserId,
        ownerOrganisationId: a.ownerOrganisationId,
        ownerContactName: a.ownerContactName,
        dueOn: iso(a.dueOn),
        status: a.id === changed.id ? statusThen : a.status,
      })),
    };
    const longAgo = new Date('2025-11-03T00:00:00.000Z');
    await db.run(
      `INSERT INTO "PlanReview" ("id", "planId", "reviewerId", "reviewedAt", "outcome", "comments", "nextReviewDue", "planVersion", "snapshot", "createdAt")
       VALUES (?, ?, ?, ?, 'SATISFACTORY', ?, ?, ?, ?, ?)`,
      [`e2erev${randomUUID().slice(0, 8)}`, row.planId, manager!.id, at(reviewedAt), 'On track at the last look', at(longAgo), Number(row.version), JSON.stringify(snapshot), at(reviewedAt)],
    );
    await db.run('UPDATE "FourPPlan" SET "nextReviewDue" = ? WHERE "id" = ?', [at(longAgo), row.planId]);
    return {
      ...threat,
      planId: row.planId as string,
      lroEmail: row.lroEmail as string,
      change: `moved from ${STATUS_LABELS[statusThen]} to ${STATUS_LABELS[changed.status as string]}`,
    };
  });
}

test('a manager reviews a plan from the queue and asks for changes; the LRO sees the request on their plan', async ({ browser }) => {
  test.slow(); // two people, six pages, each scanned
  const plan = await arrangePlanForReview(11);
  const comments = `Add a Protect objective for the victims of cuckooing ${randomUUID().slice(0, 6)}`;

  const managerContext = await browser.newContext();
  const page = await managerContext.newPage();
  await signIn(page, DEMO_USERS.manager.email);

  // The queue: counts at the top, the plan first (its review date long passed), overdue.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reviews', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(page.locator('.app-review-counts')).toContainText('overdue');
  const row = page.locator('tbody tr', { hasText: plan.urn });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('Satisfactory');
  await expectNoAxeViolations(page);

  // The review page: flags, what changed since the last review, earlier reviews, the plan.
  await row.getByRole('link', { name: new RegExp(plan.urn) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review the 4P plan' })).toBeVisible();
  const flags = page.locator('section', { has: page.getByRole('heading', { name: 'Flags', exact: true }) });
  await expect(flags.getByRole('link', { name: /review was due on/ })).toHaveAttribute('href', `/threats/${plan.id}/plan#reviews`);
  const changes = page.locator('section', { has: page.getByRole('heading', { name: 'What changed since the last review' }) });
  await expect(changes).toContainText(plan.change);
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Previous reviews' }) })).toContainText('On track at the last look');
  await expect(page.getByText(/^Proposed from the \d+-day cadence for tier \d threats\./)).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen, the date cleared: every problem in the summary and by its field.
  await page.getByRole('group', { name: 'Next review date' }).getByLabel('Day').fill('');
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(summary(page)).toContainText('Select an outcome');
  await expect(summary(page)).toContainText('Enter your comments');
  await expect(summary(page)).toContainText('Next review date must include a day');
  await expect(page.locator('#outcome-error')).toContainText('Select an outcome');
  await expect(page.locator('#comments-error')).toContainText('Enter your comments');
  await expect(page.locator('#nextReviewDue-error')).toContainText('Next review date must include a day');
  await expectNoAxeViolations(page);

  // A date in the past is refused; what was typed stays.
  await page.getByRole('radio', { name: 'Changes required' }).check();
  await page.getByLabel('Comments').fill(comments);
  const date = page.getByRole('group', { name: 'Next review date' });
  await date.getByLabel('Day').fill('1');
  await date.getByLabel('Month').fill('1');
  await date.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(summary(page)).toContainText('Next review date must be in the future');
  await expect(page.locator('#nextReviewDue-error')).toContainText('Next review date must be in the future');
  await expect(page.getByLabel('Comments')).toHaveValue(comments);

  // A fortnight ahead: saved, and back to the plan with the review on it.
  const next = new Date(Date.now() + 14 * 86_400_000);
  const [year, month, day] = londonKey(next).split('-');
  await date.getByLabel('Day').fill(String(Number(day)));
  await date.getByLabel('Month').fill(String(Number(month)));
  await date.getByLabel('Year').fill(year!);
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
  await expect(page.getByText('Review recorded')).toBeVisible();
  const reviews = page.locator('#reviews');
  await expect(reviews).toContainText('Changes required');
  await expect(reviews).toContainText(comments);
  await expect(reviews).toContainText(longDate(next));
  await expectNoAxeViolations(page);
  await managerContext.close();

  // The LRO of the threat sees the request at the top of their plan, and cannot review it.
  const lroContext = await browser.newContext();
  const lroPage = await lroContext.newPage();
  await signIn(lroPage, plan.lroEmail);
  await lroPage.goto(`/threats/${plan.id}/plan`);
  const banner = lroPage.getByRole('region', { name: 'Review outcome' });
  await expect(banner).toContainText(`Changes required by ${DEMO_USERS.manager.name} on ${longDate(new Date())}: ${comments}`);
  const latest = lroPage.locator('#reviews .govuk-summary-card', { hasText: 'Latest review' });
  await expect(latest).toContainText('Changes required');
  await expect(latest).toContainText(DEMO_USERS.manager.name);
  await expect(latest).toContainText(comments);
  await expect(lroPage.getByRole('link', { name: 'Review this plan' })).toHaveCount(0);
  await expectNoAxeViolations(lroPage);
  // The review page is for managers: to the LRO it does not exist.
  expect((await lroPage.goto(`/reviews/${plan.planId}`))?.status()).toBe(404);
  await lroContext.close();
});
