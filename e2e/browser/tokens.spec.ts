import { createTokenWithCli } from '../support/registry-cli';
import { type RunningProduct, startProduct } from '../support/running-product';
import { checkAtBothWidths, expect, testWithoutConsoleErrors, toast } from './support/fixtures';

/**
 * Tokens exist here, which turns protected local mode off: the spec gets a product of its own,
 * so the other specs keep theirs in local mode.
 */
const test = testWithoutConsoleErrors.extend<object, { product: RunningProduct }>({
  product: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const product = await startProduct();
      await use(product);
      await product.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ product }, use) => use(product.baseUrl),
});
// Its own product start, then sign-in, creation and two revocations with axe at two widths.
test.describe.configure({ timeout: 180_000 });

test.describe('tokens', () => {
  test('[ACCESS][TOKENS]: create a token (shown once), revoke it, and revoke the one signed in with', async ({
    page,
    request,
    product,
  }) => {
    const operator = await createTokenWithCli(product.baseUrl, 'operator');
    await page.goto('/sign-in');
    await page.getByLabel('Admin token').fill(operator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/actions$/);

    await page.getByRole('link', { name: 'Tokens' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tokens');
    const rows = page.getByRole('table', { name: 'Tokens' }).locator('tbody tr');
    const operatorRow = rows.filter({ hasText: 'operator' });
    await expect(operatorRow).toContainText('this browser');
    await expect(operatorRow).toContainText(operator.slice(0, 12));

    // The form checks with the API's contract, next to the field.
    await page.getByLabel('Expires in').fill('soon');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByLabel('Name')).toHaveAccessibleDescription('must not be empty');
    await expect(page.getByLabel('Expires in')).toHaveAccessibleDescription(
      /must be a number of minutes, hours or days/,
    );
    await checkAtBothWidths(page, 'tokens-invalid');

    await page.getByLabel('Name').fill('ci-deploy');
    await page.getByLabel('Expires in').fill('30d');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(toast(page, 'Created ci-deploy')).toBeVisible();
    const created = page.getByTestId('created-token');
    await expect(created).toContainText('not shown again');
    const token = await created.getByLabel('Admin token', { exact: true }).inputValue();
    expect(token).toMatch(/^par_admin_/);
    const ciRow = rows.filter({ hasText: 'ci-deploy' });
    await expect(ciRow).toContainText('never');
    await checkAtBothWidths(page, 'tokens-created');

    const asToken = (secret: string) =>
      request.get('/api/plugins', { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken(token)).status()).toBe(200);

    await ciRow.getByRole('button', { name: 'Revoke ci-deploy' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke ci-deploy?' });
    await expect(confirm).toContainText('is refused from then on');
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expect(toast(page, 'Revoked ci-deploy')).toBeVisible();
    await expect(ciRow).toContainText('revoked');
    await expect(ciRow.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    expect((await asToken(token)).status()).toBe(401);

    // The token this browser signed in with: the warning says so before anything happens.
    await operatorRow.getByRole('button', { name: 'Revoke operator' }).click();
    const own = page.getByRole('alertdialog', { name: 'Revoke operator?' });
    await expect(own).toContainText('This browser signed in with operator');
    await expect(own).toContainText('signs you out at once');
    await checkAtBothWidths(page, 'tokens-revoke-own');
    await own.getByRole('button', { name: 'Revoke token' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await asToken(operator)).status()).toBe(401);
  });
});
