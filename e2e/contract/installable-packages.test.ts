import { resolve } from 'node:path';
import type { CreatedPlugin } from '@registry/contracts';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedPackages, type OutsideProject } from '../support/installed-packages';
import { type ProductProcess, spawnProcess } from '../support/processes';
import { type RunningProduct, repoRoot, startProduct } from '../support/running-product';

let product: RunningProduct;
let project: OutsideProject;
let plugin: ProductProcess | undefined;
/** Where the installed plugin listens, allowed as a developer allows theirs. */
let port: number;

beforeAll(async () => {
  port = await freePort();
  [product, project] = await Promise.all([
    startProduct({ allowedAddresses: `127.0.0.1:${port}` }),
    installPackedPackages(resolve(repoRoot, 'e2e/fixtures/installed-packages'), [
      'zod@4',
      '@types/node@24',
    ]),
  ]);
}, 300_000);
afterAll(async () => {
  await plugin?.stop();
  await product?.stop();
  project?.remove();
});

describe('the SDK and the client, packed and installed with npm outside the workspace', () => {
  it('[PACKAGES][TYPES]: a plugin and a client type-check against them; wrong calls do not', async () => {
    const tsc = resolve(repoRoot, 'node_modules/.bin/tsc');
    const checked = await project.run(tsc, ['-p', 'tsconfig.json']);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
  });

  it('[PACKAGES][RUN]: the plugin registers and proves its endpoint; the client fires it', async () => {
    const created = await fetch(`${product.baseUrl}/api/plugins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Tally',
        slug: 'tally',
        api_endpoint: `http://127.0.0.1:${port}`,
      }),
    });
    const { plugin: tally } = (await created.json()) as { plugin: CreatedPlugin };

    plugin = spawnProcess('installed plugin', ['plugin.ts'], {
      command: process.execPath,
      cwd: project.dir,
      env: {
        ...process.env,
        PORT: String(port),
        PLUGIN_SIGNING_SECRET: tally.signing_secret,
        PLUGIN_API_KEY: tally.api_key,
        REGISTRY_URL: product.baseUrl,
      },
    });
    await plugin.waitForOutput(/Endpoint verified/, 30_000);
    expect(plugin.output()).toContain('Registered 1 action for plugin: tally');

    const fired = await project.run(process.execPath, ['client.ts'], {
      REGISTRY_URL: product.baseUrl,
    });
    expect(fired.stderr).not.toMatch(/Error/);
    expect(JSON.parse(fired.stdout)).toEqual({ success: true, sum: 42 });
  });
});
