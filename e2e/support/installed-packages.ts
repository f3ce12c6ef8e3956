import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './running-product';

const run = promisify(execFile);

/** What the workspace publishes, in the order their dependencies need. */
const PUBLISHED = ['packages/contracts', 'packages/plugin-sdk', 'packages/client'];

/** A project of a plugin author's own, outside the workspace, with the packages from npm. */
export interface OutsideProject {
  dir: string;
  /** Runs a command there: its exit code and output (never throws on a nonzero exit). */
  run(command: string, args: string[], env?: Record<string, string>): Promise<CommandResult>;
  remove(): void;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Packs the published packages as `pnpm publish` would send them (prepack builds dist/,
 * publishConfig points exports at it, `workspace:^` becomes a version range), and installs the
 * tarballs with npm, beside `dependencies` from the npm registry, into a folder under the
 * system's temporary directory: nothing resolves through the workspace.
 */
export async function installPackedPackages(
  fixtures: string,
  dependencies: string[],
): Promise<OutsideProject> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-outside-'));
  const project: OutsideProject = {
    dir,
    run: (command, args, env = {}) => runIn(dir, command, args, env),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  try {
    cpSync(fixtures, dir, { recursive: true });
    const tarballs = join(dir, 'tarballs');
    for (const pkg of PUBLISHED) {
      await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: resolve(repoRoot, pkg) });
    }
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ type: 'module', private: true })}\n`,
    );
    const packed = readdirSync(tarballs).map((name) => join(tarballs, name));
    const installed = await project.run('npm', [
      'install',
      '--no-audit',
      '--no-fund',
      ...packed,
      ...dependencies,
    ]);
    if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
  } catch (error) {
    project.remove();
    throw error;
  }
  return project;
}

async function runIn(
  cwd: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
