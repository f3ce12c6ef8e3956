import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CreatedPlugin, DispatchResponse } from '@registry/contracts';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegistryCli } from '../support/registry-cli';
import { type RunningProduct, repoRoot, startProduct } from '../support/running-product';

const guide = readFileSync(resolve(repoRoot, 'docs/plugin-development.md'), 'utf8');

let product: RunningProduct;
let example: ChildProcess | undefined;
/** Where the example listens, allowed as the guide tells its reader to allow it. */
let port: number;
beforeAll(async () => {
  port = await freePort();
  product = await startProduct({ allowedAddresses: `127.0.0.1:${port}` });
});
afterAll(async () => {
  example?.kill('SIGTERM');
  await product?.stop();
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
});
