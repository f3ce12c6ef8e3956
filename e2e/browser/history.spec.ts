import { dispatch } from './support/dispatch';
import { expect, test, waitForContent } from './support/fixtures';

test.describe('history', () => {
  test.beforeAll(async ({ request }) => {
    await dispatch(request, 'e2e-history-a', [
      { action_type: 'create_task', payload: { title: 'Pack order' } },
      { action_type: 'sync_inventory' },
      { action_type: 'reserve_stock', payload: { sku: 'A', quantity: 1 } },
    ]);
    const many = Array.from({ length: 30 }, (_, i) => ({
      action_type: 'create_task',
      payload: { title: `Task ${i}` },
    }));
    await dispatch(request, 'e2e-history-bulk', many);
  });

  test('[HISTORY][EVENTS]: fired events appear, with payload, result or error', async ({
    page,
  }) => {
    await page.goto('/history?flow_execution_id=e2e-history-a');
    const rows = page.getByRole('table', { name: 'Executions' }).locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await rows.filter({ hasText: 'sync_inventory' }).getByRole('link').click();

    await expect(page.getByRole('heading', { level: 1 })).toContainText('sync_inventory');
    await expect(page.getByText(/warehouse system offline/)).toBeVisible();
    // The plugin answered 502 to both attempts its schedule allows: every call is listed.
    const attempts = page.getByRole('table', { name: 'Attempts' }).locator('tbody tr');
    await expect(attempts).toHaveCount(2);
    await expect(attempts.first()).toContainText('HTTP_5XX');
    await expect(attempts.first()).toContainText('502');
    await page.getByRole('link', { name: 'e2e-history-a' }).click();
    await expect(rows).toHaveCount(3);
  });

  test('[HISTORY][FILTER]: by status, action and plugin, kept in the URL', async ({ page }) => {
    await page.goto('/history?flow_execution_id=e2e-history-a');
    await waitForContent(page);
    await page.getByLabel('Status', { exact: true }).click();
    // Out of attempts: dead, which an operator can redeliver (see delivery.spec.ts).
    await page.getByRole('option', { name: 'dead' }).click();
    await expect(page).toHaveURL(/status=dead/);
    const rows = page.getByRole('table', { name: 'Executions' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('sync_inventory');

    await page.goto('/history?flow_execution_id=e2e-history-a');
    await page.getByLabel('Plugin', { exact: true }).click();
    await page.getByRole('option', { name: 'Warehouse' }).click();
    await expect(rows).toHaveCount(2);
    await page.getByLabel('Action', { exact: true }).fill('reserve_stock');
    await expect(page).toHaveURL(/action_type=reserve_stock/);
    await expect(rows).toHaveCount(1);

    await page.getByLabel('From', { exact: true }).fill('2000-01-01T00:00');
    await page.getByLabel('To', { exact: true }).fill('2000-01-02T00:00');
    await expect(page.getByText('No executions match')).toBeVisible();
  });

  test('[HISTORY][PAGES]: cursor pagination walks older and back', async ({ page }) => {
    await page.goto('/history?flow_execution_id=e2e-history-bulk');
    const rows = page.getByRole('table', { name: 'Executions' }).locator('tbody tr');
    await expect(rows).toHaveCount(25);
    await page.getByRole('button', { name: 'Older' }).click();
    await expect(rows).toHaveCount(5);
    await expect(page.getByText('Page 2')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Older' })).toBeDisabled();
    await page.getByRole('button', { name: 'Newer' }).click();
    await expect(rows).toHaveCount(25);
  });

  test('[HISTORY][METRICS]: success rate and p50/p95 latency per action', async ({ page }) => {
    await page.goto('/history?view=metrics&flow_execution_id=e2e-history-a');
    const metrics = page.getByRole('table', { name: 'Per-action metrics' });
    const sync = metrics.getByRole('row', { name: /sync_inventory/ });
    await expect(sync.getByRole('cell').nth(1)).toHaveText('1');
    await expect(sync.getByRole('cell').nth(2)).toHaveText('0%');
    await expect(
      metrics
        .getByRole('row', { name: /create_task/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('100%');
    await sync.getByRole('button').click();
    await expect(page.getByRole('heading', { name: 'sync_inventory over time' })).toBeVisible();
    await expect(page.getByText('Success rate per minute')).toBeVisible();
    await expect(page.getByText('Latency per minute')).toBeVisible();
  });
});
