import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './support/fixtures';

/** The input of one payload field; its label reads "<name> required" or "<name> optional". */
const field = (page: Page, name: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${name} (required|optional)$`) });

test.describe('test-fire one action', () => {
  test('[TEST-FIRE][PLUGIN]: a plugin action succeeds, with values typed as JSON', async ({
    page,
  }) => {
    await page.goto('/actions?plugin=warehouse');
    await page.getByRole('link', { name: /Reserve Stock/ }).click();
    await field(page, 'sku').fill('SKU-1');
    await field(page, 'quantity').fill('0');
    await expect(page.getByTestId('value-type').nth(1)).toHaveText('number');
    await field(page, 'options').fill('{"gift": true}');
    await page.getByRole('button', { name: 'Fire action' }).click();

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Success');
    // The plugin echoes what it received: 0 arrived as a number, the object as an object.
    await expect(result).toContainText('"quantity": 0');
    await expect(result).toContainText('"gift": true');
    await expect(result).toContainText(/\d+(\.\d)? ms/);
  });

  test('[TEST-FIRE][PLATFORM]: a platform action succeeds', async ({ page }) => {
    await page.goto('/actions/create_task');
    await field(page, 'title').fill('Call the supplier');
    await field(page, 'priority').fill('high');
    await page.keyboard.press('Control+Enter');

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Success');
    await expect(result).toContainText('"title": "Call the supplier"');
  });

  test('[TEST-FIRE][REQUIRED]: required fields are checked before anything is sent', async ({
    page,
  }) => {
    await page.goto('/actions/create_product');
    await field(page, 'name').fill('Lamp');
    await page.getByRole('button', { name: 'Fire action' }).click();

    await expect(page.getByText('price is required')).toBeVisible();
    await expect(field(page, 'price')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('event-result')).toHaveCount(0);
  });

  test('[TEST-FIRE][FAILURE]: a failing event shows its error code and message', async ({
    page,
  }) => {
    await page.goto('/actions?plugin=warehouse');
    await page.getByRole('link', { name: /Sync Inventory/ }).click();
    await page.getByRole('button', { name: 'Fire action' }).click();

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Failed');
    await expect(result).toContainText('HTTP_5XX');
    await expect(result).toContainText('HTTP 502');
    await expect(result).toContainText('warehouse system offline');
    await saveScreenshot(page, 'test-fire-failure-1280');
  });

  test('[TEST-FIRE][JSON]: raw JSON mode sends the payload as written', async ({ page }) => {
    await page.goto('/actions/create_product');
    await field(page, 'name').fill('Desk');
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByLabel('Payload (JSON object)');
    await expect(json).toHaveValue(/"name": "Desk"/);

    await json.fill('{"name": "Desk"');
    await page.getByRole('button', { name: 'Fire action' }).click();
    await expect(page.getByText(/Payload is not valid JSON/)).toBeVisible();
    await json.fill('{"name": "Desk", "price": 120.5, "stock": 0}');
    await page.getByRole('button', { name: 'Fire action' }).click();

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Success');
    await expect(result).toContainText('"price": 120.5');
    await page.getByRole('tab', { name: 'Fields' }).click();
    await expect(field(page, 'stock')).toHaveValue('0');
  });

  test('[TEST-FIRE][DRY_RUN]: with Dry run on, a platform action answers what it would make and a plugin shows the request it would get', async ({
    page,
  }) => {
    await page.goto('/actions/create_product');
    await field(page, 'name').fill('Dry Lamp');
    await field(page, 'price').fill('12');
    const dryRun = page.getByRole('checkbox', { name: 'Dry run' });
    await dryRun.check();
    await page.getByRole('button', { name: 'Fire action' }).click();

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Dry run: nothing was done');
    await expect(result).toContainText('"name": "Dry Lamp"');
    await result.getByRole('link', { name: 'View in history' }).click();
    await expect(page.getByText('Dry run: nothing was done')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Redeliver' })).toHaveCount(0);

    await page.goto('/actions?plugin=warehouse');
    await page.getByRole('link', { name: /Reserve Stock/ }).click();
    await field(page, 'sku').fill('SKU-DRY');
    await field(page, 'quantity').fill('1');
    await page.getByRole('checkbox', { name: 'Dry run' }).check();
    await page.getByRole('button', { name: 'Fire action' }).click();
    await expect(result).toContainText('The plugin was not called');
    await expect(result).toContainText('"webhook-signature": "v1,<redacted>"');
    await expect(result).toContainText('"sku": "SKU-DRY"');
  });

  test('[TEST-FIRE][SCHEMA]: an input schema types the form; dispatch refuses a wrong type', async ({
    page,
  }) => {
    await page.goto('/actions?plugin=warehouse');
    await page.getByRole('link', { name: /Ship Parcel/ }).click();
    const control = (role: 'spinbutton' | 'combobox' | 'textbox', name: string) =>
      page.getByRole(role, { name: new RegExp(`^${name} (required|optional)$`) });
    await expect(control('combobox', 'service')).toHaveValue('"standard"');
    await expect(page.getByText('Your order number')).toBeVisible();
    await control('spinbutton', 'weight_kg').fill('2.5');
    await control('combobox', 'signature').selectOption('true');
    await control('textbox', 'reference').fill('1042');
    await page.getByRole('button', { name: 'Fire action' }).click();

    const result = page.getByTestId('event-result');
    await expect(result).toContainText('Success');
    // Typed as the schema says: a number, the default choice, a boolean, digits kept as text.
    await expect(result).toContainText('"weight_kg": 2.5');
    await expect(result).toContainText('"service": "standard"');
    await expect(result).toContainText('"signature": true');
    await expect(result).toContainText('"reference": "1042"');

    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByLabel('Payload (JSON object)').fill('{"weight_kg": "heavy"}');
    await page.getByRole('button', { name: 'Fire action' }).click();
    await expect(result).toContainText('INVALID_PAYLOAD');
    await expect(result).toContainText('payload.weight_kg: expected number, received "heavy"');
  });
});
