import type { PluginCircuit } from '@registry/contracts';
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhenResult,
} from 'cockatiel';
import type { DeliveryResult } from './deliver-plugin-event';
import { isTransientFailure } from './retry-policy';

export interface CircuitSettings {
  circuitThreshold: number;
  circuitCooldownMs: number;
}

export interface CircuitPlugin {
  id: string;
  slug: string;
  tenantId: string;
}

export interface PluginCircuits {
  /** Delivers through the plugin's breaker; undefined when the open breaker refused the call. */
  run(
    plugin: CircuitPlugin,
    deliver: () => Promise<DeliveryResult>,
  ): Promise<DeliveryResult | undefined>;
  get(pluginId: string): PluginCircuit | undefined;
  /** Every breaker this process holds for the tenant's plugins. */
  forTenant(tenantId: string): Array<PluginCircuit & { plugin_id: string; plugin_slug: string }>;
}

interface Breaker {
  plugin: CircuitPlugin;
  policy: CircuitBreakerPolicy;
  counter: ConsecutiveBreaker;
  openedAt: number | null;
}

/**
 * One consecutive-failure breaker per plugin, in memory (cockatiel). An event counts against
 * its plugin when its last attempt failed transiently (unreachable, timeout, 5xx, 429); any
 * answer that shows the plugin up resets the count. Open, the plugin's events fail fast with
 * CIRCUIT_OPEN; after the cool-down one trial event decides, and events arriving meanwhile
 * wait for its verdict.
 */
export function createPluginCircuits(
  settings: CircuitSettings,
  onChange?: (plugin: CircuitPlugin, circuit: PluginCircuit) => void,
): PluginCircuits {
  const breakers = new Map<string, Breaker>();

  const breakerFor = (plugin: CircuitPlugin): Breaker => {
    const existing = breakers.get(plugin.id);
    if (existing) return existing;
    const counter = new ConsecutiveBreaker(settings.circuitThreshold);
    const policy = circuitBreaker(
      handleWhenResult((result) => countsAgainstPlugin(result as DeliveryResult)),
      { halfOpenAfter: settings.circuitCooldownMs, breaker: counter },
    );
    const breaker: Breaker = { plugin, policy, counter, openedAt: null };
    policy.onBreak(() => {
      breaker.openedAt = Date.now();
    });
    policy.onReset(() => {
      breaker.openedAt = null;
    });
    policy.onStateChange(() => onChange?.(plugin, snapshot(breaker, settings)));
    breakers.set(plugin.id, breaker);
    return breaker;
  };

  return {
    async run(plugin, deliver) {
      try {
        return await breakerFor(plugin).policy.execute(deliver);
      } catch (error) {
        if (error instanceof BrokenCircuitError) return undefined;
        throw error;
      }
    },
    get(pluginId) {
      const breaker = breakers.get(pluginId);
      return breaker && snapshot(breaker, settings);
    },
    forTenant(tenantId) {
      return [...breakers.values()]
        .filter((breaker) => breaker.plugin.tenantId === tenantId)
        .map((breaker) => ({
          plugin_id: breaker.plugin.id,
          plugin_slug: breaker.plugin.slug,
          ...snapshot(breaker, settings),
        }));
    },
  };
}

function countsAgainstPlugin(result: DeliveryResult): boolean {
  return !result.ok && result.attempts.length > 0 && isTransientFailure(result.failure);
}

function snapshot(breaker: Breaker, settings: CircuitSettings): PluginCircuit {
  const state = STATE_NAMES[breaker.policy.state];
  const { openedAt } = breaker;
  return {
    state,
    consecutive_failures: breaker.counter.state,
    opened_at: openedAt === null ? null : new Date(openedAt).toISOString(),
    half_open_at:
      openedAt === null || state !== 'open'
        ? null
        : new Date(openedAt + settings.circuitCooldownMs).toISOString(),
  };
}

const STATE_NAMES: Record<CircuitState, PluginCircuit['state']> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
};
