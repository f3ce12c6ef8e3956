/**
 * `pnpm bench [--quick]`: measures dispatch and discovery of the production build on a real
 * PostgreSQL against direct calls and the seed's algorithm, side by side in one run, and prints
 * one table (also bench/results/*.json; a full run also rewrites bench/README.md's table).
 */
import { resolve } from 'node:path';
import { DEFAULT_TENANT_ID } from '@registry/db';
import type { BenchContext, Figure } from './bench-context';
import { benchPluginIds, createBenchDatabase, resizeRegistry } from './bench-database';
import { startMockPlugins } from './mock-plugin';
import { updateReadme } from './readme';
import { startReferenceServers } from './reference/reference-servers';
import { startRegistryServer } from './registry-server';
import { buildReport, renderTable, writeResults } from './report';
import { benchAsyncDelivery } from './scenarios/async-delivery';
import { benchBatchDispatch } from './scenarios/batch-dispatch';
import { benchIsolation } from './scenarios/isolation';
import { benchRegistrySizes } from './scenarios/registry-size';
import { benchSingleEvent } from './scenarios/single-event';

const quick = process.argv.includes('--quick');
const benchDir = resolve(import.meta.dirname, '..');
const started = performance.now();
const concurrency = 50;
const log = (message: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);

const database = await createBenchDatabase();
const plugins = await startMockPlugins(9, 1);
const registry = await startRegistryServer(database.url, {
  DISPATCH_CONCURRENCY: String(concurrency),
});
const references = await startReferenceServers(plugins.fast[0] as string, database.url);
const context: BenchContext = {
  quick,
  database,
  tenantId: DEFAULT_TENANT_ID,
  registry,
  plugins,
  seconds: quick ? 3 : 10,
  rounds: quick ? 1 : 3,
  concurrency,
  log,
};

const figures: Figure[] = [];
try {
  await resizeRegistry(database.pool, context.tenantId, 1, plugins.fast[0] as string);
  const [pluginId] = await benchPluginIds(database.pool, context.tenantId);
  if (!pluginId) throw new Error('no bench plugin');
  log('batch dispatch');
  figures.push(...(await benchBatchDispatch(context, pluginId)));
  log('single-event requests');
  figures.push(...(await benchSingleEvent(context, pluginId, references)));
  log('registry sizes');
  figures.push(
    ...(await benchRegistrySizes(context, quick ? [1, 100, 1000] : [1, 100, 1000, 10_000])),
  );
  // Before isolation: its hanging plugins' events go on retrying in the worker afterwards.
  log('async delivery');
  figures.push(...(await benchAsyncDelivery(context)));
  log('isolation');
  figures.push(...(await benchIsolation(context)));
} finally {
  await registry.stop();
  await references.stop();
  await plugins.stop();
  await database.drop();
}

const report = buildReport(figures, quick ? 'quick' : 'full', (performance.now() - started) / 1000);
const table = renderTable(figures);
console.log(`\n${table}\n`);
console.log(
  `${report.mode} run, ${report.durationSeconds} s, ${report.machine.cores} cores, Node ${report.machine.node}, commit ${report.commit}`,
);
console.log(`JSON: ${writeResults(report, benchDir)}`);
if (!quick) updateReadme(benchDir, report, table);
