import { resolve } from 'node:path';

export { webDir } from './web-server';

/**
 * Node flags of the production server. A bounded old generation makes V8 collect the garbage
 * of each request early instead of growing the heap toward its default limit: measured by
 * `pnpm bench`, peak RSS under load stays under 400 MB instead of passing 600 MB. Node 24's
 * young generation grows far larger than Node 20's: under the bench's single-event load it
 * took peak RSS from 273 MB (`--max-semi-space-size=16`) to 347-355 MB, at the same
 * throughput (768 and 768 requests/s, same machine, back to back).
 */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=16'];

/** `node` arguments that run the app (production build, or `next dev` with `dev`). */
export function webServerArgs(options: { dev: boolean; port: number; host: string }): string[] {
  return [
    ...(options.dev ? [] : PRODUCTION_NODE_FLAGS),
    '--import',
    'tsx',
    resolve(import.meta.dirname, 'main.ts'),
    ...(options.dev ? ['--dev'] : []),
    '--port',
    String(options.port),
    '--hostname',
    options.host,
  ];
}
