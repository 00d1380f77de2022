import { expect, test, type Page } from '@playwright/test';
import { DEMO_REFERENCES, DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { spareWestYorkshireThreat, threatIdByUrn } from './support/records';
import { signIn } from './support/session';

// The 4P plan: an LRO builds a plan from nothing to active in the browser, a co-ordinator reads
// it without edit controls, and a manager closes a plan with its debrief. Every page visited is
// scanned with axe (WCAG 2.2 AA).

const summary = (page: Page) => page.locator('.govuk-error-summary');

async function addObjective(page: Page, strand: 'Pursue' | 'Prevent' | 'Protect', title: string, measure: string) {
  await page.getByRole('link', { name: `Add a ${strand} objective` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Add a ${strand} objective` })).toBeVisible();
  await expect(page.getByRole('radio', { name: strand })).toBeChecked();
  await page.getByLabel('Objective', { exact: true }).fill(title);
  await page.getByLabel('Success measure').fill(measure);
  await page.getByRole('button', { name: 'Add objective' }).click();
  await expect(page.getByText('Objective added')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(title) })).toBeVisible();
}

/** Adds an owned, dated action under the strand's first objective, from the plan page. */
async function addAction(page: Page, strand: 'Pursue' | 'Prevent' | 'Protect', description: string, owner: { name: string; rank: string }) {
  await page.getByRole('link', { name: new RegExp(`^Add action to ${strand} objective 1$`) }).click();
  await expect(page.getByRole('radio', { name: strand, exact: true })).toBeChecked();
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('A person').check();
  await page.getByLabel('Person', { exact: true }).selectOption({ label: `${owner.name}, ${owner.rank} (West Yorkshire Police)` });
  await page.getByLabel('Day').fill('15');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText('Action added')).toBeVisible();
}

test('an LRO takes a threat with no plan to an active plan, and sees every step in its history', async ({ page }) => {
  test.slow(); // a long journey: ten pages, each scanned
  const threatId = await threatIdByUrn(DEMO_REFERENCES.noPlanThreatUrn);
  await signIn(page, DEMO_USERS.lro.email);

  // The threat offers to create the plan.
  await page.goto(`/threats/${threatId}`);
  await expect(page.getByText('This threat has no live 4P plan.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create 4P plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
  await expect(page.getByText('4P plan created')).toBeVisible();
  await expect(page.locator('.govuk-summary-card').first()).toContainText('Draft');
  await expect(page.locator('.govuk-summary-card').first()).toContainText(DEMO_USERS.lro.name);
  for (const strand of ['Pursue', 'Prevent', 'Protect', 'Prepare']) {
    await expect(page.getByRole('heading', { level: 2, name: strand, exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // Plan details: bad input is explained and kept, then saved.
  await page.getByRole('link', { name: /^Change intelligence gaps and plan owner/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change plan details' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Intelligence gaps').fill('Who launders the cash, and through which businesses');
  await page.getByRole('radio', { name: 'A partner organisation' }).check();
  await page.getByRole('button', { name: 'Save plan details' }).click();
  await expect(summary(page)).toContainText('Select the partner organisation that owns the plan');
  await expect(page.getByLabel('Intelligence gaps')).toHaveValue('Who launders the cash, and through which businesses');
  await expectNoAxeViolations(page);
  await page.getByLabel('Partner organisation', { exact: true }).selectOption({ label: 'HMRC' });
  await page.getByRole('button', { name: 'Save plan details' }).click();
  await expect(page.getByText('Plan details saved')).toBeVisible();
  await expect(page.getByText('HMRC (partner organisation)')).toBeVisible();
  await expect(page.getByText('Who launders the cash, and through which businesses')).toBeVisible();

  // Objectives in three strands; the first one shows the form's messages.
  await page.getByRole('link', { name: 'Add a Pursue objective' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add objective' }).click();
  await expect(summary(page)).toContainText('Enter the objective');
  await expect(summary(page)).toContainText('Enter how success will be measured');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back' }).click();
  await addObjective(page, 'Pursue', 'Charge the nominal with supply offences', 'A charging decision within six months');
  await addObjective(page, 'Prevent', 'Divert the two younger associates', 'Both engaged with the diversion scheme');
  await addObjective(page, 'Protect', 'Protect the businesses used to launder cash', 'Each business visited and given advice');
  await expectNoAxeViolations(page);

  // Owned, dated actions in each of those strands, so the plan is balanced; and a first update.
  const planUrl = page.url();
  await addAction(page, 'Pursue', 'Build the supply case file for the CPS', DEMO_USERS.lro);
  await expectNoAxeViolations(page);
  await page.goto(planUrl);
  await addAction(page, 'Protect', 'Visit each business with trading standards', DEMO_USERS.manager);
  await page.goto(planUrl);
  await addAction(page, 'Prevent', 'Refer both associates to the diversion scheme', DEMO_USERS.lro);
  await page.getByLabel('Update', { exact: true }).fill('Referral forms sent to the diversion team');
  await page.getByLabel(/^In progress/).check();
  await page.getByRole('button', { name: 'Record update' }).click();
  await expect(page.getByText('Update recorded')).toBeVisible();
  await expect(page.getByText('Referral forms sent to the diversion team')).toBeVisible();
  await page.goto(planUrl);
  const balance = page.getByRole('table', { name: 'Open actions by strand' });
  await expect(balance).toBeVisible();
  await expect(page.getByText('Refer both associates to the diversion scheme')).toBeVisible();

  // Make it active.
  await page.getByRole('button', { name: 'Make the plan active' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Make the plan active' })).toBeVisible();
  await expect(page.getByText('The plan has no Prepare objective')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Make the plan active' }).click();
  await expect(page.getByText('The plan is now active')).toBeVisible();
  await expect(page.locator('.govuk-summary-card').first()).toContainText('Active');

  // Partner engagement.
  await page.getByRole('link', { name: 'Record partner engagement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record partner engagement' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Record engagement' }).click();
  await expect(summary(page)).toContainText('Select the partner organisation');
  await expect(summary(page)).toContainText('Enter the date of engagement');
  await expect(summary(page)).toContainText('Select the kind of engagement');
  await expect(summary(page)).toContainText('Enter a summary of the engagement');
  await expectNoAxeViolations(page);
  await page.getByLabel('Partner organisation', { exact: true }).selectOption({ label: 'HMRC' });
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('radio', { name: 'Consulted' }).check();
  await page.getByLabel('Summary').fill('HMRC agreed to review the businesses named in the plan');
  await page.getByRole('button', { name: 'Record engagement' }).click();
  await expect(summary(page)).toContainText('Date of engagement must be a real date');
  await expect(page.getByLabel('Summary')).toHaveValue('HMRC agreed to review the businesses named in the plan');
  await page.getByLabel('Day').fill('3');
  await page.getByRole('button', { name: 'Record engagement' }).click();
  await expect(page.getByText('Partner engagement recorded')).toBeVisible();
  const engagements = page.locator('section[aria-labelledby="engagement-heading"]');
  await expect(engagements.getByRole('cell', { name: 'HMRC agreed to review the businesses named in the plan' })).toBeVisible();
  await expect(engagements.getByRole('cell', { name: 'Consulted' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The history tells the whole story, newest first.
  await page.getByRole('link', { name: "View the plan's history" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan history' })).toBeVisible();
  const titles = page.locator('.moj-timeline__title');
  await expect(titles).toHaveText([
    'Partner engagement recorded',
    'Plan made active',
    'Action update recorded',
    'Action added',
    'Action added',
    'Action added',
    'Objective added',
    'Objective added',
    'Objective added',
    'Plan details changed',
    '4P plan created',
  ]);
  const timeline = page.locator('.moj-timeline');
  await expect(timeline).toContainText('Consulted HMRC on 3 February 2026');
  await expect(timeline).toContainText('Protect objective: Protect the businesses used to launder cash');
  await expect(timeline).toContainText('Intelligence gaps changed from not set to “Who launders the cash, and through which businesses”');
  await expect(timeline).toContainText(`Plan owner changed from “${DEMO_USERS.lro.name}” to “HMRC”`);
  await expect(timeline).toContainText('Status changed from “Draft” to “Active”');
  await expect(page.locator('.moj-timeline__byline').first()).toHaveText(`by ${DEMO_USERS.lro.rank} ${DEMO_USERS.lro.name}`);
  await expectNoAxeViolations(page);

  // And the threat page now links to the plan.
  await page.goto(`/threats/${threatId}`);
  await page.getByRole('link', { name: 'View 4P plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
});

test('a co-ordinator reads a plan and its history but is offered no edit controls', async ({ page }) => {
  const threatId = await threatIdByUrn(DEMO_REFERENCES.lroThreatUrn);
  await signIn(page, DEMO_USERS.forceCoordinator.email);
  await page.goto(`/threats/${threatId}`);
  await expect(page.getByRole('button', { name: 'Create 4P plan' })).toHaveCount(0);
  await page.getByRole('link', { name: 'View 4P plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '4P plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Plan details' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '4P balance' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Open actions by strand' })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const name of [/^Change/, /^Add a \w+ objective$/, /^Add action/, /^Record partner engagement$/]) {
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  for (const name of ['Make the plan active', 'Close the plan', 'Create 4P plan']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }

  // The edit pages refuse as if they did not exist.
  for (const path of ['edit', 'objectives/new?strand=PURSUE', 'activate', 'close', 'engagements/new']) {
    const response = await page.goto(`/threats/${threatId}/plan/${path}`);
    expect(response?.status(), path).toBe(404);
  }

  await page.goto(`/threats/${threatId}/plan/history`);
  await expect(page.getByRole('heading', { level: 1, name: 'Plan history' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a partner agency user cannot open the whole plan', async ({ page }) => {
  const threatId = await threatIdByUrn(DEMO_REFERENCES.sharedWithPartnerUrn);
  await signIn(page, DEMO_USERS.partner.email);
  expect((await page.goto(`/threats/${threatId}/plan`))?.status()).toBe(404);
  expect((await page.goto(`/threats/${threatId}/plan/history`))?.status()).toBe(404);
});

test('closing a plan asks for the debrief, validates it, and leaves the plan read only', async ({ page }) => {
  test.slow();
  // Slot 10 onwards are the plan journeys' own; this one has an active plan in the seed.
  const threat = await spareWestYorkshireThreat(10);
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto(`/threats/${threat.id}/plan`);
  await expect(page.locator('.govuk-summary-card').first()).toContainText('Active');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Close the plan' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Close the plan' }).click();
  await expect(summary(page)).toContainText('Enter the outcome of the plan');
  await expect(summary(page)).toContainText('Enter what worked');
  await expect(summary(page)).toContainText('Enter the learning to share');
  await expect(page.locator('#outcome-error')).toContainText('Enter the outcome of the plan');
  await expectNoAxeViolations(page);

  await page.getByLabel('Outcome').fill('Two principals convicted; the group no longer operates in the district');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await expect(summary(page)).not.toContainText('Enter the outcome of the plan');
  await expect(summary(page)).toContainText('Enter what worked');
  await expect(page.getByLabel('Outcome')).toHaveValue('Two principals convicted; the group no longer operates in the district');
  await page.getByLabel('What worked').fill('Early financial investigation with HMRC');
  await page.getByLabel('Learning to share').fill('Bring housing partners in before the warrants');
  await page.getByRole('button', { name: 'Close the plan' }).click();

  await expect(page.getByText('The plan is closed')).toBeVisible();
  const debrief = page.locator('.govuk-summary-card', { hasText: 'Closure debrief' });
  await expect(debrief).toContainText('Two principals convicted');
  await expect(debrief).toContainText('Early financial investigation with HMRC');
  await expect(debrief).toContainText('Bring housing partners in before the warrants');
  await expect(page.getByRole('link', { name: /^Change intelligence gaps/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Add a \w+ objective$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create 4P plan' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A closed plan's edit pages send the user back with a clear message.
  await page.goto(`/threats/${threat.id}/plan/edit`);
  await expect(page.getByText('This 4P plan is closed. A closed plan cannot be changed.')).toBeVisible();

  await page.goto(`/threats/${threat.id}/plan/history`);
  await expect(page.locator('.moj-timeline__title').first()).toHaveText('Plan closed');
  await expect(page.locator('.moj-timeline').first()).toContainText('Learning to share changed from not set to “Bring housing partners in before the warrants”');
  await expectNoAxeViolations(page);
});
