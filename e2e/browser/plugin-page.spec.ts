import { echo, respondJson, type TestPluginServer } from '@registry/testing';
import { dispatch } from './support/dispatch';
import {
  checkAtBothWidths,
  expect,
  testWithoutConsoleErrors as test,
  waitForContent,
} from './support/fixtures';
import { registerActions, startVerifiedPlugin } from './support/verified-plugin';

const SLUG = 'refund-desk';

/** `refund`'s definition, its amount capped at `maximum`; `reason` only when asked for. */
const refund = (maximum: number, withReason: boolean) => ({
  action_type: 'refund',
  title: 'Refund Order',
  description: 'Pays back part of an order to its customer',
  category: 'payments',
  endpoint: '/actions/refund',
  input_schema: {
    type: 'object',
    properties: {
      amount: { type: 'number', exclusiveMinimum: 0, maximum },
      note: { type: 'string', maxLength: 200 },
      ...(withReason && { reason: { type: 'string', enum: ['damaged', 'late'] } }),
    },
    required: ['amount'],
  },
  output_schema: { type: 'object', properties: { refunded: { type: 'boolean' } } },
});

const ping = {
  action_type: 'ping',
  title: 'Ping',
  category: 'payments',
  required_fields: [],
  endpoint: '/actions/ping',
  deprecated: true,
  sunset: '2027-06-30',
};

const voidOrder = {
  action_type: 'void_order',
  title: 'Void Order',
  category: 'payments',
  required_fields: ['order_id'],
  endpoint: '/actions/void-order',
};

let server: TestPluginServer | undefined;
test.afterAll(() => server?.close());

test.describe('plugin page', () => {
  test('[PLUGINS][PAGE]: actions with fields and schemas, recent executions, registration history and diff', async ({
    page,
    request,
  }) => {
    const plugin = await startVerifiedPlugin(
      request,
      { name: 'Refund Desk', slug: SLUG },
      { '/': respondJson(200, { status: 'ok' }), '/actions/refund': echo },
    );
    server = plugin.server;
    // Revision 2 narrows refund's amount, adds an optional field and drops void_order: breaking,
    // and accepted because nobody has called either yet.
    expect(await registerActions(request, SLUG, [refund(100, false), ping, voidOrder])).toBe(1);
    expect(await registerActions(request, SLUG, [refund(50, true), ping])).toBe(2);
    const { results } = await dispatch(request, 'e2e-plugin-page', [
      { action_type: 'refund', payload: { amount: 12.5 } },
    ]);
    const executionId = results[0]?.execution_id;
    expect(results[0]?.status).toBe('succeeded');

    await page.goto(`/plugins/${SLUG}`);
    await waitForContent(page);

    const action = page.getByRole('article', { name: /Refund Order/ });
    await expect(action).toContainText('Pays back part of an order to its customer');
    const fields = action.getByRole('list', { name: 'Fields of Refund Order' });
    const amount = fields.getByRole('listitem').filter({ hasText: 'amount' });
    await expect(amount).toContainText('required');
    await expect(amount).toContainText('number, > 0, ≤ 50');
    const reason = fields.getByRole('listitem').filter({ hasText: 'reason' });
    await expect(reason).toContainText('optional');
    await expect(reason).toContainText('one of "damaged", "late"');
    const deprecated = page.getByRole('article', { name: /Ping/ });
    await expect(deprecated).toContainText('deprecated');
    await expect(deprecated).toContainText('May be removed after 2027-06-30.');
    await expect(action.getByRole('link', { name: 'Refund Order' })).toHaveAttribute(
      'href',
      `/actions/refund?plugin_id=${plugin.id}`,
    );
    // The schemas start folded; the keyboard unfolds them.
    const inputSchema = action.getByText('Input schema');
    await expect(action.getByText('"exclusiveMinimum": 0')).toBeHidden();
    await inputSchema.focus();
    await page.keyboard.press('Enter');
    await expect(action.getByText('"exclusiveMinimum": 0')).toBeVisible();
    await expect(action.getByText('"refunded"')).toBeHidden();

    const executions = page.getByRole('list', { name: 'Recent executions' });
    await expect(executions.getByRole('listitem')).toHaveCount(1);
    await expect(executions).toContainText('succeeded');
    await expect(executions).toContainText('1 attempt');
    await expect(executions.getByRole('link', { name: 'refund' })).toHaveAttribute(
      'href',
      `/history/${executionId}`,
    );
    await expect(page.getByRole('link', { name: 'View all in history' })).toHaveAttribute(
      'href',
      `/history?plugin_id=${plugin.id}`,
    );

    const revisions = page.getByRole('list', { name: 'Revisions' }).getByRole('listitem');
    await expect(revisions).toHaveCount(2);
    await expect(revisions.first()).toContainText('Revision 2');
    await expect(revisions.first()).toContainText('breaking');
    await expect(revisions.first()).toContainText('0 added, 1 removed, 1 changed');
    await expect(revisions.nth(1)).toContainText('3 added, 0 removed, 0 changed');

    // By default the latest revision against the one before it.
    const diff = page.getByTestId('registration-diff');
    const changed = diff.getByRole('region', { name: 'Changed actions' });
    await expect(changed).toContainText('input_schema.properties.amount.maximum changed');
    await expect(changed).toContainText('input_schema.properties.reason added');
    await expect(changed).toContainText('breaking');
    const removed = diff.getByRole('region', { name: 'Removed actions' });
    await expect(removed).toContainText('void_order');
    await expect(removed).toContainText('breaking');
    await expect(removed).toContainText('action removed');
    await checkAtBothWidths(page, 'plugin-page');

    // Any two revisions: the first one against the empty set before it.
    await page.getByLabel('Compare', { exact: true }).selectOption({ label: 'Before the first' });
    await page.getByLabel('with', { exact: true }).selectOption({ label: 'Revision 1' });
    const added = diff.getByRole('region', { name: 'Added actions' });
    await expect(added).toContainText('refund');
    await expect(added).toContainText('void_order');
    await expect(diff.getByRole('region', { name: 'Changed actions' })).toHaveCount(0);

    await executions.getByRole('link', { name: 'refund' }).click();
    await expect(page).toHaveURL(`/history/${executionId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('refund');
  });
});
