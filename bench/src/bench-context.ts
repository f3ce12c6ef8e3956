import type { BenchDatabase } from './bench-database';
import type { MockPlugins } from './mock-plugin';
import type { RegistryServer } from './registry-server';

/** What every scenario works with, and how long it may take. */
export interface BenchContext {
  quick: boolean;
  database: BenchDatabase;
  tenantId: string;
  registry: RegistryServer;
  plugins: MockPlugins;
  /** Seconds of each load run. */
  seconds: number;
  /** Rounds of each side-by-side comparison. */
  rounds: number;
  /** Concurrency the registry dispatches with, and the direct comparisons use. */
  concurrency: number;
  log(message: string): void;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  note?: string;
}

export function automationUrl(context: BenchContext): string {
  return `${context.registry.url}/api/plugins/events/automation`;
}

export function pluginEvent(pluginId: string, n: number) {
  return {
    action_type: 'bench_action_1',
    plugin_id: pluginId,
    payload: { user_id: `user_${n}`, note: 'benchmark' },
  };
}
