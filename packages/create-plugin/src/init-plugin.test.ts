import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InitPluginError, initPlugin, SDK_VERSION_RANGE } from './init-plugin';

const made: string[] = [];
function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'init-plugin-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('initPlugin', () => {
  it('[INIT][FILES]: writes a project named after the slug, asking for the current SDK', () => {
    const dir = join(emptyFolder(), 'greeter');

    const created = initPlugin({ slug: 'greeter', dir });

    expect(created.files.sort()).toEqual(
      [
        '.gitignore',
        'README.md',
        'package.json',
        'src/main.ts',
        'src/plugin.test.ts',
        'src/plugin.ts',
        'tsconfig.json',
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('greeter');
    expect(manifest.dependencies['@registry/plugin-sdk']).toBe(SDK_VERSION_RANGE);
    expect(readFileSync(join(dir, 'src/plugin.ts'), 'utf8')).toContain("slug: 'greeter'");
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).not.toContain('__');
  });

  it('[INIT][VERSION]: the SDK range asked for is the SDK release in this repository', () => {
    const sdk = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../plugin-sdk/package.json'), 'utf8'),
    );
    expect(SDK_VERSION_RANGE).toBe(`^${sdk.version}`);
  });

  it('[INIT][INPUT]: an invalid slug is refused by name, and nothing is written', () => {
    const parent = emptyFolder();
    const dir = join(parent, 'project');
    expect(() => initPlugin({ slug: 'Hello World', dir })).toThrow(
      new InitPluginError(
        '<slug> "Hello World" must contain only lowercase letters, digits and "-", and start and end with a letter or digit',
      ),
    );
    expect(() => initPlugin({ slug: 'events', dir })).toThrow(/<slug> "events" is reserved/);
    expect(existsSync(dir)).toBe(false);
  });

  it('[INIT][INPUT]: a folder that is not empty is refused by name, and left as it was', () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => initPlugin({ slug: 'greeter', dir })).toThrow(
      new InitPluginError(`--dir ${dir} exists and is not empty`),
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('[INIT][INPUT]: an empty folder is used', () => {
    const dir = emptyFolder();
    expect(initPlugin({ slug: 'greeter', dir }).dir).toBe(dir);
    expect(existsSync(join(dir, 'src/plugin.ts'))).toBe(true);
  });
});
