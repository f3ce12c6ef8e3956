import { ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import { answerChallenge, respondJson, startPluginServer } from '@registry/testing';
import {
  checkAtBothWidths,
  expect,
  testWithoutConsoleErrors as test,
  toast,
  waitForContent,
} from './support/fixtures';

const SLUG = 'parcel-tracker';

// Adding, proving, editing, rotating and deleting, with axe at two widths on each step.
test.describe.configure({ timeout: 180_000 });

test.describe('plugin lifecycle', () => {
  test('[PLUGINS][LIFECYCLE]: add a plugin, prove it, re-point it, rotate its credentials, delete it', async ({
    page,
    request,
  }) => {
    // The plugin's own server: it answers the ownership challenge once it knows its secret,
    // which the test copies from the dashboard as the operator would.
    let secret: string | undefined;
    const server = await startPluginServer({
      '/': respondJson(200, { status: 'ok' }),
      [ENDPOINT_VERIFICATION_PATH]: answerChallenge(() => secret),
    });
    try {
      await request.delete(`/api/plugins/${SLUG}`); // left by an earlier run, if any
      await page.goto('/plugins');
      await waitForContent(page);
      await page.getByRole('button', { name: 'Add plugin' }).click();
      const panel = page.getByRole('region', { name: 'Add plugin' });

      // The form checks with the API's own contract, next to each field.
      await panel.getByLabel('Slug', { exact: true }).fill('Parcel Tracker');
      await panel.getByLabel('Config (JSON object)').fill('{"region": ');
      await panel.getByRole('button', { name: 'Add plugin' }).click();
      await expect(panel.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
        'must not be empty',
      );
      await expect(panel.getByLabel('Slug', { exact: true })).toHaveAccessibleDescription(
        /must contain only lowercase letters/,
      );
      await expect(panel.getByLabel('Config (JSON object)')).toHaveAccessibleDescription(
        'is not valid JSON',
      );
      await checkAtBothWidths(page, 'plugin-add-invalid');

      await panel.getByLabel('Name', { exact: true }).fill('Parcel Tracker');
      await panel.getByLabel('Slug', { exact: true }).fill(SLUG);
      await panel.getByLabel('API endpoint').fill(server.url);
      await panel.getByLabel('Webhook URL').fill(`${server.url}/hooks`);
      await panel.getByLabel('Events').fill('parcel.shipped\nparcel.lost');
      await panel.getByLabel('Config (JSON object)').fill('{"region": "eu"}');
      await panel.getByRole('button', { name: 'Add plugin' }).click();
      await expect(toast(page, 'Added Parcel Tracker')).toBeVisible();

      await expect(panel).toContainText('not shown again');
      const apiKey = await panel.getByLabel('API key', { exact: true }).inputValue();
      const shownSecret = await panel.getByLabel('Signing secret', { exact: true }).inputValue();
      expect(apiKey).toMatch(/^par_plugin_/);
      expect(shownSecret.length).toBeGreaterThan(20);
      await expect(panel).toContainText(`/api/plugins/${SLUG}/verify`);
      await expect(panel).toContainText('pending verification');
      await checkAtBothWidths(page, 'plugin-added');

      // Verified before its server holds the secret, the endpoint cannot answer: a toast says so.
      await panel.getByRole('button', { name: 'Verify endpoint' }).click();
      await expect(toast(page, 'Endpoint not verified')).toBeVisible();
      await checkAtBothWidths(page, 'plugin-verify-failed-toast');

      // The next step: the endpoint proves it holds the secret, and the plugin turns active.
      secret = shownSecret;
      await panel.getByRole('button', { name: 'Verify endpoint' }).click();
      await expect(toast(page, 'Endpoint verified')).toBeVisible();
      await expect(panel.getByText(/^\s*Verified/).first()).toBeVisible();
      await expect(panel.getByText('active', { exact: true })).toBeVisible();
      const created = await (await request.get(`/api/plugins/${SLUG}`)).json();
      expect(created.plugin ?? created).toMatchObject({
        status: 'active',
        webhook_url: `${server.url}/hooks`,
        events: ['parcel.shipped', 'parcel.lost'],
        config: { region: 'eu' },
      });

      // Re-pointing: the form says the plugin waits for a new proof, and it does.
      await panel.getByRole('link', { name: 'Open Parcel Tracker' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Parcel Tracker');
      await page.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('region', { name: 'Edit Parcel Tracker' });
      await edit.getByLabel('API endpoint').fill(`${server.url}/v2`);
      await expect(edit.getByTestId('repoint-warning')).toContainText('pending verification');
      // Its callers' protection, stricter than the server's rule for this plugin.
      await expect(edit.getByLabel('Breaking registrations')).toHaveValue('');
      await edit.getByLabel('Breaking registrations').selectOption('Refuse every breaking change');
      await checkAtBothWidths(page, 'plugin-edit');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(toast(page, 'Saved Parcel Tracker')).toContainText('Pending verification');
      await expect(edit).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('pending verification');
      await expect(page.getByText(`${server.url}/v2`, { exact: true }).first()).toBeVisible();
      const details = page.getByRole('region', { name: 'Details' });
      await expect(details.locator('dt:text-is("Breaking registrations") + dd')).toHaveText(
        'Refuse every breaking change',
      );
      const stored = await (await request.get(`/api/plugins/${SLUG}`)).json();
      expect(stored.plugin ?? stored).toMatchObject({ breaking_policy: 'refuse-all' });

      // A new key: the old one is refused from then on, the new one accepted.
      const asPlugin = (key: string) =>
        request.get('/api/plugins/actions', { headers: { authorization: `Bearer ${key}` } });
      expect((await asPlugin(apiKey)).status()).toBe(200);
      const credentials = page.getByRole('region', { name: 'Credentials' });
      await credentials.getByRole('button', { name: 'Rotate key' }).click();
      const confirmKey = page.getByRole('alertdialog', { name: /Rotate the API key/ });
      await expect(confirmKey).toContainText('refused from the moment');
      await confirmKey.getByRole('button', { name: 'Rotate key' }).click();
      await expect(toast(page, 'API key rotated')).toBeVisible();
      const newKey = await credentials.getByLabel('New API key', { exact: true }).inputValue();
      expect(newKey).not.toBe(apiKey);
      expect((await asPlugin(apiKey)).status()).toBe(401);
      expect((await asPlugin(newKey)).status()).toBe(200);

      // A new secret: the old one keeps signing for the API's grace period, which the page names.
      await credentials.getByRole('button', { name: 'Rotate secret' }).click();
      const confirmSecret = page.getByRole('alertdialog', { name: /Rotate the signing secret/ });
      await expect(confirmSecret).toContainText('24 hours');
      await checkAtBothWidths(page, 'plugin-rotate-secret-confirm');
      await confirmSecret.getByRole('button', { name: 'Rotate secret' }).click();
      await expect(toast(page, 'Signing secret rotated')).toBeVisible();
      const newSecret = await credentials
        .getByLabel('New signing secret', { exact: true })
        .inputValue();
      expect(newSecret).not.toBe(secret);
      await expect(credentials).toContainText('The previous secret keeps signing calls until');
      await checkAtBothWidths(page, 'plugin-rotated');

      // Deleting names what goes with it; history stays.
      await page.getByRole('button', { name: 'Delete' }).click();
      const confirmDelete = page.getByRole('alertdialog', { name: 'Delete Parcel Tracker?' });
      await expect(confirmDelete).toContainText('registered actions leave the catalog');
      await expect(confirmDelete).toContainText('execution history stays');
      await confirmDelete.getByRole('button', { name: 'Delete plugin' }).click();
      await expect(page).toHaveURL(/\/plugins$/);
      await expect(toast(page, 'Deleted Parcel Tracker')).toContainText('history stays');
      await expect(page.getByRole('row', { name: /Parcel Tracker/ })).toHaveCount(0);
      expect((await request.get(`/api/plugins/${SLUG}`)).status()).toBe(404);
    } finally {
      await server.close();
    }
  });

  test('[PLUGINS][FILTER]: the list asks the API by status and by a search of names and slugs', async ({
    page,
  }) => {
    await page.goto('/plugins');
    await waitForContent(page);
    const rows = page.getByRole('table', { name: 'Plugins' }).locator('tbody tr');
    const searched = page.waitForRequest(
      (asked) =>
        asked.url().includes('plugins.list') &&
        decodeURIComponent(asked.url()).includes('"search":"WAREH"'),
    );
    await page.getByLabel('Search').fill('WAREH');
    await searched;
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Warehouse');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Status').selectOption('inactive');
    await expect(page.getByRole('row', { name: /Analytics Tracker/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Warehouse/ })).toHaveCount(0);
    await page.getByLabel('Search').fill('no plugin is called this');
    await expect(page.getByText('No plugins match these filters')).toBeVisible();
    await checkAtBothWidths(page, 'plugins-filtered');
  });
});
