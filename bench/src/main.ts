/**
 * `pnpm bench [--quick] [--only <scenario>] [--sizes <n,n,...>]`: measures dispatch and
 * discovery of the production build on a real PostgreSQL against direct calls and the seed's
 * algorithm, side by side in one run, and prints one table (also bench/results/*.json; a full
 * run also rewrites bench/README.md's table). `--only` runs one scenario (SCENARIOS' names),
 * `--sizes` sets the registry sizes in plugins; either makes the run partial.
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

const SCENARIOS = ['batch', 'single-event', 'registry-size', 'async', 'isolation'] as const;
const quick = process.argv.includes('--quick');
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const only = option('--only');
if (only !== undefined && !SCENARIOS.includes(only as (typeof SCENARIOS)[number])) {
  throw new Error(`--only takes one of ${SCENARIOS.join(', ')}; got ${only}`);
}
const sizes =
  option('--sizes')?.split(',').map(Number) ?? (quick ? [1, 100, 1000] : [1, 100, 1000, 10_000]);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  throw new Error('--sizes takes plugin counts, e.g. --sizes 1,10000');
}
const partial = only !== undefined || option('--sizes') !== undefined;
const runs = (scenario: (typeof SCENARIOS)[number]) => only === undefined || only === scenario;
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
  if (runs('batch')) {
    log('batch dispatch');
    figures.push(...(await benchBatchDispatch(context, pluginId)));
  }
  if (runs('single-event')) {
    log('single-event requests');
    figures.push(...(await benchSingleEvent(context, pluginId, references)));
  }
  if (runs('registry-size')) {
    log('registry sizes');
    figures.push(...(await benchRegistrySizes(context, sizes)));
  }
  // Before isolation: its hanging plugins' events go on retrying in the worker afterwards.
  if (runs('async')) {
    log('async delivery');
    figures.push(...(await benchAsyncDelivery(context)));
  }
  if (runs('isolation')) {
    log('isolation');
    figures.push(...(await benchIsolation(context)));
  }
} finally {
  await registry.stop();
  await references.stop();
  await plugins.stop();
  await database.drop();
}

const mode = partial ? 'partial' : quick ? 'quick' : 'full';
const report = buildReport(figures, mode, (performance.now() - started) / 1000);
const table = renderTable(figures);
console.log(`\n${table}\n`);
console.log(
  `${report.mode} run, ${report.durationSeconds} s, ${report.machine.cores} cores, Node ${report.machine.node}, commit ${report.commit}`,
);
console.log(`JSON: ${writeResults(report, benchDir)}`);
if (mode === 'full') updateReadme(benchDir, report, table);
