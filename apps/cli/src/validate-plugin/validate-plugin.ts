import { createRegistryClient } from '@registry/client';
import type { PluginValidationReport } from '@registry/contracts';
import {
  createEndpointCaller,
  createPluginHttpClient,
  dispatchSettingsFrom,
  isLoopbackAddress,
  parseAddressAllowList,
  validateRegisteredActions,
} from '@registry/core';

export interface ValidatePluginOptions {
  /** The registry to read the plugin's registration from. */
  registryUrl: string;
  /** An admin token; none while the registry is in protected local mode. */
  token?: string;
  slug: string;
  /**
   * The plugin's signing secret(s). Given, this machine calls the plugin directly, signed as
   * dispatch signs; absent, the registry calls it (tRPC `plugins.validate`), signing with the
   * secret it holds.
   */
  signingSecrets: readonly string[];
  timeoutMs: number;
  /** Non-public addresses the plugin may be called at, like the registry's PLUGIN_ALLOWED_ADDRESSES. */
  allowedAddresses?: string;
}

/**
 * Validates a plugin's endpoints against its registered actions and their input schemas.
 * Either way the calls reach the plugin directly, not through dispatch: dispatch would refuse
 * invalid payloads itself, so only a direct call shows how the plugin treats them.
 */
export async function validatePlugin(
  options: ValidatePluginOptions,
): Promise<PluginValidationReport> {
  const client = createRegistryClient({ url: options.registryUrl, token: options.token });
  if (options.signingSecrets.length === 0) {
    return client.plugins.validate.mutate({ slug: options.slug });
  }
  const plugin = await client.plugins.get.query({ slug: options.slug });
  // The registry's own plugin client, with its limits (PLUGIN_TIMEOUT_MAX_MS caps every call).
  const http = createPluginHttpClient({
    addressPolicy: parseAddressAllowList(allowList(options)),
    maxTimeoutMs: dispatchSettingsFrom(process.env).timeoutMaxMs,
  });
  try {
    const caller = createEndpointCaller(http, options.signingSecrets);
    return await validateRegisteredActions(plugin, caller, options.timeoutMs);
  } finally {
    await http.close();
  }
}

/**
 * The registry's own allow-list, plus this machine's loopback when the registry runs here too
 * (`pnpm start` serves its plugins on 127.0.0.1). Nothing else private is ever called.
 */
function allowList(options: ValidatePluginOptions): string {
  const host = new URL(options.registryUrl).hostname;
  const local = host === 'localhost' || isLoopbackAddress(host);
  return [options.allowedAddresses ?? '', local ? '127.0.0.0/8,::1' : ''].filter(Boolean).join(',');
}
