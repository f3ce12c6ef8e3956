import { afterAll } from 'vitest';
import { type PluginRoute, startPluginServer, type TestPluginServer } from './plugin-server';

/** A plugin server (see `startPluginServer`) that serves the whole test file and closes after it. */
export async function pluginServerForFile(
  routes: Record<string, PluginRoute>,
  host?: string,
): Promise<TestPluginServer> {
  const server = await startPluginServer(routes, host);
  afterAll(() => server.close());
  return server;
}
