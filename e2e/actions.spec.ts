import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { withDatabase } from './support/database';
import { threatIdByUrn } from './support/records';
import { signIn } from './support/session';

// Actions: a partner keeps their own action up to date and can open nothing else; two people edit
// one action and the second is told; an LRO brings a stale action up to date; a manager adds an
// action and cancels it. Every page visited is scanned by axe. Records that these journeys change
// are picked so that no other spec relies on them, or made by this spec.

type ActionRow = { id: string; status: string; description: string; ownerUserId: string | null; lastUpdatedAt: Date };

/** The actions of the live plan of a seeded threat, by id. */
async function liveplanActions(urn: string): Promise<ActionRow[]> {
  const rows = await withDatabase((db) =>
    db.rows(
      `SELECT a."id", a."status", a."description", a."ownerUserId", a."lastUpdatedAt"
         FROM "Action" a JOIN "FourPPlan" p ON p."id" = a."planId" JOIN "SocThreat" t ON t."id" = p."liveThreatId"
        WHERE t."urn" = ? ORDER BY a."id"`,
      [urn],
    ),
  );
  return rows.map((r) => ({ id: r.id, status: r.status, description: r.description, ownerUserId: r.ownerUserId, lastUpdatedAt: new Date(r.lastUpdatedAt) }));
}

async function userIdByEmail(email: string): Promise<string> {
  const rows = await withDatabase((db) => db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [email]));
  return rows[0]!.id as string;
}

/**
 * A West Yorkshire threat with an active plan (and a Prevent objective) that only this spec
 * touches. The seed has fewer spare West Yorkshire threats than the slots 20-29 this spec was
 * given, so it adds its own; its URN does not start "WYP-", so other journeys' slots do not shift.
 * It has no LRO, so no demo officer's caseload changes.
 */
async function ownThreatWithPlan(): Promise<{ id: string; urn: string; objectiveTitle: string }> {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const threat = { id: `e2eact${suffix}`, urn: `E2E-ACT-${suffix.toUpperCase()}`, objectiveTitle: `Divert young people from the line ${suffix}` };
  await withDatabase(async (db) => {
    const [force] = await db.rows(`SELECT "id" FROM "Organisation" WHERE "code" = 'WYP'`);
    const now = db.now();
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, 1, ?, ?)`,
      [threat.id, threat.urn, `Hawthorn Ledger ${suffix}`, now, force!.id, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'COUNTY_LINES')`, [threat.id]);
    await db.run(
      `INSERT INTO "FourPPlan" ("id", "threatId", "liveThreatId", "status", "version", "activatedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'ACTIVE', 1, ?, ?, ?)`,
      [`${threat.id}p`, threat.id, threat.id, now, now, now],
    );
    await db.run(
      `INSERT INTO "Objective" ("id", "planId", "strand", "title", "successMeasure", "position", "createdAt", "updatedAt") VALUES (?, ?, 'PREVENT', ?, 'Fewer young people seen with the group', 0, ?, ?)`,
      [`${threat.id}o`, `${threat.id}p`, threat.objectiveTitle, now, now],
    );
  });
  return threat;
}

/** Today as the app writes dates ("25 November 2026"), in London. */
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

const summaryRow = (page: Page, key: string) => page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) });
const OPEN = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'];
/** A save, then the next page rendered: allow for a machine busy with other builds. */
const SAVE_TIMEOUT = 20_000;

test('a partner updates their own action from My actions, sees it in the log, and cannot open another action of the plan', async ({ page }) => {
  const urn = DEMO_REFERENCES.sharedWithPartnerUrn;
  const threatId = await threatIdByUrn(urn);
  const partnerId = await userIdByEmail(DEMO_USERS.partner.email);
  const actions = await liveplanActions(urn);
  // The demo partner owns two actions here; take the same one every run (by description).
  const own = actions.filter((a) => a.ownerUserId === partnerId).sort((a, b) => b.description.localeCompare(a.description))[0]!;
  const other = actions.find((a) => a.ownerUserId !== partnerId)!;
  const ownHref = `/threats/${threatId}/plan/actions/${own.id}`;

  await signIn(page, DEMO_USERS.partner.email);
  await page.getByRole('link', { name: 'My actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible();
  await expect(page.getByRole('cell', { name: new RegExp(urn) }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.locator(`a[href="${ownHref}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: / action$/ })).toBeVisible();
  await expect(summaryRow(page, 'Description')).toContainText(own.description);
  // What the action needs: the threat, its LRO and how to reach them; nothing more of the plan.
  await expect(page.getByText(urn).first()).toBeVisible();
  await expect(summaryRow(page, 'Name')).toContainText(DEMO_USERS.lro.name);
  await expect(page.getByRole('link', { name: DEMO_USERS.lro.email })).toBeVisible();
  await expect(page.locator(`a[href="/threats/${threatId}/plan"]`)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Change' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The note is required: the browser says so before anything is sent.
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter an update');
  await expectNoAxeViolations(page);

  const note = `Production order served on the bank (${Date.now()})`;
  await page.getByLabel('Update', { exact: true }).fill(note);
  await page.getByLabel(/^In progress/).check();
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.getByText('Update recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.locator('.moj-timeline__item').first()).toContainText(note);
  await expect(page.locator('.moj-timeline__item').first()).toContainText(`by ${DEMO_USERS.partner.name}`);
  await expect(summaryRow(page, 'Status')).toContainText('In progress');
  await expect(summaryRow(page, 'Last updated')).toContainText(today());
  await expectNoAxeViolations(page);

  // Another action of the same plan, and the plan-editing pages of their own: not found.
  const response = await page.goto(`/threats/${threatId}/plan/actions/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const href of [`${ownHref}/edit`, `${ownHref}/cancel`, `/threats/${threatId}/plan/actions/new`]) {
    expect((await page.goto(href))?.status(), href).toBe(404);
    await expectNoAxeViolations(page);
  }
});

test('two people edit one action: the second save is told who changed it and keeps their input to reapply', async ({ browser }) => {
  const urn = DEMO_REFERENCES.lroThreatUrn;
  const threatId = await threatIdByUrn(urn);
  const actions = await liveplanActions(urn);
  // A completed action: the stale-action journey below takes an open one.
  const target = actions.find((a) => a.status === 'COMPLETE') ?? actions.find((a) => a.status !== 'CANCELLED')!;
  const editHref = `/threats/${threatId}/plan/actions/${target.id}/edit`;

  const lroContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const lro = await lroContext.newPage();
  const manager = await managerContext.newPage();
  await signIn(lro, DEMO_USERS.lro.email);
  await signIn(manager, DEMO_USERS.manager.email);
  await lro.goto(editHref);
  await manager.goto(editHref);
  await expect(lro.getByRole('heading', { level: 1, name: 'Change action' })).toBeVisible();
  await expectNoAxeViolations(lro);

  const stamp = Date.now();
  await lro.getByLabel('Description').fill(`LRO wording ${stamp}`);
  await lro.getByRole('button', { name: 'Save action' }).click();
  await expect(lro.getByText('Action details saved')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(summaryRow(lro, 'Description')).toContainText(`LRO wording ${stamp}`);
  await expectNoAxeViolations(lro);

  await manager.getByLabel('Description').fill(`Manager wording ${stamp}`);
  await manager.getByRole('button', { name: 'Save action' }).click();
  const summary = manager.locator('.govuk-error-summary');
  await expect(summary).toContainText(DEMO_USERS.lro.name);
  await expect(summary).toContainText('Your changes have not been saved');
  await expect(manager.getByLabel('Description')).toHaveValue(`Manager wording ${stamp}`);
  // What the first saver did is shown beside the kept input.
  await expect(manager.locator('.govuk-summary-card', { hasText: 'The action as it is saved now' })).toContainText(`LRO wording ${stamp}`);
  await expectNoAxeViolations(manager);

  // Having seen it, the manager applies their wording on top.
  await manager.getByRole('button', { name: 'Save action' }).click();
  await expect(manager.getByText('Action details saved')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(summaryRow(manager, 'Description')).toContainText(`Manager wording ${stamp}`);
  await expectNoAxeViolations(manager);

  await lroContext.close();
  await managerContext.close();
});

test('an LRO records an update on a stale action of their plan, and "last updated" becomes today', async ({ page }) => {
  const urn = DEMO_REFERENCES.lroThreatUrn;
  const threatId = await threatIdByUrn(urn);
  const actions = await liveplanActions(urn);
  // The open action least recently updated: the seed makes it stale (no update for 30 days).
  const stale = actions.filter((a) => OPEN.includes(a.status)).sort((a, b) => a.lastUpdatedAt.getTime() - b.lastUpdatedAt.getTime())[0]!;

  await signIn(page, DEMO_USERS.lro.email);
  await page.goto(`/threats/${threatId}/plan/actions/${stale.id}`);
  await expect(page.getByRole('heading', { level: 1, name: / action$/ })).toBeVisible();
  await expect(summaryRow(page, 'Last updated')).not.toContainText(today());
  // The LRO may read the plan: the way back to it is offered.
  await expect(page.getByRole('link', { name: '4P plan' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Blocking asks why.
  await page.getByLabel(/^Blocked/).check();
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the action is blocked');
  await expectNoAxeViolations(page);

  const note = `Chased the council for the tenancy records (${Date.now()})`;
  await page.getByLabel('Update', { exact: true }).fill(note);
  await page.getByLabel(/\(no change\)$/).check();
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.getByText('Update recorded')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(summaryRow(page, 'Last updated')).toContainText(today());
  await expect(page.locator('.moj-timeline__item').first()).toContainText(note);
  await expect(page.locator('.moj-timeline__item').first()).toContainText(`by ${DEMO_USERS.lro.name}`);
  await expectNoAxeViolations(page);
});

test('a manager adds an action to a plan, is told what is missing, then cancels it with a reason', async ({ page }) => {
  const threat = await ownThreatWithPlan();
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto(`/threats/${threat.id}/plan/actions/new?strand=PREVENT`);
  await expect(page.getByRole('heading', { level: 1, name: 'Add an action' })).toBeVisible();
  await expect(page.getByLabel('Prevent')).toBeChecked();
  // The objectives offered are the chosen strand's.
  await expect(page.getByLabel('Objective (optional)').locator('option')).toHaveText(['Not linked to an objective', threat.objectiveTitle]);
  await page.getByLabel('Pursue').check();
  await expect(page.getByLabel('Objective (optional)').locator('option')).toHaveText(['No objectives in this strand']);
  await page.getByLabel('Prevent').check();
  await page.getByLabel('Objective (optional)').selectOption({ label: threat.objectiveTitle });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add action' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter a description of the action');
  await expect(summary).toContainText('Select who owns the action');
  await expect(summary).toContainText('Enter the due date');
  await expectNoAxeViolations(page);

  const description = `Joint visit with trading standards to the car wash (${Date.now()})`;
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('A partner organisation').check();
  await page.getByLabel('Partner organisation', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2031');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(summary).toContainText('Enter the name of the contact at the partner organisation');
  await expect(summary).toContainText('Due date must be a real date');
  // Nothing typed is lost.
  await expect(page.getByLabel('Description')).toHaveValue(description);
  await expectNoAxeViolations(page);

  await page.getByLabel('Name of the contact at the partner organisation').fill('Trading standards team');
  await page.getByLabel('Day').fill('28');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText('Action added')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(summaryRow(page, 'Description')).toContainText(description);
  await expect(summaryRow(page, 'Owner')).toContainText('Trading standards team');
  await expect(summaryRow(page, 'Due date')).toContainText('28 February 2031');
  await expect(summaryRow(page, 'Status')).toContainText('Not started');
  await expect(summaryRow(page, 'Objective')).toContainText(threat.objectiveTitle);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /^Cancel action/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Cancel this Prevent action/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel action' }).click();
  await expect(summary).toContainText('Enter the reason for cancelling the action');
  await expectNoAxeViolations(page);
  await page.getByLabel('Why is this action being cancelled?').fill('Trading standards already visiting under their own plan');
  await page.getByRole('button', { name: 'Cancel action' }).click();
  await expect(page.getByText('Action cancelled').first()).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(summaryRow(page, 'Status')).toContainText('Cancelled');
  await expect(page.locator('.moj-timeline__item').first()).toContainText('Trading standards already visiting under their own plan');
  await expect(page.getByRole('heading', { name: 'Record an update' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
