import type { PluginCircuit } from '@registry/contracts';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface DispatchMetrics {
  /** The Prometheus registry `/api/metrics` serves. */
  registry: Registry;
  eventFinished(actionType: string, plugin: string, outcome: string): void;
  attemptFinished(plugin: string, outcome: string, durationMs: number): void;
  retryScheduled(plugin: string, reason: string): void;
  circuitChanged(plugin: string, state: PluginCircuit['state']): void;
  /** A plugin answered successfully with a body its action's `output_schema` refuses. */
  outputMismatched(actionType: string, plugin: string): void;
}

/** Circuit states as gauge values, so an alert can fire on `> 0`. */
const CIRCUIT_VALUES: Record<PluginCircuit['state'], number> = {
  closed: 0,
  half_open: 1,
  open: 2,
};

/**
 * The dispatcher's Prometheus metrics, in a registry of its own (one per RegistryDeps, so tests
 * never share counters). `plugin` is the plugin's slug, or `platform` for built-in actions;
 * `outcome` is `success` or the event's error code.
 */
export function createDispatchMetrics(): DispatchMetrics {
  const registry = new Registry();
  const events = new Counter({
    name: 'registry_dispatched_events_total',
    help: 'Automation events dispatched, by action, plugin and outcome',
    labelNames: ['action_type', 'plugin', 'outcome'],
    registers: [registry],
  });
  const attempts = new Histogram({
    name: 'registry_plugin_attempt_duration_seconds',
    help: 'Duration of each call to a plugin, by plugin and outcome',
    labelNames: ['plugin', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'registry_plugin_retries_total',
    help: 'Plugin calls retried, by plugin and the reason of the failed attempt',
    labelNames: ['plugin', 'reason'],
    registers: [registry],
  });
  const circuits = new Gauge({
    name: 'registry_plugin_circuit_state',
    help: 'Circuit breaker state per plugin in this process: 0 closed, 1 half-open, 2 open',
    labelNames: ['plugin'],
    registers: [registry],
  });
  const mismatches = new Counter({
    name: 'registry_output_mismatches_total',
    help: "Successful plugin answers that broke their action's output_schema, by action and plugin",
    labelNames: ['action_type', 'plugin'],
    registers: [registry],
  });
  return {
    registry,
    eventFinished: (action_type, plugin, outcome) => events.inc({ action_type, plugin, outcome }),
    attemptFinished: (plugin, outcome, durationMs) =>
      attempts.observe({ plugin, outcome }, durationMs / 1000),
    retryScheduled: (plugin, reason) => retries.inc({ plugin, reason }),
    circuitChanged: (plugin, state) => circuits.set({ plugin }, CIRCUIT_VALUES[state]),
    outputMismatched: (action_type, plugin) => mismatches.inc({ action_type, plugin }),
  };
}
