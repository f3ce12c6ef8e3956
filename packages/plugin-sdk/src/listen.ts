import type { Plugin } from './define-plugin';
import { listenAll, type ServedPlugin, type ServerOptions } from './listen-all';
import type { Connection, RegistryOptions } from './registry-connection';

export interface ListenOptions extends ServerOptions {
  /**
   * The plugin's signing secret(s) (`whsec_…`, the current and, during a rotation, the previous).
   * With one, unsigned or wrongly signed calls get 401; without, calls are taken unchecked.
   */
  signingSecrets?: readonly string[];
  /** Register the actions and prove the endpoint once listening. */
  registry?: RegistryOptions;
}

export interface RunningPlugin {
  url: string;
  /** What the registry answered, when `registry` was given. */
  connection?: Connection;
  /** Registers the actions with a registry and asks it to verify this endpoint. */
  connect(registry: RegistryOptions): Promise<Connection>;
  close(): Promise<void>;
}

/** Serves the plugin's actions on node:http; then registers with the registry, if given one. */
export async function listen(plugin: Plugin, options: ListenOptions = {}): Promise<RunningPlugin> {
  const server = await listenAll([{ plugin, signingSecrets: options.signingSecrets }], options);
  const [served] = server.plugins as [ServedPlugin];
  const running: RunningPlugin = { url: served.url, connect: served.connect, close: server.close };
  if (options.registry) {
    try {
      running.connection = await running.connect(options.registry);
    } catch (error) {
      await running.close();
      throw error;
    }
  }
  return running;
}
