import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZPluginSlugSchema } from '@registry/contracts';

/** The SDK release the generated project asks for; a test keeps it equal to the SDK's version. */
export const SDK_VERSION_RANGE = '^0.1.0';

/** The project's files, with `__SLUG__` and `__SDK_RANGE__` to fill in (src/ and dist/ alike). */
const TEMPLATE = fileURLToPath(new URL('../template/', import.meta.url));
/** npm leaves `.gitignore` out of published packages: the template keeps it under this name. */
const RENAMED = new Map([['gitignore', '.gitignore']]);

/** Bad input: the message names the argument; nothing was written. */
export class InitPluginError extends Error {}

export interface InitPluginOptions {
  slug: string;
  /** Where to write the project; `./<slug>` when omitted. It must not exist, or be empty. */
  dir?: string;
}

/** Writes a runnable plugin project; returns its folder and the files written. */
export function initPlugin({ slug, dir }: InitPluginOptions): { dir: string; files: string[] } {
  const parsed = ZPluginSlugSchema.safeParse(slug);
  if (!parsed.success) {
    throw new InitPluginError(`<slug> "${slug}" ${parsed.error.issues[0]?.message}`);
  }
  const target = resolve(dir ?? slug);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new InitPluginError(`--dir ${target} exists and is not empty`);
  }
  const files = templateFiles(TEMPLATE).map((source) => {
    const name = relative(TEMPLATE, source);
    return { name: RENAMED.get(name) ?? name, text: fill(readFileSync(source, 'utf8'), slug) };
  });
  for (const { name, text } of files) {
    mkdirSync(dirname(join(target, name)), { recursive: true });
    writeFileSync(join(target, name), text);
  }
  return { dir: target, files: files.map(({ name }) => name) };
}

function fill(text: string, slug: string): string {
  return text.replaceAll('__SLUG__', slug).replaceAll('__SDK_RANGE__', SDK_VERSION_RANGE);
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
