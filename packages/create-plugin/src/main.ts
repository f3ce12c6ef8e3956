#!/usr/bin/env node
/** `npm init @registry/plugin <slug> [--dir DIR]`: the same command as `pnpm registry init-plugin`. */
import { parseArgs } from 'node:util';
import { runInitPlugin } from './run-init-plugin';

const usage = 'usage: npm init @registry/plugin <slug> [--dir DIR]';
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: 'string' } },
  });
  process.exitCode = runInitPlugin(usage, positionals[0], values.dir);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exitCode = 2;
}
