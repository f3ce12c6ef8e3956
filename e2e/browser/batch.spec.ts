import { expect, saveScreenshot, test } from './support/fixtures';

async function pick(page: import('@playwright/test').Page, index: number, action: string) {
  await page.getByLabel(`Event ${index + 1} action`).click();
  await page.getByRole('option', { name: action, exact: true }).click();
}

test.describe('batch test-fire', () => {
  test('[BATCH][MIXED]: platform and plugin events run as one batch with mixed results', async ({
    page,
  }) => {
    await page.goto('/batch');
    await pick(page, 0, 'create_customer');
    await page
      .getByLabel('Payload')
      .nth(0)
      .fill('{"email": "ada@example.com", "first_name": "Ada"}');
    await pick(page, 1, 'reserve_stock');
    await expect(page.getByLabel('Payload').nth(1)).toHaveValue(/"sku": ""/);
    await page.getByLabel('Payload').nth(1).fill('{"sku": "SKU-9", "quantity": 2}');
    await page.getByRole('button', { name: 'Add event' }).click();
    await pick(page, 2, 'send_welcome_email');
    await page.getByLabel('Payload').nth(2).fill('{"user_id": "u-1"}');
    await page.getByLabel('Flow execution id (optional)').fill('e2e-batch-mixed');
    await page.getByRole('button', { name: 'Run batch' }).click();

    const summary = page.getByTestId('batch-summary');
    await expect(summary).toContainText('Total3');
    await expect(summary).toContainText('Successful2');
    await expect(summary).toContainText('Failed1');
    const results = page.getByRole('table', { name: 'Event results' }).locator('tbody tr');
    await expect(results.nth(0)).toContainText('success');
    await expect(results.nth(1)).toContainText('success');
    await expect(results.nth(2)).toContainText('MISSING_REQUIRED_FIELDS');
    await page.getByText('Response JSON').click();
    await expect(page.getByText('"flow_execution_id": "e2e-batch-mixed"')).toBeVisible();
    await saveScreenshot(page, 'batch-results-1280');
  });

  test('[BATCH][VALIDATION]: problems are named by the fields the API uses', async ({ page }) => {
    await page.goto('/batch');
    await pick(page, 0, 'create_task');
    await page.getByLabel('Payload').nth(0).fill('[1, 2]');
    await page.getByRole('button', { name: 'Run batch' }).click();

    await expect(page.getByText('events[1].action_type: pick an action')).toBeVisible();
    await page.getByRole('button', { name: 'Remove event 2' }).click();
    await page.getByRole('button', { name: 'Run batch' }).click();
    await expect(page.getByText('events[0].payload: must be a JSON object')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Event results' })).toHaveCount(0);
  });
});
