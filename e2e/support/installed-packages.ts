import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './running-product';

const run = promisify(execFile);

/** What the workspace publishes. */
const PUBLISHED = ['contracts', 'plugin-sdk', 'client', 'create-plugin'] as const;
type Published = (typeof PUBLISHED)[number];

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A folder under the system's temporary directory, outside the workspace: nothing there
 * resolves through it. `remove()` deletes it with everything in it.
 */
export function outsideFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'registry-outside-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Packs the published packages as `pnpm publish` would send them (prepack builds dist/,
 * publishConfig points exports at it, `workspace:^` becomes a version range) into `dir`;
 * returns each tarball's path.
 */
export async function packPublishedPackages(dir: string): Promise<Record<Published, string>> {
  const tarballs = join(dir, 'tarballs');
  const filters = PUBLISHED.flatMap((name) => ['--filter', `@registry/${name}`]);
  const packing = await runIn(repoRoot, 'pnpm', [
    ...filters,
    '-r',
    'pack',
    '--pack-destination',
    tarballs,
  ]);
  if (packing.code !== 0) throw new Error(`pnpm pack failed:\n${packing.stdout}${packing.stderr}`);
  const packed = readdirSync(tarballs);
  const path = (name: Published) => {
    const file = packed.find((tarball) => tarball.startsWith(`registry-${name}-`));
    if (!file) throw new Error(`pnpm pack wrote no tarball of @registry/${name}: ${packed}`);
    return join(tarballs, file);
  };
  return Object.fromEntries(PUBLISHED.map((name) => [name, path(name)])) as Record<
    Published,
    string
  >;
}

/** `npm install` of tarballs and registry packages in `dir`; fails with npm's own output. */
export async function npmInstall(dir: string, specs: string[]): Promise<void> {
  const installed = await runIn(dir, 'npm', ['install', '--no-audit', '--no-fund', ...specs]);
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
}

/** Runs a command in `cwd`: its exit code and output (never throws on a nonzero exit). */
export async function runIn(
  cwd: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
