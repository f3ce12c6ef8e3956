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

/**
 * `test`, failing any test whose page logged an error to the browser console (a failed
 * resource, a React warning) or threw one.
 */
export const testWithoutConsoleErrors = test.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error')
          errors.push(`${message.text()} at ${message.location().url}`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
});

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

/** The axe check and a full-page screenshot at 1280 and at 390 px, as the page is now. */
export async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  for (const { width, height } of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize({ width, height });
    await expectNoA11yViolations(page);
    await saveScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The toast saying `text`, in the one live region the app announces its toasts in. */
export function toast(page: Page, text: string | RegExp) {
  return page
    .getByRole('region', { name: /^Notifications/ })
    .getByRole('listitem')
    .filter({ hasText: text });
}

/** Waits until no skeleton placeholder is left on the page. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
}
