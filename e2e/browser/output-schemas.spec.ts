import { dispatch } from './support/dispatch';
import { expect, test } from './support/fixtures';

test.describe('output schemas, hints and sources', () => {
  test('[ACTIONS][OUTPUT]: the action page shows the hints, the output schema and its example', async ({
    page,
  }) => {
    await page.goto('/actions?plugin=stock-counter');
    await page.getByRole('link', { name: /Count Stock/ }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Count Stock' })).toBeVisible();
    const hints = page.getByRole('list', { name: 'Hints' });
    await expect(hints).toContainText('Read only');
    await expect(hints).toContainText('Idempotent');
    // Not declared, so not shown as "not destructive".
    await expect(hints).not.toContainText('destructive', { ignoreCase: true });
    const output = page.getByRole('region', { name: 'Output schema' });
    await expect(output).toContainText('"count"');
    await expect(output).toContainText('"integer"');
    await expect(page.getByRole('region', { name: 'Example answer' })).toContainText('"count": 12');
  });

  test('[HISTORY][OUTPUT]: a succeeded event whose answer breaks the schema is marked, with its source', async ({
    page,
    request,
  }) => {
    const { results } = await dispatch(request, 'e2e-output-mismatch', [
      { action_type: 'count_stock', payload: { sku: 'A' } },
    ]);
    expect(results[0]?.status).toBe('succeeded');

    await page.goto('/history?flow_execution_id=e2e-output-mismatch');
    const row = page.getByRole('table', { name: 'Executions' }).locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('succeeded');
    await expect(row).toContainText('output mismatch');
    await expect(row).toContainText('rest');
    await row.getByRole('link', { name: 'count_stock' }).click();

    const mismatch = page.getByRole('region', { name: 'Output mismatch' });
    await expect(mismatch).toContainText('result.count');
    await expect(mismatch).toContainText('expected integer, received "many"');
    await expect(page.getByRole('region', { name: 'Result' })).toContainText('"many"');
  });
});
