import { dispatch } from './support/dispatch';
import {
  checkAtBothWidths,
  expect,
  testWithoutConsoleErrors as test,
  waitForContent,
} from './support/fixtures';
import { type FlakyPlugin, startFlakyPlugin } from './support/flaky-plugin';

test.describe.configure({ timeout: 120_000 });

test.describe('overview', () => {
  let courier: FlakyPlugin;
  test.beforeAll(async ({ baseURL }) => {
    courier = await startFlakyPlugin(baseURL ?? '', {
      name: 'Courier API',
      slug: 'courier-api',
      retrySchedule: '0s',
    });
  });
  test.afterAll(() => courier.close());

  test('[OVERVIEW]: a plugin that starts failing shows among those needing attention', async ({
    page,
    request,
  }) => {
    courier.setHealthy(false);
    const { results } = await dispatch(request, 'e2e-overview', [
      { action_type: 'charge_card', plugin_id: courier.id, payload: { order: 'O-1' } },
    ]);
    expect(results.map((result) => result.status)).toEqual(['dead']);
    const [failure] = results;

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await waitForContent(page);
    const attention = page.getByRole('list', { name: 'Plugins needing attention' });
    const courierItem = attention.getByRole('listitem').filter({ hasText: 'Courier API' });
    await expect(courierItem).toContainText('1 dead');
    await expect(courierItem).toContainText(/\d+ failed in 24 h/);
    const figures = page.getByRole('region', { name: 'Key figures' });
    await expect(figures).not.toContainText('…');
    await expect(page.getByRole('region', { name: 'Queue' })).toContainText(/Dead\s*[1-9]/);

    const recent = page.getByRole('list', { name: 'Recent failures' });
    await expect(recent.getByRole('listitem').first()).toContainText('charge_card');
    await checkAtBothWidths(page, 'overview');

    await recent.getByRole('link', { name: 'charge_card' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/history/${failure?.execution_id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('dead');

    // The plugins list says the same of it, still `active`: its last day and latest failure.
    await page.goto('/plugins');
    await page.getByLabel('Search').fill('courier');
    const row = page.getByRole('row', { name: /Courier API/ });
    await expect(page.getByRole('table', { name: 'Plugins' }).locator('tbody tr')).toHaveCount(1);
    await expect(row.getByTestId('plugin-health')).toContainText(/[1-9]\d* of \d+ failed in 24 h/);
    await expect(row.getByRole('link', { name: /last failure/ })).toHaveAttribute(
      'href',
      `/history/${failure?.execution_id}`,
    );
    await checkAtBothWidths(page, 'plugins-health');
  });

  test('[PAGES][CONSOLE]: the dashboard pages log nothing to the browser console', async ({
    page,
  }) => {
    for (const path of ['/', '/actions', '/plugins', '/history', '/tokens', '/api-reference']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await waitForContent(page);
    }
    // The icon the pages link to is served (no favicon.ico 404 either).
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toBeTruthy();
    expect((await page.request.get(icon ?? '')).status()).toBe(200);
  });
});
