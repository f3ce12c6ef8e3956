import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenWithCli } from '../support/registry-cli';
import { runSeedScript } from '../support/run-script';
import { type RunningProduct, startProduct } from '../support/running-product';

let product: RunningProduct;
let curlHome: string;
beforeAll(async () => {
  product = await startProduct();
  curlHome = mkdtempSync(join(tmpdir(), 'curl-home-'));
});
afterAll(async () => {
  await product?.stop();
  rmSync(curlHome, { recursive: true, force: true });
});

describe('the seed document once admin tokens are configured', () => {
  it('[SEED][TOKEN]: its script is refused without the token and passes with it', async () => {
    const token = await createTokenWithCli(product.baseUrl, 'seed-contract');

    const refused = await runSeedScript('test-plugin-actions.sh', product.baseUrl);
    expect(refused).toContain('null'); // jq '.message' of a 401 body

    // The scripts stay verbatim: curl reads the Authorization header from its config file.
    writeFileSync(join(curlHome, '.curlrc'), `header = "Authorization: Bearer ${token}"\n`);
    const output = await runSeedScript('test-plugin-actions.sh', product.baseUrl, {
      CURL_HOME: curlHome,
    });
    expect(output).toContain('"Registered 1 action for plugin: email-automation"');
    expect(output).toMatch(/"successful": 2/);
    expect(output).not.toContain('null');
  });
});
