import { expect, saveScreenshot, test, toast, waitForContent } from './support/fixtures';

test.describe('plugins', () => {
  test('[PLUGINS][LIST]: status, action count and last registration', async ({ page }) => {
    await page.goto('/plugins');
    await waitForContent(page);
    const row = page.getByRole('row', { name: /Warehouse/ });
    await expect(row).toContainText('active');
    // reserve_stock, sync_inventory and ship_parcel (see support/test-plugins.ts).
    await expect(row.getByRole('cell').nth(2)).toHaveText('3');
    await expect(row).toContainText(/ago|now/);
    await expect(page.getByRole('row', { name: /Analytics Tracker/ })).toContainText('inactive');
  });

  test('[PLUGINS][PAGES]: past a page of plugins the list says so and loads the rest', async ({
    page,
    request,
  }) => {
    // Slugs after every other plugin's, so the specs' own plugins stay on the first page.
    const slugs = Array.from({ length: 105 }, (_, i) => `zz-bulk-${String(i).padStart(3, '0')}`);
    for (let start = 0; start < slugs.length; start += 15) {
      const answers = await Promise.all(
        slugs
          .slice(start, start + 15)
          .map((slug) =>
            request.post('/api/plugins', { data: { name: `Bulk ${slug.slice(-3)}`, slug } }),
          ),
      );
      // 409: a retry of this test finds them created.
      for (const answer of answers) {
        expect([201, 409], await answer.text()).toContain(answer.status());
      }
    }
    const listed = await request.get('/api/plugins?limit=500');
    const total = ((await listed.json()) as { plugins: unknown[] }).plugins.length;
    expect(total).toBeGreaterThan(105);

    await page.goto('/plugins');
    const rows = page.getByRole('table', { name: 'Plugins' }).locator('tbody tr');
    await expect(rows).toHaveCount(100);
    await expect(page.getByText('Showing the first 100 plugins by slug')).toBeVisible();
    await expect(page.getByRole('row', { name: /Bulk 104/ })).toHaveCount(0);

    // The search asks the API, so it finds a plugin past the loaded page.
    await page.getByLabel('Search').fill('BULK 104');
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('row', { name: /Bulk 104/ })).toBeVisible();
    await page.getByLabel('Search').fill('');
    await expect(rows).toHaveCount(100);

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(rows).toHaveCount(total);
    await expect(page.getByRole('row', { name: /Bulk 104/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  });

  test('[PLUGINS][CONNECTIVITY]: the test button probes the plugin server', async ({ page }) => {
    await page.goto('/plugins/warehouse');
    await page.getByRole('button', { name: 'Test connectivity' }).click();

    const result = page.getByTestId('connectivity-result');
    await expect(result).toContainText('Plugin reachable (HTTP 200)');
    await expect(result).toContainText('http://127.0.0.1:');
  });

  test('[PLUGINS][VALIDATE]: validating names each way the plugin breaks its registration', async ({
    page,
  }) => {
    await page.goto('/plugins/warehouse');
    await page.getByRole('button', { name: 'Validate endpoints' }).click();

    const report = page.getByTestId('validation-report');
    await expect(report).toContainText('actions failed validation', { timeout: 20_000 });
    // reserve_stock echoes whatever it gets; sync_inventory's upstream answers 502.
    await expect(report).toContainText(/reserve_stock: \d+\/\d+ checks passed/);
    await expect(report).toContainText('accepted an invalid payload with 200');
    await expect(report).toContainText('answered 502');
    // A declared example is listed with what each of its calls answered.
    await expect(report).toContainText(
      'example "parcel for a reserved order": setup reserve_stock → 200, ship_parcel → 200 ✓',
    );
    await saveScreenshot(page, 'plugin-validation-1280');
  });

  test('[PLUGINS][STATUS]: deactivating a plugin takes its actions out of the catalog', async ({
    page,
  }) => {
    await page.goto('/plugins/legacy-crm');
    await expect(page.getByRole('link', { name: /Sync CRM Contact/ })).toBeVisible();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await expect(toast(page, 'Legacy CRM is now inactive')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Activate' })).toBeVisible();
    await expect(page.getByText('Inactive: these actions are hidden')).toBeVisible();

    await page.getByRole('link', { name: 'Actions', exact: true }).first().click();
    await page.getByRole('searchbox', { name: 'Search actions' }).fill('crm');
    await expect(page.getByText('No actions match these filters')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Legacy CRM/ })).toHaveCount(0);

    await page.goto('/plugins/legacy-crm');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.goto('/actions?search=crm');
    await expect(page.getByRole('link', { name: /Sync CRM Contact/ })).toBeVisible();
  });
});

test.describe('endpoint ownership', () => {
  test('[PLUGINS][VERIFY]: a plugin waiting for its proof becomes active when its endpoint answers', async ({
    page,
  }) => {
    await page.goto('/plugins/late-mailer');
    await expect(page.getByText('pending verification')).toBeVisible();
    await expect(page.getByText('Not verified')).toBeVisible();
    await expect(page.getByText('Waiting for the endpoint ownership proof')).toBeVisible();

    await page.getByRole('button', { name: 'Verify endpoint' }).click();

    await expect(page.getByRole('definition').filter({ hasText: /^\s*Verified/ })).toBeVisible();
    await expect(page.getByText('Not verified')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Deactivate' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify endpoint' })).toHaveCount(0);
  });
});
