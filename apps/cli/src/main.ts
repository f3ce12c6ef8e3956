#!/usr/bin/env -S node --import tsx
/**
 * `pnpm registry <command>`: operator commands.
 *   token create --name <name>   a new admin token (its secret is printed once)
 *   token list                   the tenant's tokens
 *   token revoke <id>            revoke a token at once
 * Options: --url <server> (default http://localhost:5173), --tenant <uuid> (with DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { openTokenStore } from './token-store';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    url: { type: 'string', default: process.env.REGISTRY_URL ?? 'http://localhost:5173' },
    tenant: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [group, command, argument] = positionals;

function usage(code: number): never {
  console.log(
    [
      'usage: pnpm registry token create --name <name> [--url <server>] [--tenant <uuid>]',
      '       pnpm registry token list',
      '       pnpm registry token revoke <token id>',
      '',
      'With DATABASE_URL the command writes to that database directly (use it to make the first',
      'token of a production deployment). Otherwise it calls the running server at --url, with',
      'the admin token in REGISTRY_TOKEN, or none while the server is in protected local mode.',
    ].join('\n'),
  );
  process.exit(code);
}

if (values.help || group !== 'token') usage(values.help ? 0 : 2);
const store = openTokenStore({ url: values.url, tenant: values.tenant });
try {
  if (command === 'create') {
    if (!values.name) usage(2);
    const created = await store.create(values.name);
    console.log(`Created admin token "${created.name}" (${created.id}) via ${store.where}.`);
    console.log('Keep it now; it is not shown again:\n');
    console.log(`  ${created.token}\n`);
    console.log(
      'Protected local mode is now off: requests need this token (Authorization: Bearer …).',
    );
  } else if (command === 'list') {
    for (const token of await store.list()) {
      const state = token.revoked_at ? `revoked ${token.revoked_at}` : 'active';
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
