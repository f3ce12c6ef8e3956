import { dispatch } from './support/dispatch';
import {
  checkAtBothWidths,
  expect,
  saveScreenshot,
  test,
  toast,
  waitForContent,
} from './support/fixtures';
import { type FlakyPlugin, startFlakyPlugin } from './support/flaky-plugin';

/** The product's in-process worker delivers queued events; give it a few polls of the page. */
const DELIVERED_WITHIN = { timeout: 30_000 };
/** A run's first page waits for the server's first tRPC calls: seconds on a busy machine. */
const FIRST_PAGE_WITHIN = { timeout: 30_000 };

// Each test waits for deliveries and runs axe on several page states: on a machine shared with
// other builds that takes longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const eventOf = (plugin: FlakyPlugin, action_type: string) => ({
  action_type,
  plugin_id: plugin.id,
  payload: { order: 'A-1001' },
});

test.describe('redelivery', () => {
  let billing: FlakyPlugin;
  test.beforeAll(async ({ baseURL }) => {
    billing = await startFlakyPlugin(baseURL ?? '', {
      name: 'Billing Gateway',
      slug: 'billing-gateway',
      retrySchedule: '0s,0s',
    });
  });
  test.afterAll(() => billing.close());

  test('[HISTORY][REDELIVER]: a dead event, redelivered once its plugin works, succeeds', async ({
    page,
    request,
  }) => {
    billing.setHealthy(false);
    const { results } = await dispatch(request, 'e2e-billing', [
      eventOf(billing, 'charge_card'),
      eventOf(billing, 'refund_payment'),
      eventOf(billing, 'settle_invoice'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['dead', 'failed', 'retrying']);

    await page.goto('/history?flow_execution_id=e2e-billing');
    const rows = page.getByRole('table', { name: 'Executions' }).locator('tbody tr');
    await expect(rows).toHaveCount(3, FIRST_PAGE_WITHIN);
    const charge = rows.filter({ hasText: 'charge_card' });
    await expect(charge).toContainText('dead');
    // Columns: when, status, action, plugin, source, flow, attempts, ...
    await expect(charge.getByRole('cell').nth(6)).toHaveText('2');
    await expect(rows.filter({ hasText: 'refund_payment' })).toContainText('failed');
    // The plugin asked for an hour (Retry-After: 3600): the list says when delivery goes on.
    await expect(rows.filter({ hasText: 'settle_invoice' })).toContainText(
      /retrying\s*next in (1 hour|\d+ minutes)/,
    );
    await checkAtBothWidths(page, 'history-delivery');

    await charge.getByRole('link', { name: 'charge_card' }).click();
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toContainText('dead');
    await expect(page.getByRole('definition').filter({ hasText: /^sync$/ })).toBeVisible();
    const attempts = page.getByRole('table', { name: 'Attempts' }).locator('tbody tr');
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(1)).toContainText('HTTP_5XX');
    await expect(attempts.nth(1)).toContainText('500');
    await checkAtBothWidths(page, 'execution-dead');

    billing.setHealthy(true);
    await page.getByRole('button', { name: 'Redeliver' }).click();
    await expect(toast(page, 'Queued for delivery again')).toBeVisible();

    await expect(title).toContainText('succeeded', DELIVERED_WITHIN);
    await expect(attempts).toHaveCount(3);
    await expect(attempts.nth(2)).toContainText('ok');
    await expect(page.getByRole('button', { name: 'Redeliver' })).toHaveCount(0);
    await saveScreenshot(page, 'execution-redelivered-1280');
  });

  test('[HISTORY][REDELIVER]: redelivering an event that is no longer failed says why not', async ({
    page,
    request,
  }) => {
    billing.setHealthy(false);
    const { results } = await dispatch(request, 'e2e-billing-stale', [
      eventOf(billing, 'refund_payment'),
    ]);
    const id = results[0]?.execution_id;
    await page.goto(`/history/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('failed');

    // Someone else redelivers it meanwhile, and it succeeds: this page still offers Redeliver.
    billing.setHealthy(true);
    expect((await request.post(`/api/executions/${id}/redeliver`)).ok()).toBe(true);
    await expect
      .poll(async () => (await (await request.get(`/api/executions/${id}`)).json()).status)
      .toBe('succeeded');
    await page.getByRole('button', { name: 'Redeliver' }).click();

    const refusal = `Execution ${id} is succeeded: only failed or dead events can be redelivered`;
    await expect(page.getByTestId('api-error')).toContainText(refusal);
    await expect(toast(page, 'Could not redeliver')).toContainText(refusal);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('succeeded');
    await expect(page.getByRole('button', { name: 'Redeliver' })).toHaveCount(0);
  });
});

test.describe('recovery', () => {
  let ledger: FlakyPlugin;
  test.beforeAll(async ({ baseURL }) => {
    ledger = await startFlakyPlugin(baseURL ?? '', {
      name: 'Ledger Sync',
      slug: 'ledger-sync',
      retrySchedule: '0s',
    });
  });
  test.afterAll(() => ledger.close());

  test('[PLUGINS][RECOVER]: recovering a plugin delivers its dead events again', async ({
    page,
    request,
  }) => {
    ledger.setHealthy(false);
    const charges = Array.from({ length: 3 }, () => eventOf(ledger, 'charge_card'));
    const { results } = await dispatch(request, 'e2e-ledger', charges);
    expect(results.map((result) => result.status)).toEqual(['dead', 'dead', 'dead']);

    await page.goto('/plugins');
    await waitForContent(page);
    await expect(page.getByRole('row', { name: /Ledger Sync/ })).toContainText('3 dead');
    await checkAtBothWidths(page, 'plugins-backlog');

    await page.goto('/plugins/ledger-sync');
    const delivery = page.getByRole('region', { name: 'Delivery' });
    await expect(delivery).toContainText('3 dead');
    await expect(delivery).toContainText(/closed\s*\d+ failed events? in a row/);
    await expect(delivery).toContainText(/Retry schedule\s*0s\s*1 attempt/);
    await checkAtBothWidths(page, 'plugin-backlog');

    ledger.setHealthy(true);
    await delivery.getByRole('button', { name: 'Recover', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Recover events of Ledger Sync?' });
    await expect(confirm).toContainText("Ledger Sync's dead events, and the events it failed");
    await checkAtBothWidths(page, 'plugin-recover-confirm');
    await confirm.getByRole('button', { name: 'Recover events' }).click();

    await expect(delivery.getByRole('status')).toHaveText('3 events queued again.');
    await expect(toast(page, '3 events queued again.')).toBeVisible();
    await expect(delivery).toContainText('nothing waiting', DELIVERED_WITHIN);
    await page.goto('/history?flow_execution_id=e2e-ledger&status=succeeded');
    await expect(page.getByRole('table', { name: 'Executions' }).locator('tbody tr')).toHaveCount(
      3,
    );
  });
});
