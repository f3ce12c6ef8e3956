import { DEFAULT_TENANT_ID } from '@registry/db';
import { request } from 'undici';
import { pluginEvent } from './bench-context';
import { benchPluginIds, createBenchDatabase, resizeRegistry } from './bench-database';
import { runLoad } from './load';
import { startMockPlugins } from './mock-plugin';
import { startRegistryServer } from './registry-server';

const database = await createBenchDatabase();
const plugins = await startMockPlugins(1);
const registry = await startRegistryServer(database.url, {
  NODE_OPTIONS: '--require /tmp/mem-hook.cjs --max-old-space-size=192',
});
await resizeRegistry(database.pool, DEFAULT_TENANT_ID, 1, plugins.fast[0] as string);
const [id] = await benchPluginIds(database.pool, DEFAULT_TENANT_ID);
const url = `${registry.url}/api/plugins/events/automation`;
const body = JSON.stringify({ events: [pluginEvent(id as string, 1)] });
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  const r = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await r.body.text();
  console.log('seq', (performance.now() - t).toFixed(1), 'ms');
}
for (const path of ['/api/plugins/actions?plugin=platform', '/']) {
  const t = performance.now();
  const r = await request(registry.url + path);
  await r.body.text();
  console.log(path, (performance.now() - t).toFixed(1));
}
const load = await runLoad({
  url,
  body: () => JSON.parse(body),
  connections: Number(process.env.CONN ?? 50),
  seconds: 20,
});
console.log('load', load);
await registry.stop();
await plugins.stop();
await database.drop();
