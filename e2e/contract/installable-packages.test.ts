import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreatedPlugin } from '@registry/contracts';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  npmInstall,
  outsideFolder,
  packPublishedPackages,
  runIn,
} from '../support/installed-packages';
import { type ProductProcess, spawnProcess } from '../support/processes';
import { runRegistryCli } from '../support/registry-cli';
import { type RunningProduct, repoRoot, startProduct } from '../support/running-product';

let product: RunningProduct;
/** Where the tarballs and both projects live, outside the workspace; removed afterwards. */
let outside: ReturnType<typeof outsideFolder>;
let tarballs: Awaited<ReturnType<typeof packPublishedPackages>>;
/** A project of a plugin author's: the fixtures, with every packed package installed by npm. */
let installed: string;
let plugin: ProductProcess | undefined;
/** Where the installed plugin listens, allowed as a developer allows theirs. */
let port: number;

beforeAll(async () => {
  port = await freePort();
  outside = outsideFolder();
  installed = join(outside.dir, 'installed');
  const install = async () => {
    tarballs = await packPublishedPackages(outside.dir);
    cpSync(resolve(repoRoot, 'e2e/fixtures/installed-packages'), installed, { recursive: true });
    writeFileSync(join(installed, 'package.json'), '{ "type": "module", "private": true }\n');
    // One install for both checks: every tarball, and what the fixtures import from npm.
    await npmInstall(installed, [...Object.values(tarballs), 'zod@4', '@types/node@24']);
  };
  [product] = await Promise.all([
    startProduct({ allowedAddresses: `127.0.0.1:${port}` }),
    install(),
  ]);
}, 300_000);
afterAll(async () => {
  await plugin?.stop();
  await product?.stop();
  outside?.remove();
});

describe('the SDK and the client, packed and installed with npm outside the workspace', () => {
  it('[PACKAGES][TYPES]: a plugin and a client type-check against them; wrong calls do not', async () => {
    const checked = await runIn(installed, resolve(repoRoot, 'node_modules/.bin/tsc'), ['-p', '.']);
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
      cwd: installed,
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

    const fired = await runIn(installed, process.execPath, ['client.ts'], {
      REGISTRY_URL: product.baseUrl,
    });
    expect(fired.stderr).not.toMatch(/Error/);
    expect(JSON.parse(fired.stdout)).toEqual({ success: true, sum: 42 });
  });
});

describe('init-plugin: a plugin project outside the repo, with the packed SDK', () => {
  let project: string;
  beforeAll(() => {
    project = join(outside.dir, 'greeter');
  });

  it('[INIT][INPUT]: pnpm registry init-plugin refuses an invalid slug by name, writing nothing', async () => {
    const refused = await runRegistryCli(['init-plugin', 'Greeter!', '--dir', project]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('<slug> "Greeter!" must contain only lowercase letters');
    expect(existsSync(project)).toBe(false);
  });

  it('[INIT][PROJECT]: the published entry point writes a project that passes its test and type check', async () => {
    // The published entry point (npm init @registry/plugin), installed from its tarball.
    const created = await runIn(installed, 'npx', ['create-plugin', 'greeter', '--dir', project]);
    expect(created.stdout).toContain(`Created plugin project "greeter" in ${project}`);
    expect(created.code).toBe(0);
    // Until the SDK is on npm, the packed one stands in for the range package.json asks for.
    await npmInstall(project, [tarballs.contracts, tarballs['plugin-sdk']]);

    const tested = await runIn(project, 'npm', ['test']);
    expect(tested.stdout).toMatch(/pass 3\n.*fail 0/);
    expect(tested.code).toBe(0);
    const typed = await runIn(project, 'npm', ['run', 'typecheck']);
    expect(typed.code).toBe(0);
    // Registered, verified, validated and fired: plugin-development-guide.test.ts, as the guide says.
  }, 180_000);
});
