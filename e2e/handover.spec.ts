import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { sqlBool, withDatabase } from './support/database';
import { signIn } from './support/session';

// Handover and the frontline briefing (issue 5, items 3 and 7): the manager hands a threat to the
// demo LRO with a note; the LRO sees the handover on My work, opens the threat, reads the note,
// the open actions and the flags they inherit, acknowledges it and the panel goes; then opens the
// frontline briefing, which names the LRO and the headline actions but not the intelligence gaps.
// Every page visited is scanned by axe.
//
// The threat is this spec's own (its URN does not start "WYP-", so no spare slot shifts). Its
// actions were updated today, so it adds no "not updated" flag to the counts other journeys read;
// it is archived at the end, so the demo LRO's caseload is as the seed left it.

const DAY = 86_400_000;
const SAVE_TIMEOUT = 20_000;

type OwnThreat = {
  id: string;
  urn: string;
  name: string;
  gaps: string;
  lookOutFor: string;
  actions: { overdue: string; soon: string; later: string; done: string };
  outgoing: { id: string; name: string; rank: string | null };
  lroId: string;
};

/**
 * A West Yorkshire threat held by a trained West Yorkshire LRO (not the demo LRO; the one holding
 * fewest live threats), with an active plan: three open actions (one overdue), one complete, and
 * intelligence gaps the briefing must not show.
 */
async function ownHeldThreat(): Promise<OwnThreat> {
  const suffix = randomUUID().slice(0, 8).toLowerCase();
  const id = `e2eho${suffix}`;
  const actions = {
    overdue: `Revisit the cash-and-carry on Wakefield Road ${suffix}`,
    soon: `Brief the neighbourhood team on the runners ${suffix}`,
    later: `Safeguarding visits to the three flats ${suffix}`,
    done: `Finished: trading standards inspection ${suffix}`,
  };
  return withDatabase(async (db) => {
    const ts = (date: Date) => (db.provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
    const daysFromNow = (n: number) => ts(new Date(Date.now() + n * DAY));
    const dateOnly = (n: number) => ts(new Date(`${new Date(Date.now() + n * DAY).toISOString().slice(0, 10)}T00:00:00Z`));
    const now = ts(new Date());
    const [force] = await db.rows(`SELECT "id", "path" FROM "Organisation" WHERE "code" = 'WYP'`);
    const [lro] = await db.rows('SELECT "id" FROM "User" WHERE "email" = ?', [DEMO_USERS.lro.email]);
    const [outgoing] = await db.rows(
      `SELECT u."id", u."name", u."rank" FROM "User" u
         JOIN "UserRole" r ON r."userId" = u."id" AND r."role" = 'LRO'
         JOIN "Organisation" o ON o."id" = u."organisationId"
        WHERE u."active" = ? AND u."email" <> ? AND o."path" LIKE ? || '%'
          AND EXISTS (SELECT 1 FROM "TrainingRecord" t WHERE t."userId" = u."id" AND t."kind" = 'LRO_COURSE'
                      AND t."completedOn" <= ? AND (t."expiresOn" IS NULL OR t."expiresOn" > ?))
        ORDER BY (SELECT COUNT(*) FROM "SocThreat" h WHERE h."leadResponsibleOfficerId" = u."id" AND h."status" IN ('MAPPED', 'ACTIVE')), u."name"`,
      [sqlBool(db, true), DEMO_USERS.lro.email, force!.path, now, now],
    );
    if (!outgoing) throw new Error('The seed has no trained West Yorkshire LRO besides the demo LRO');

    const threat = {
      id,
      urn: `E2E-HO-${suffix.toUpperCase()}`,
      name: `Juniper Handover ${suffix}`,
      gaps: `Who launders the cash for the group ${suffix}`,
      lookOutFor: `Grey hatchbacks parked outside the Moor Lane shops after 10pm ${suffix}`,
    };
    await db.run(
      `INSERT INTO "SocThreat" ("id", "urn", "name", "type", "tier", "status", "mappedOn", "organisationId", "leadResponsibleOfficerId", "lookOutFor", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'OCG', 3, 'ACTIVE', ?, ?, ?, ?, 1, ?, ?)`,
      [id, threat.urn, threat.name, daysFromNow(-60), force!.id, outgoing.id, threat.lookOutFor, now, now],
    );
    await db.run(`INSERT INTO "ThreatAreaTag" ("threatId", "area") VALUES (?, 'DRUGS')`, [id]);
    await db.run(`INSERT INTO "LroAssignment" ("id", "threatId", "userId", "role", "startedAt", "createdAt") VALUES (?, ?, ?, 'LRO', ?, ?)`, [
      `${id}l`,
      id,
      outgoing.id,
      daysFromNow(-60),
      now,
    ]);
    await db.run(
      `INSERT INTO "FourPPlan" ("id", "threatId", "liveThreatId", "status", "version", "intelligenceGaps", "activatedAt", "nextReviewDue", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'ACTIVE', 1, ?, ?, ?, ?, ?)`,
      [`${id}p`, id, id, threat.gaps, daysFromNow(-10), dateOnly(80), now, now],
    );
    const action = (suffixId: string, strand: string, description: string, status: string, dueInDays: number, ownerUserId: string | null) =>
      db.run(
        `INSERT INTO "Action" ("id", "planId", "strand", "description", "ownerUserId", "dueOn", "status", "version", "lastUpdatedAt", "completedAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
        [`${id}${suffixId}`, `${id}p`, strand, description, ownerUserId, dateOnly(dueInDays), status, now, status === 'COMPLETE' ? now : null, now, now],
      );
    await action('a1', 'PREVENT', actions.overdue, 'IN_PROGRESS', -5, outgoing.id as string);
    await action('a2', 'PURSUE', actions.soon, 'NOT_STARTED', 14, outgoing.id as string);
    await action('a3', 'PROTECT', actions.later, 'NOT_STARTED', 45, outgoing.id as string);
    await action('a4', 'PREPARE', actions.done, 'COMPLETE', -20, outgoing.id as string);
    return {
      ...threat,
      actions,
      outgoing: { id: outgoing.id as string, name: outgoing.name as string, rank: (outgoing.rank as string | null) ?? null },
      lroId: lro!.id as string,
    };
  });
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

const auditCount = (action: string, threatId: string, actorEmail: string) =>
  withDatabase(async (db) => {
    const rows = await db.rows(
      `SELECT COUNT(*) AS "n" FROM "AuditEvent" e JOIN "User" u ON u."id" = e."actorId" WHERE e."action" = ? AND e."threatId" = ? AND u."email" = ?`,
      [action, threatId, actorEmail],
    );
    return Number(rows[0]!.n);
  });

let threat: OwnThreat;

test.beforeAll(async () => {
  threat = await ownHeldThreat();
});

test.afterAll(async () => {
  // Archived, the threat no longer counts in the demo LRO's caseload.
  if (threat) await withDatabase((db) => db.run(`UPDATE "SocThreat" SET "status" = 'ARCHIVED', "archivedReason" = 'End of the handover journey' WHERE "id" = ?`, [threat.id]));
});

test('a manager hands a threat to a new LRO, who sees what they inherit, acknowledges it, and opens the frontline briefing', async ({ page }) => {
  const note = `Two warrants are pending; the SCPO on the head of the group needs its monthly check. (${Date.now()})`;
  const outgoingName = [threat.outgoing.rank, threat.outgoing.name].filter(Boolean).join(' ');

  // The manager replaces the LRO: a handover, so the note is required.
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await page.getByRole('link', { name: 'Change LRO and deputy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change LRO and deputy' })).toBeVisible();
  await page.getByLabel('LRO', { exact: true }).selectOption(threat.lroId);
  await page.getByRole('button', { name: 'Save LRO and deputy' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter a handover note for the new LRO');
  await expect(page.locator('#handoverNote-error')).toContainText('Enter a handover note for the new LRO');
  await expectNoAxeViolations(page);

  await page.getByLabel('Handover note').fill(note);
  await page.getByRole('button', { name: 'Save LRO and deputy' }).click();
  // The demo LRO is trained and under the caseload warning, but confirm if another journey moved them over it.
  const saved = page.getByText('LRO and deputy saved');
  const assignAnyway = page.getByRole('button', { name: 'Assign anyway' });
  await expect(saved.or(assignAnyway)).toBeVisible({ timeout: SAVE_TIMEOUT });
  if (await assignAnyway.isVisible()) await assignAnyway.click();
  await expect(saved).toBeVisible({ timeout: SAVE_TIMEOUT });
  const card = page.locator('.govuk-summary-card', { has: page.getByRole('heading', { name: 'Lead responsible officer' }) });
  await expect(card).toContainText(DEMO_USERS.lro.name);
  const history = page.getByRole('table', { name: 'Who has held the LRO and deputy roles' });
  await expect(history.getByRole('row', { name: new RegExp(threat.outgoing.name) })).toContainText(note);
  // The manager is not the incoming LRO: no handover panel for them.
  await expect(page.getByRole('region', { name: 'Handover' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await signOut(page);

  // The incoming LRO: the handover waits at the top of My work.
  await signIn(page, DEMO_USERS.lro.email);
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  const pending = page.getByRole('region', { name: 'Handed over to you' });
  await expect(pending).toBeVisible();
  const item = pending.getByRole('listitem').filter({ hasText: threat.urn });
  await expect(item).toContainText(`Handed over to you by ${outgoingName} on`);
  await expectNoAxeViolations(page);

  await item.getByRole('link', { name: `${threat.urn} ${threat.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Handover' });
  await expect(panel).toContainText(`Handed over to you by ${outgoingName} on`);
  await expect(panel.getByTestId('handover-note')).toContainText(note);
  // The open actions they inherit, soonest due first; not the finished one.
  const inherited = panel.getByRole('table', { name: /Open actions, soonest due first/ });
  const rows = inherited.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(threat.actions.overdue);
  await expect(rows.nth(0)).toContainText('Prevent');
  await expect(rows.nth(0)).toContainText(threat.outgoing.name);
  await expect(rows.nth(1)).toContainText(threat.actions.soon);
  await expect(rows.nth(2)).toContainText(threat.actions.later);
  await expect(inherited).not.toContainText(threat.actions.done);
  // ...and the flags: the overdue action among them.
  await expect(panel.getByTestId('flag-list')).toContainText(`Action '${threat.actions.overdue}' was due on`);
  await expectNoAxeViolations(page);

  await panel.getByRole('button', { name: 'I have read the handover' }).click();
  await expect(page.getByText('Handover acknowledged')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page).toHaveURL(new RegExp(`/threats/${threat.id}\\?saved=handover$`));
  await expect(page.getByRole('region', { name: 'Handover' })).toHaveCount(0);
  expect(await auditCount('lro.handover-acknowledged', threat.id, DEMO_USERS.lro.email)).toBe(1);
  await expectNoAxeViolations(page);

  // Gone for good: not on the threat when it is opened again, nor on My work.
  await page.goto(`/threats/${threat.id}`);
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Handover' })).toHaveCount(0);
  await page.getByRole('link', { name: 'My work', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Handed over to you' }).getByText(threat.urn)).toHaveCount(0);

  // The frontline briefing, from the threat page.
  await page.goto(`/threats/${threat.id}`);
  await page.getByRole('link', { name: 'View the frontline briefing' }).click();
  await expect(page).toHaveURL(new RegExp(`/threats/${threat.id}/briefing$`));
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await expect(page.getByText(`Frontline briefing · ${threat.urn}`)).toBeVisible();
  await expect(page.locator('main')).toContainText(`${DEMO_USERS.lro.rank} ${DEMO_USERS.lro.name}`);
  await expect(page.getByRole('link', { name: DEMO_USERS.lro.email })).toHaveAttribute('href', `mailto:${DEMO_USERS.lro.email}`);
  const headline = page.getByRole('list', { name: 'Headline actions' });
  await expect(headline.getByRole('listitem')).toHaveCount(3);
  await expect(headline.getByRole('listitem').first()).toContainText(threat.actions.overdue);
  await expect(headline).not.toContainText(threat.actions.done);
  await expect(page.locator('main')).toContainText(threat.lookOutFor);
  // None of the intelligence.
  await expect(page.locator('main')).not.toContainText(threat.gaps);
  await expect(page.locator('main')).not.toContainText('Intelligence gaps');
  await expect(page.locator('main')).not.toContainText('MoRiLE');
  await expect(page.getByTestId('flag-summary')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await auditCount('threat.briefing.view', threat.id, DEMO_USERS.lro.email)).toBe(1);

  // On a 320px-wide phone: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, main: document.querySelector('main')!.scrollWidth }));
  expect(widths.main).toBeLessThanOrEqual(320);
  expect(widths.page).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);

  // Printed: the marking, and no navigation or back link.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-protective-marking').first()).toBeVisible();
  await expect(page.locator('.app-protective-marking').first()).toContainText('OFFICIAL-SENSITIVE');
  await expect(page.getByRole('link', { name: 'Back to the threat' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: threat.name })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
