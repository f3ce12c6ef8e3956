import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Tests run against the product global setup started. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is unset: run through playwright.config.ts');
    await use(url);
  },
});
export { expect };

/** Impacts a page may not have: every axe finding but the `minor` ones. */
const FAILING_IMPACTS = ['moderate', 'serious', 'critical'];

/** Fails on any moderate, serious or critical axe violation, listing each rule and where it fired. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const failing = violations
    .filter((violation) => FAILING_IMPACTS.includes(violation.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(failing, failing.join('\n')).toEqual([]);
}

/** Saves a full-page screenshot as a test artifact: test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Waits until no skeleton placeholder is left on the page. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
}
