#!/usr/bin/env -S node --import tsx
/**
 * `pnpm registry <command>`: operator commands.
 *   token create --name <name>   a new admin token (its secret is printed once);
 *                                `--expires-in 30d` (m, h, d) makes it expire
 *   token list                   the tenant's tokens
 *   token revoke <id>            revoke a token at once
 *   validate-plugin <slug>       call each registered action of a plugin with valid and invalid
 *                                payloads; exits 1 unless every check passes
 *   diff <slug> <file|url>       what registering a body would change and break, registering
 *                                nothing; exits 1 if it would be refused, 2 if it cannot tell
 *   init-plugin <slug>           write a runnable plugin project (--dir, default ./<slug>)
 * Options: --url <server> (default http://localhost:5173), --tenant <uuid> (with DATABASE_URL).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runInitPlugin } from '@registry/create-plugin';
import { runRegistryDiff } from './registry-diff/registry-diff-command';
import { openTokenStore } from './token-store';
import { runValidatePlugin } from './validate-plugin/validate-plugin-command';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    'expires-in': { type: 'string' },
    url: { type: 'string', default: process.env.REGISTRY_URL ?? 'http://localhost:5173' },
    tenant: { type: 'string' },
    secret: { type: 'string' },
    'timeout-ms': { type: 'string', default: '5000' },
    json: { type: 'boolean', default: false },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [group, command, argument] = positionals;

function usage(code: number): never {
  console.log(
    [
      'usage: pnpm registry token create --name <name> [--expires-in 30d] [--url <server>] [--tenant <uuid>]',
      '       pnpm registry token list',
      '       pnpm registry token revoke <token id>',
      '       pnpm registry validate-plugin <slug> [--secret whsec_...] [--timeout-ms 5000] [--json]',
      '       pnpm registry diff <slug> <registration.json | url> [--json]',
      '       pnpm registry init-plugin <slug> [--dir DIR]',
      '',
      'With DATABASE_URL the command writes to that database directly (use it to make the first',
      'token of a production deployment). Otherwise it calls the running server at --url, with',
      'the admin token in REGISTRY_TOKEN, or none while the server is in protected local mode.',
      '',
      'validate-plugin asks the registry to call the plugin, signed with the secret the registry',
      'holds and under its URL policy (--timeout-ms does not apply; actions keep their own, and',
      'no call waits longer than PLUGIN_TIMEOUT_MAX_MS, 30 s by default).',
      'With PLUGIN_SIGNING_SECRET (or --secret) this machine calls the plugin itself, at public',
      "addresses, those in PLUGIN_ALLOWED_ADDRESSES, and this machine's loopback when --url is on it.",
      '',
      'diff previews a registration body (a JSON file, or a URL answering it to GET, such as a',
      "plugin-sdk plugin's <api_endpoint>/.well-known/registry-registration) against the plugin's",
      'registered set, storing nothing; REGISTRY_TOKEN may be an admin token or the plugin key.',
      'Exits 0 if registering it would be accepted, 1 if refused, 2 if it could not tell.',
    ].join('\n'),
  );
  process.exit(code);
}

if (values.help) usage(0);
if (group === 'init-plugin') {
  // pnpm runs scripts from the workspace root: a relative --dir is taken from where it was typed.
  const from = process.env.INIT_CWD ?? process.cwd();
  const dir = command ? resolve(from, values.dir ?? command) : undefined;
  process.exit(runInitPlugin('usage: pnpm registry init-plugin <slug> [--dir DIR]', command, dir));
}
if (group === 'validate-plugin') {
  const timeoutMs = Number(values['timeout-ms']);
  if (!command || !(timeoutMs > 0)) usage(2);
  try {
    process.exitCode = await runValidatePlugin({
      url: values.url,
      slug: command,
      secret: values.secret,
      timeoutMs,
      json: values.json,
    });
  } catch (error) {
    console.error(`registry validate-plugin: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
  process.exit();
}
if (group === 'diff') {
  const timeoutMs = Number(values['timeout-ms']);
  if (!command || !argument || !(timeoutMs > 0)) usage(2);
  try {
    const options = { url: values.url, slug: command, source: argument, json: values.json };
    process.exitCode = await runRegistryDiff({ ...options, timeoutMs });
  } catch (error) {
    console.error(`registry diff: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
  process.exit();
}
if (group !== 'token') usage(2);
const store = openTokenStore({ url: values.url, tenant: values.tenant });
try {
  if (command === 'create') {
    if (!values.name) usage(2);
    const created = await store.create(values.name, values['expires-in']);
    console.log(`Created admin token "${created.name}" (${created.id}) via ${store.where}.`);
    console.log(created.expires_at ? `It expires at ${created.expires_at}.` : 'It never expires.');
    console.log('Keep it now; it is not shown again:\n');
    console.log(`  ${created.token}\n`);
    console.log(
      'Protected local mode is now off: requests need this token (Authorization: Bearer …).',
    );
  } else if (command === 'list') {
    for (const token of await store.list()) {
      const state = tokenState(token);
      console.log(`${token.id}  ${token.prefix.padEnd(18)} ${token.name}  (${state})`);
    }
  } else if (command === 'revoke' && argument) {
    const revoked = await store.revoke(argument);
    console.log(`Revoked admin token "${revoked.name}" (${revoked.id}).`);
  } else {
    usage(2);
  }
} catch (error) {
  console.error(
    `registry token ${command}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await store.close();
}

function tokenState(token: { revoked_at: string | null; expires_at: string | null }): string {
  if (token.revoked_at) return `revoked ${token.revoked_at}`;
  if (!token.expires_at) return 'active';
  const verb = Date.parse(token.expires_at) <= Date.now() ? 'expired' : 'active, expires';
  return `${verb} ${token.expires_at}`;
}
