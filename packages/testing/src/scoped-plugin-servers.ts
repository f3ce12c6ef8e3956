import { afterAll, onTestFinished } from 'vitest';
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

/** A plugin server (see `startPluginServer`) for the running test, closed when it finishes. */
export async function pluginServerForTest(
  routes: Record<string, PluginRoute>,
  host?: string,
): Promise<TestPluginServer> {
  const server = await startPluginServer(routes, host);
  onTestFinished(() => server.close());
  return server;
}
