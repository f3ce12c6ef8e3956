import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreatedPlugin, DispatchResponse } from '@registry/contracts';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideFolder, runIn } from '../support/installed-packages';
import { type ProductProcess, spawnProcess } from '../support/processes';
import { runRegistryCli } from '../support/registry-cli';
import { type RunningProduct, repoRoot, startProduct } from '../support/running-product';

const guide = readFileSync(resolve(repoRoot, 'docs/plugin-development.md'), 'utf8');

let product: RunningProduct;
let example: ChildProcess | undefined;
/** Where the example listens, allowed as the guide tells its reader to allow it. */
let port: number;
/** The same for the project the guide's start writes outside the repo. */
let greeterPort: number;
let greeter: ProductProcess | undefined;
const outside = outsideFolder();
beforeAll(async () => {
  [port, greeterPort] = [await freePort(), await freePort()];
  product = await startProduct({
    allowedAddresses: `127.0.0.1:${port},127.0.0.1:${greeterPort}`,
  });
});
afterAll(async () => {
  example?.kill('SIGTERM');
  await greeter?.stop();
  await product?.stop();
  outside.remove();
});

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${product.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Starts the guide's example as its reader would, and waits for its last startup line. */
async function startExample(env: Record<string, string>): Promise<string> {
  const child = spawn(
    resolve(repoRoot, 'node_modules/.bin/tsx'),
    ['docs/examples/hello-plugin/src/main.ts'],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  example = child;
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`example did not start:\n${output}`)), 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (/Endpoint verified|Error/.test(output)) {
        clearTimeout(timer);
        done(output);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', () => fail(new Error(`example exited:\n${output}`)));
  });
}

describe('docs/plugin-development.md, followed step by step', () => {
  it('[GUIDE][CODE]: the code the guide shows is the example that runs', () => {
    for (const file of ['hello-plugin.ts', 'main.ts']) {
      const source = readFileSync(
        resolve(repoRoot, 'docs/examples/hello-plugin/src', file),
        'utf8',
      );
      expect(guide).toContain(`\`\`\`ts\n${source}\`\`\``);
    }
  });

  it('[GUIDE][EXAMPLE]: create, start (register and verify), validate, fire an event', async () => {
    const created = await api('POST', '/api/plugins', {
      name: 'Hello',
      slug: 'hello',
      api_endpoint: `http://127.0.0.1:${port}`,
    });
    expect(created.status).toBe(201);
    const plugin = created.body.plugin as CreatedPlugin;
    expect(plugin.status).toBe('pending_verification');

    const output = await startExample({
      PORT: String(port),
      PLUGIN_SIGNING_SECRET: plugin.signing_secret,
      PLUGIN_API_KEY: plugin.api_key,
      REGISTRY_URL: product.baseUrl,
    });
    expect(output).toContain('Registered 1 action for plugin: hello');
    expect(output).toContain('Endpoint verified; the plugin is active');
    expect((await api('GET', '/api/plugins/hello')).body.plugin).toMatchObject({
      status: 'active',
    });

    const validation = await runRegistryCli([
      'validate-plugin',
      'hello',
      '--url',
      product.baseUrl,
      '--secret',
      plugin.signing_secret,
    ]);
    expect(validation.stdout).toContain('All 1 actions passed.');
    expect(validation.code).toBe(0);

    // What the running example would register, previewed as the guide shows: what is registered.
    const document = `http://127.0.0.1:${port}/.well-known/registry-registration`;
    const diff = await runRegistryCli(['diff', 'hello', document, '--url', product.baseUrl]);
    expect(diff.stdout).toContain('  No changes.\n✓ Registering it would be accepted.');
    expect(diff.code).toBe(0);

    const fired = await api('POST', '/api/plugins/events/automation', {
      flow_execution_id: 'guide-example',
      events: [
        {
          action_type: 'send_greeting',
          plugin_id: plugin.id,
          payload: { name: 'Ada', language: 'fr' },
        },
        { action_type: 'send_greeting', plugin_id: plugin.id, payload: { name: 'Bob', times: 9 } },
        { action_type: 'send_greeting', plugin_id: plugin.id, payload: { name: 'nobody' } },
      ],
    });
    const { results, summary } = fired.body as unknown as DispatchResponse;
    expect(summary).toMatchObject({ total: 3, successful: 1, failed: 2 });
    expect(results[0]).toMatchObject({ success: true, result: { greeting: 'Bonjour, Ada!' } });
    // The registry checks the schema before calling; the handler's own refusal is a 422.
    expect(results[1]).toMatchObject({ success: false, error_code: 'INVALID_PAYLOAD' });
    expect(results[2]).toMatchObject({ success: false, error_code: 'HTTP_4XX', http_status: 422 });
  });

  it('[GUIDE][START]: init-plugin outside the repo, its test; then create, start, validate, fire', async () => {
    const start = /## Start[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    expect(start).toContain('pnpm registry init-plugin greeter --dir ../greeter');
    // As written, from the clone's root; the project goes to a temporary folder, not beside it.
    const project = join(outside.dir, 'greeter');
    const started = await runIn(repoRoot, 'bash', [
      '-e',
      '-c',
      start.replaceAll('../greeter', project),
    ]);
    expect(started.stdout).toMatch(/pass 3\n.*fail 0/);
    expect(started.code).toBe(0);

    const created = await api('POST', '/api/plugins', {
      name: 'greeter',
      slug: 'greeter',
      api_endpoint: `http://127.0.0.1:${greeterPort}`,
    });
    const plugin = created.body.plugin as CreatedPlugin;
    greeter = spawnProcess('greeter', ['start'], {
      command: 'npm',
      cwd: project,
      env: {
        ...process.env,
        PORT: String(greeterPort),
        PLUGIN_API_KEY: plugin.api_key,
        PLUGIN_SIGNING_SECRET: plugin.signing_secret,
        REGISTRY_URL: product.baseUrl,
      },
    });
    await greeter.waitForOutput(/Endpoint verified; the plugin is active/, 30_000);

    // The guide's mode: the registry calls the plugin with the secret it holds.
    const validation = await runRegistryCli([
      'validate-plugin',
      'greeter',
      '--url',
      product.baseUrl,
    ]);
    expect(validation.stdout).toContain('All 1 actions passed.');
    expect(validation.code).toBe(0);

    const fired = await api('POST', '/api/plugins/events/automation', {
      events: [{ action_type: 'say_hello', payload: { name: 'Ada' } }],
    });
    const { results } = fired.body as unknown as DispatchResponse;
    expect(results[0]).toMatchObject({
      success: true,
      result: { success: true, message: 'Hello, Ada!' },
    });
    // pnpm pack builds the SDK, npm installs from the registry: minutes on a busy machine.
  }, 240_000);
});
