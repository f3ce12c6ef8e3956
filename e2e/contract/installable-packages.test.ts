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
const plugins: ProductProcess[] = [];
/** Where the installed plugin and the generated one listen, allowed as developers allow theirs. */
let ports: { installed: number; generated: number };

beforeAll(async () => {
  ports = { installed: await freePort(), generated: await freePort() };
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
    startProduct({
      allowedAddresses: `127.0.0.1:${ports.installed},127.0.0.1:${ports.generated}`,
    }),
    install(),
  ]);
}, 300_000);
afterAll(async () => {
  await Promise.all(plugins.map((plugin) => plugin.stop()));
  await product?.stop();
  outside?.remove();
});

/** Creates a plugin as an administrator does (protected local mode): its key and secret. */
async function createPlugin(slug: string, port: number): Promise<CreatedPlugin> {
  const response = await fetch(`${product.baseUrl}/api/plugins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: slug, slug, api_endpoint: `http://127.0.0.1:${port}` }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { plugin: CreatedPlugin }).plugin;
}

/** Starts a plugin's server with its credentials; resolves once the registry has verified it. */
async function startPlugin(
  command: string,
  args: string[],
  cwd: string,
  plugin: CreatedPlugin,
  port: number,
) {
  const started = spawnProcess(plugin.slug, args, {
    command,
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      PLUGIN_SIGNING_SECRET: plugin.signing_secret,
      PLUGIN_API_KEY: plugin.api_key,
      REGISTRY_URL: product.baseUrl,
    },
  });
  plugins.push(started);
  await started.waitForOutput(/Endpoint verified/, 30_000);
  return started;
}

describe('the SDK and the client, packed and installed with npm outside the workspace', () => {
  it('[PACKAGES][TYPES]: a plugin and a client type-check against them; wrong calls do not', async () => {
    const checked = await runIn(installed, resolve(repoRoot, 'node_modules/.bin/tsc'), ['-p', '.']);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
  });

  it('[PACKAGES][RUN]: the plugin registers and proves its endpoint; the client fires it', async () => {
    const tally = await createPlugin('tally', ports.installed);
    const plugin = await startPlugin(
      process.execPath,
      ['plugin.ts'],
      installed,
      tally,
      ports.installed,
    );
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

  it('[INIT][PROJECT]: the generated plugin passes its own test, then registers, verifies and validates', async () => {
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

    const greeter = await createPlugin('greeter', ports.generated);
    const plugin = await startPlugin('npm', ['start'], project, greeter, ports.generated);
    expect(plugin.output()).toContain('Registered 1 action for plugin: greeter');
    // As its README says: the registry calls the plugin, with the secret it holds.
    const validation = await runRegistryCli([
      'validate-plugin',
      'greeter',
      '--url',
      product.baseUrl,
    ]);
    expect(validation.stdout).toContain('All 1 actions passed.');
    expect(validation.code).toBe(0);
  });
});
