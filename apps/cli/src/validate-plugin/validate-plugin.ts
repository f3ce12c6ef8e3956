import { createRegistryClient } from '@registry/client';
import { isLoopbackAddress, parseAddressAllowList } from '@registry/core';
import { createEndpointCaller } from './call-endpoint';
import { type ActionReport, validateActions } from './validate-actions';
import type { ActionUnderTest } from './validation-cases';

export interface ValidatePluginOptions {
  /** The registry to read the plugin's registration from. */
  registryUrl: string;
  /** An admin token; none while the registry is in protected local mode. */
  token?: string;
  slug: string;
  /** The plugin's signing secret(s): calls are signed as dispatch signs them. */
  signingSecrets: readonly string[];
  timeoutMs: number;
  /** Non-public addresses the plugin may be called at, like the registry's PLUGIN_ALLOWED_ADDRESSES. */
  allowedAddresses?: string;
}

export interface PluginValidationReport {
  plugin_slug: string;
  api_endpoint: string | null;
  ok: boolean;
  /** Why nothing could be validated, when that is the case. */
  problem?: string;
  actions: ActionReport[];
}

/**
 * Reads a plugin's registered actions (with their input schemas) from the registry, then calls
 * each action's endpoint directly: dispatch would refuse invalid payloads itself, so only a
 * direct call shows how the plugin treats them.
 */
export async function validatePlugin(
  options: ValidatePluginOptions,
): Promise<PluginValidationReport> {
  const client = createRegistryClient({ url: options.registryUrl, token: options.token });
  const plugin = await client.plugins.get.query({ slug: options.slug });
  const actions: ActionUnderTest[] = plugin.registered_actions.actions;
  const report = { plugin_slug: plugin.slug, api_endpoint: plugin.api_endpoint, actions: [] };
  if (!plugin.api_endpoint) {
    return { ...report, ok: false, problem: 'The plugin has no api_endpoint to call' };
  }
  if (actions.length === 0) {
    return { ...report, ok: false, problem: 'The plugin has registered no actions' };
  }
  const caller = createEndpointCaller({
    policy: parseAddressAllowList(allowList(options)),
    signingSecrets: options.signingSecrets,
  });
  try {
    const results = await validateActions(caller, plugin.api_endpoint, actions, options.timeoutMs);
    return { ...report, ok: results.every((result) => result.ok), actions: results };
  } finally {
    await caller.close();
  }
}

/**
 * The registry's own allow-list, plus this machine's loopback when the registry runs here too
 * (`pnpm start` serves its email plugin on 127.0.0.1). Nothing else private is ever called.
 */
function allowList(options: ValidatePluginOptions): string {
  const host = new URL(options.registryUrl).hostname;
  const local = host === 'localhost' || isLoopbackAddress(host);
  return [options.allowedAddresses ?? '', local ? '127.0.0.0/8,::1' : ''].filter(Boolean).join(',');
}
