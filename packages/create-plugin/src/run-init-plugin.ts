import { InitPluginError, initPlugin } from './init-plugin';

/**
 * The command both entry points run (`pnpm registry init-plugin`, `npm init @registry/plugin`):
 * writes the project and says what to do next; bad input is one line on stderr and exit 2.
 */
export function runInitPlugin(usage: string, slug: string | undefined, dir?: string): number {
  if (!slug) {
    console.error(`missing <slug>\n${usage}`);
    return 2;
  }
  try {
    const created = initPlugin({ slug, dir });
    console.log(`Created plugin project "${slug}" in ${created.dir}: ${created.files.join(', ')}`);
    console.log(`\nNext:\n  cd ${created.dir}\n  npm install\n  npm test\n`);
    console.log('Then create, start and validate it against a registry: see its README.md.');
    return 0;
  } catch (error) {
    if (!(error instanceof InitPluginError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
}
