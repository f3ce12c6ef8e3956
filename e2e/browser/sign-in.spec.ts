import { test as base } from '@playwright/test';
import { createTokenWithCli } from '../support/registry-cli';
import { type RunningProduct, startProduct } from '../support/running-product';
import { expect, expectNoA11yViolations, saveScreenshot } from './support/fixtures';

/**
 * Signing in needs a product where an admin token exists, which turns protected local mode
 * off: it gets a product of its own, so the other specs keep theirs in local mode.
 */
const test = base.extend<object, { product: RunningProduct }>({
  product: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const product = await startProduct();
      await use(product);
      await product.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test.describe('sign-in', () => {
  test('[SESSION][SIGN-IN]: without a session the dashboard asks for a token; with one it opens', async ({
    page,
    product,
  }) => {
    const token = await createTokenWithCli(product.baseUrl, 'browser');
    const answer = await page.goto(`${product.baseUrl}/actions`);
    // No other site may frame the dashboard (clickjacking).
    expect(answer?.headers()).toMatchObject({
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    });
    await expect(
      page.getByRole('heading', { name: 'Sign in to the Action Registry' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Sign in with a token' }).click();

    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await expectNoA11yViolations(page);
    await saveScreenshot(page, 'sign-in-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(page);
    await saveScreenshot(page, 'sign-in-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel('Admin token').fill('par_admin_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'not a valid admin token' }),
    ).toBeVisible();

    await page.getByLabel('Admin token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/actions$/);
    await expect(page.getByRole('link', { name: /Send Welcome Email/ })).toBeVisible();
    // Chromium keeps the __Host- cookie on http://localhost: a Secure cookie of a trustworthy origin.
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toEqual(['__Host-registry_session']);
    const [cookie] = cookies;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(cookie?.value).not.toContain(token);

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // The session is over on the server, not only forgotten by this browser.
    const replayed = await page.request.get(`${product.baseUrl}/api/session`, {
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(await replayed.json()).toMatchObject({ signed_in: false });
    await page.goto(`${product.baseUrl}/plugins`);
    await expect(
      page.getByRole('heading', { name: 'Sign in to the Action Registry' }),
    ).toBeVisible();
  });
});
