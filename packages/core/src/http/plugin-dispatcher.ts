import type { LookupFunction } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

export interface PluginDispatcherOptions {
  /** Keep-alive connections per plugin origin: one slow plugin cannot take them all. */
  connectionsPerOrigin?: number;
  /** Resolves plugin host names; tests inject one so no lookup leaves the machine. */
  lookup?: LookupFunction;
}

/**
 * The one place that decides how plugin connections are made: a pooled keep-alive undici Agent.
 * Connection policy (which addresses may be dialled) belongs here and nowhere else.
 */
export function createPluginDispatcher(options: PluginDispatcherOptions = {}): Dispatcher {
  return new Agent({
    connections: options.connectionsPerOrigin ?? 64,
    keepAliveTimeout: 10_000,
    ...(options.lookup ? { connect: { lookup: options.lookup } } : {}),
  });
}
