import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/demo-data';
import { expectNoAxeViolations } from './support/axe';
import { signIn } from './support/session';

// The compliance dashboard (issue 6 part 4): the regional co-ordinator opens it, sees each
// section, changes the period, and drills from figures (a flag count, the Pursue disruptions, the
// 4P balance, the plans, unmet demand, the LROs) to the records behind them, where the count line
// says the number clicked. A force manager sees only their force; an LRO gets "not found". Every
// page is scanned by axe.
//
// Other journeys change West Yorkshire's records at the same time, so the drill-downs follow North
// Yorkshire's and Humberside's figures, which no other journey touches.

const SECTIONS = [
  'Yorkshire and the Humber: the headline',
  'Plans reviewed within cadence',
  'Compliance flags',
  '4P balance of open actions',
  'Figure 1: share of Pursue among disruptions',
  'Unmet demand',
  'LRO caseload and training',
  'Trend',
];

/** The number a figure's link shows (its visually hidden words follow it). */
async function numberOf(link: ReturnType<Page['getByRole']>): Promise<number> {
  const text = (await link.innerText()).trim();
  const n = Number.parseInt(text, 10);
  expect(Number.isNaN(n), `a number in "${text}"`).toBe(false);
  return n;
}

/** Follows a figure's link and checks the records page's count line says the same number. */
async function drill(page: Page, link: ReturnType<Page['getByRole']>, countTestId: string, noun: RegExp) {
  const n = await numberOf(link);
  expect(n).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByTestId(countTestId)).toHaveText(new RegExp(`^${n} ${noun.source}`));
  await expectNoAxeViolations(page);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
}

test('the regional co-ordinator reads the dashboard, changes the period and drills into the figures', async ({ page }) => {
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const name of SECTIONS) await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  for (const key of ['reviews', 'flags', 'balance', 'disruptions', 'unmet-demand', 'caseload', 'trend']) {
    const downloads = page.getByTestId(`downloads-${key}`);
    await expect(downloads.getByRole('link', { name: /Download CSV/ })).toHaveAttribute('href', new RegExp(`^/api/exports/dashboard/${key}\\?format=csv&yearEnding=\\d{4}-\\d{2}$`));
    await expect(downloads.getByRole('link', { name: /Download XLSX/ })).toHaveAttribute('href', new RegExp(`format=xlsx`));
  }
  await expect(page.getByRole('link', { name: 'Download the inspection evidence pack (XLSX)' })).toHaveAttribute('href', /^\/api\/exports\/evidence-pack\?yearEnding=\d{4}-\d{2}$/);
  await expect(page.getByRole('link', { name: 'Print this dashboard' })).toHaveAttribute('href', /^\/dashboard\/print\?yearEnding=\d{4}-\d{2}$/);
  // Figure 1 states its method and leads to the national average's setting.
  const figure1 = page.getByTestId('section-disruptions');
  await expect(figure1).toContainText('Annex B method: lead disruptions only, assessed major, moderate or minor');
  await expect(figure1.getByRole('link', { name: 'Change the national average in the settings' })).toHaveAttribute('href', '/settings');
  // The seed's snapshots give the trend points (12 weeks and today).
  await expect(page.getByRole('table', { name: /Daily snapshots of Yorkshire and the Humber/ }).locator('tbody tr')).toHaveCount(13);

  // Change the period: the 12 months ending a year before this month.
  const select = page.getByLabel('Year ending');
  const options = await select.locator('option').evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const earlier = options[12]!;
  await select.selectOption(earlier.value);
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?yearEnding=${earlier.value}$`));
  await expect(page.locator('.govuk-caption-l')).toContainText(`year ending`);
  await expect(page.locator('.govuk-caption-l')).toContainText(earlier.text.split(' ').at(-1)!);
  await expect(page.getByLabel('Year ending')).toHaveValue(earlier.value);
  await expectNoAxeViolations(page);
  // Back to this year, where the demo's disruptions are.
  await select.selectOption(options[0]!.value);
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page).toHaveURL(new RegExp(`yearEnding=${options[0]!.value}$`));

  // A flag count of North Yorkshire (its subtree) to the flagged records.
  const nyFlag = page.getByTestId('section-flags').getByRole('link', { name: /(alert|warning)s?, .+, North Yorkshire Police$/ }).first();
  await drill(page, nyFlag, 'flag-record-count', /flagged records?/);

  // Figure 1: North Yorkshire's Pursue disruptions and its lead disruptions.
  const nyRow = figure1.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'North Yorkshire Police', exact: true }) });
  await drill(page, nyRow.getByRole('link', { name: /Pursue lead disruptions in North Yorkshire Police/ }), 'records-count', /disruptions?/);
  await drill(page, nyRow.getByRole('link', { name: /^\d+ lead disruptions in North Yorkshire Police/ }), 'records-count', /disruptions?/);

  // The records page's own filters keep the place and the period: Pursue only gives the Pursue figure.
  const nyPursue = await numberOf(nyRow.getByRole('link', { name: /Pursue lead disruptions in North Yorkshire Police/ }));
  await nyRow.getByRole('link', { name: /^\d+ lead disruptions in North Yorkshire Police/ }).click();
  await page.getByLabel('Strand').selectOption('PURSUE');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/strand=PURSUE/);
  await expect(page.getByTestId('records-count')).toHaveText(new RegExp(`^${nyPursue} disruptions?`));
  await page.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();

  // Plans, open actions, unmet demand and LROs of Humberside.
  await drill(page, page.getByTestId('section-reviews').getByRole('link', { name: /^\d+ active plans in Humberside Police$/ }), 'records-count', /active plans?/);
  await drill(page, page.getByTestId('section-balance').getByRole('link', { name: /^\d+ open actions in Humberside Police$/ }), 'records-count', /open actions?/);
  const unmet = page.getByTestId('section-unmet-demand').getByRole('link', { name: /^\d+ records? in Humberside Police$/ }).first();
  await drill(page, unmet, 'records-count', /records?/);
});

test('the LRO register count matches an LRO figure exactly', async ({ page }) => {
  await signIn(page, DEMO_USERS.regionalCoordinator.email);
  await page.goto('/dashboard');
  const link = page.getByTestId('section-caseload').getByRole('link', { name: /^\d+ LROs leading live threats in North Yorkshire Police$/ });
  const n = await numberOf(link);
  await link.click();
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`of ${n} officers?$`));
  await expectNoAxeViolations(page);
});

test('a force manager sees only their force', async ({ page }) => {
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto('/dashboard');
  await expect(page.locator('.govuk-caption-l')).toContainText('West Yorkshire Police');
  await expect(page.getByRole('heading', { level: 2, name: 'West Yorkshire Police: the headline' })).toBeVisible();
  const reviews = page.getByRole('table', { name: /Plans reviewed within cadence by organisation/ });
  await expect(reviews.getByRole('rowheader', { name: 'Leeds District', exact: true })).toBeVisible();
  await expect(page.getByText('North Yorkshire Police')).toHaveCount(0);
  await expect(page.getByText('Humberside Police')).toHaveCount(0);
  // A manager may not download (no export:create) nor change the national average.
  await expect(page.getByRole('link', { name: /Download CSV/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Change the national average in the settings' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // A records page of another force shows nothing.
  await page.goto('/compliance/disruptions?within=nosuchorganisation');
  await expect(page.getByTestId('records-count')).toHaveText('No disruptions match.');
});

test('an LRO gets not found', async ({ page }) => {
  await signIn(page, DEMO_USERS.lro.email);
  await expect(page.getByRole('link', { name: 'Dashboard', exact: true })).toHaveCount(0);
  for (const path of ['/dashboard', '/compliance/disruptions', '/compliance/plans', '/compliance/actions', '/compliance/unmet-demand']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});
