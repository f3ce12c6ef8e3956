import type { DispatchResponse } from '@registry/contracts';
import {
  expect,
  expectNoA11yViolations,
  saveScreenshot,
  test,
  waitForContent,
} from './support/fixtures';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

let executionId: string;

// Some history first, so the history pages show data in their screenshots.
test.beforeAll(async ({ request }) => {
  const response = await request.post('/api/plugins/events/automation', {
    data: {
      flow_execution_id: 'e2e-pages',
      events: [
        { action_type: 'create_product', payload: { name: 'Lamp', price: 30 } },
        { action_type: 'reserve_stock', payload: { sku: 'L-1', quantity: 1 } },
        { action_type: 'sync_inventory' },
      ],
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as DispatchResponse;
  // The warehouse plugin's sync_inventory answers 502: history shows a failure too.
  expect(body.results.map((result) => [result.action_type, result.success])).toEqual([
    ['create_product', true],
    ['reserve_stock', true],
    ['sync_inventory', false],
  ]);
  executionId = body.results[0]?.execution_id as string;
});

const PAGES = [
  { name: 'overview', path: () => '/' },
  { name: 'actions', path: () => '/actions' },
  { name: 'actions-filtered', path: () => '/actions?category=email' },
  { name: 'action-detail', path: () => '/actions/send_welcome_email' },
  { name: 'batch', path: () => '/batch' },
  { name: 'plugins', path: () => '/plugins' },
  { name: 'plugin-detail', path: () => '/plugins/email-automation' },
  { name: 'history', path: () => '/history' },
  { name: 'history-metrics', path: () => '/history?view=metrics' },
  { name: 'execution-detail', path: () => `/history/${executionId}` },
  { name: 'api-reference', path: () => '/api-reference' },
  { name: 'tokens', path: () => '/tokens' },
];

for (const { name, width, height } of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });
    for (const target of PAGES) {
      test(`[PAGES][A11Y]: ${target.name} has no moderate or worse axe violations (${name})`, async ({
        page,
      }) => {
        await page.goto(target.path());
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await waitForContent(page);
        await expectNoA11yViolations(page);
        await saveScreenshot(page, `${target.name}-${width}`);
      });
    }
  });
}
