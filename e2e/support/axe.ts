import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Scans the page as it stands against WCAG 2.2 AA; any violation fails the test, listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next.js sets the new <title> a moment after the content: scan
  // the page once it has one (a page that never gets a title still fails, on the timeout).
  await expect.poll(() => page.title(), { message: `the page at ${page.url()} has no title` }).not.toBe('');
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe found problems on ${page.url()}`).toEqual([]);
}
