import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { type AddressPolicy, checkAddress } from './address-policy';

/** Resolves a host name to every address it has (the OS resolver by default). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/** A plugin address the policy refuses; no connection was attempted. */
export class AddressNotAllowedError extends Error {
  readonly code = 'ERR_ADDRESS_NOT_ALLOWED';
  constructor(host: string, address: string, reason: string) {
    super(
      address === host
        ? `Plugin address ${address} is not allowed (${reason})`
        : `Plugin host ${host} resolves to ${address}, which is not allowed (${reason})`,
    );
  }
}

export interface GuardedAgentOptions {
  policy: AddressPolicy;
  resolve?: Resolver;
  connections: number;
  keepAliveTimeout: number;
}

/**
 * An undici Agent that checks every address inside the connection's own DNS resolution, so the
 * address checked is the address connected to (no second lookup for a rebinding server to
 * answer differently). Literal IPs, which skip DNS, are checked before connecting. Names that
 * resolve to several addresses are refused if any of them is refused. The port is judged with
 * the address (allow-list entries may name one).
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const resolve = options.resolve ?? systemResolver;
  const lookupOn =
    (port: number) =>
    (
      hostname: string,
      lookupOptions: { all?: boolean },
      callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      allowedAddresses(options.policy, resolve, hostname, port).then(
        (addresses) => {
          const [first] = addresses as [LookupAddress];
          if (lookupOptions.all) callback(null, addresses);
          else callback(null, first.address, first.family);
        },
        (error: Error) => callback(error, ''),
      );
    };
  // The resolver cannot see the port, so each port gets its own connector (a handful: one per
  // plugin port in use), each keeping its TLS sessions.
  const connectors = new Map<number, buildConnector.connector>();
  const connectorOn = (port: number) => {
    let connector = connectors.get(port);
    if (!connector) {
      connector = buildConnector({ lookup: lookupOn(port) } as buildConnector.BuildOptions);
      connectors.set(port, connector);
    }
    return connector;
  };
  return new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeout,
    connect(connectOptions, callback) {
      const host = connectOptions.hostname.replace(/^\[|\]$/g, '');
      const port = Number(connectOptions.port) || (connectOptions.protocol === 'https:' ? 443 : 80);
      if (isIP(host)) {
        const verdict = checkAddress(options.policy, host, port);
        if (!verdict.allowed) {
          callback(new AddressNotAllowedError(host, host, verdict.reason), null);
          return;
        }
      }
      connectorOn(port)(connectOptions, callback);
    },
  });
}

/**
 * Resolves a URL's host as a call to it would, and checks every address against the policy,
 * without connecting: what a dry run proves of a plugin it does not call.
 */
export async function checkUrlAddresses(
  policy: AddressPolicy,
  resolve: Resolver,
  url: string,
): Promise<void> {
  const { hostname, port, protocol } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const portNumber = Number(port) || (protocol === 'https:' ? 443 : 80);
  if (!isIP(host)) {
    await allowedAddresses(policy, resolve, host, portNumber);
    return;
  }
  const verdict = checkAddress(policy, host, portNumber);
  if (!verdict.allowed) throw new AddressNotAllowedError(host, host, verdict.reason);
}

/** Every address of `hostname`, if the policy allows them all on `port`; else why not. */
async function allowedAddresses(
  policy: AddressPolicy,
  resolve: Resolver,
  hostname: string,
  port: number,
): Promise<LookupAddress[]> {
  const addresses = await resolve(hostname);
  for (const { address } of addresses) {
    const verdict = checkAddress(policy, address, port);
    if (!verdict.allowed) throw new AddressNotAllowedError(hostname, address, verdict.reason);
  }
  if (addresses.length === 0) {
    throw Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' });
  }
  return addresses;
}
