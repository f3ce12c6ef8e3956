import { expect, test } from './support/fixtures';

interface OpenApiPaths {
  paths: Record<string, Record<string, { summary: string }>>;
}

test.describe('API reference', () => {
  test('[DOCS][OPENAPI]: renders every operation of the served OpenAPI document', async ({
    page,
    request,
  }) => {
    const answer = await request.get('/api/openapi.json');
    expect(answer.ok()).toBe(true);
    const { paths } = (await answer.json()) as OpenApiPaths;
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, { summary }]) => ({ path, method, summary })),
    );
    expect(operations.length).toBeGreaterThan(15);

    await page.goto('/api-reference');
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    for (const { path, method, summary } of operations) {
      const card = page.getByRole('article', {
        name: `${method.toUpperCase()} ${path}`,
        exact: true,
      });
      // Backticked words render as code, without the backticks.
      await expect(card).toContainText(summary.replaceAll('`', ''));
    }
    await expect(page.getByRole('article')).toHaveCount(operations.length);

    const dispatch = page.getByRole('article', {
      name: 'POST /api/plugins/events/automation',
      exact: true,
    });
    await expect(dispatch.getByRole('list', { name: 'Answers' })).toContainText('200');
    await expect(dispatch.getByRole('list', { name: 'Answers' })).toContainText('VALIDATION_ERROR');
    await expect(page.getByRole('link', { name: /OpenAPI 3\.1\.0 document/ })).toHaveAttribute(
      'href',
      '/api/openapi.json',
    );
  });
});
