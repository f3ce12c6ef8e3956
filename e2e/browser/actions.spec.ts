import { dispatch } from './support/dispatch';
import { expect, test, waitForContent } from './support/fixtures';
import { type FlakyPlugin, startFlakyPlugin } from './support/flaky-plugin';

const rows = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Actions' }).locator('tbody tr');

test.describe('actions catalog', () => {
  test('[ACTIONS][FILTER]: by category', async ({ page }) => {
    await page.goto('/actions');
    await waitForContent(page);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('button', { name: /^inventory\s*2$/ }).click();

    await expect(page).toHaveURL(/category=inventory/);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).filter({ hasText: 'reserve_stock' })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: 'sync_inventory' })).toHaveCount(1);
    await expect(page.getByText('2 actions')).toBeVisible();
    // The plugin facet now counts only inventory actions.
    await expect(filters.getByRole('button', { name: /^Warehouse\s*2$/ })).toBeVisible();
  });

  test('[ACTIONS][FILTER]: by plugin', async ({ page }) => {
    await page.goto('/actions');
    await page.getByRole('button', { name: /^Email Automation Plugin\s*10$/ }).click();

    await expect(page).toHaveURL(/plugin=email-automation/);
    // The sample email plugin the start command runs registers its ten actions.
    await expect(rows(page)).toHaveCount(10);
    await expect(rows(page).first()).toContainText('send_welcome_email');
    await page.getByRole('button', { name: /^Email Automation Plugin/ }).click();
    await expect(page).not.toHaveURL(/plugin=/);
  });

  test('[ACTIONS][SEARCH]: free text over type, title and description', async ({ page }) => {
    await page.goto('/actions');
    await waitForContent(page);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search actions' })).toBeFocused();
    await page.keyboard.type('holds units');

    await expect(page).toHaveURL(/search=holds/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toContainText('Reserve Stock');
    await page.getByRole('searchbox', { name: 'Search actions' }).fill('nothing like this');
    await expect(page.getByText('No actions match these filters')).toBeVisible();
  });

  test('[ACTIONS][DEEP-LINK]: a link with filters reproduces the view', async ({ page }) => {
    await page.goto('/actions?category=communication&plugin=platform&search=send');

    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('send_email');
    await expect(rows(page).nth(1)).toContainText('send_sms');
    await expect(page.getByRole('searchbox', { name: 'Search actions' })).toHaveValue('send');
    await expect(page.getByRole('button', { name: /^communication/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('[ACTIONS][DETAIL]: open an action from the catalog', async ({ page }) => {
    await page.goto('/actions?plugin=warehouse');
    await page.getByRole('link', { name: /Reserve Stock/ }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Reserve Stock' })).toBeVisible();
    await expect(page).toHaveURL(/\/actions\/reserve_stock\?plugin_id=/);
    await expect(page.getByText('POST /actions/reserve-stock')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Warehouse' })).toHaveAttribute(
      'href',
      '/plugins/warehouse',
    );
  });

  test('[ERRORS][API]: a bad filter in a link shows the field and message the API gave', async ({
    page,
  }) => {
    await page.goto('/actions?category=Not%20A%20Category');

    const alert = page.getByTestId('api-error');
    await expect(alert).toContainText('VALIDATION_ERROR');
    await expect(alert).toContainText('category: must contain only lowercase letters');
  });
});

test.describe('health in the catalog', () => {
  let ledger: FlakyPlugin;
  test.beforeAll(async ({ baseURL }) => {
    ledger = await startFlakyPlugin(baseURL ?? '', {
      name: 'Ledger Sync',
      slug: 'ledger-sync',
      retrySchedule: '0s',
    });
  });
  test.afterAll(() => ledger.close());

  test('[ACTIONS][HEALTH]: an action whose calls fail shows a failing badge; an uncalled one, no calls', async ({
    page,
    request,
  }) => {
    const refund = { action_type: 'refund_payment', plugin_id: ledger.id, payload: {} };
    const { results } = await dispatch(request, `e2e-health-${Date.now()}`, [refund, refund]);
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed']);

    await page.goto('/actions?plugin=ledger-sync');
    const refundRow = rows(page).filter({ hasText: 'refund_payment' });
    await expect(
      refundRow.getByRole('img', { name: /^Health: failing, 0% of \d+ calls succeeded/ }),
    ).toHaveText('failing', { timeout: 30_000 });
    await expect(
      rows(page)
        .filter({ hasText: 'settle_invoice' })
        .getByRole('img', { name: /^Health: / }),
    ).toHaveText('no calls');
  });
});
