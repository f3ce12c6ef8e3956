import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One allowed range of non-public addresses, on every port or on one. */
export interface AllowedAddresses {
  range: [Address, number];
  /** Undefined: any port. */
  port?: number;
}

/** Which plugin addresses may be connected to beyond the public internet. */
export interface AddressPolicy {
  allowList: AllowedAddresses[];
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  private: 'private network',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved or documentation range',
  unspecified: 'unspecified address',
  uniqueLocal: 'IPv6 unique-local',
};

/** `10.0.0.0/8:8080`, `[::1]:5180`: an address or range, then `:port`; IPv6 in brackets. */
const WITH_PORT = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/;

/**
 * `PLUGIN_ALLOWED_ADDRESSES`: comma-separated addresses or CIDR ranges a plugin may use although
 * they are not public, each optionally limited to one port (`127.0.0.1:5180`, `[::1]:5180`,
 * `10.0.0.0/8:443`). Development and tests allow exactly their own servers.
 */
export function parseAddressAllowList(spec: string | undefined): AddressPolicy {
  const entries = (spec ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return { allowList: entries.map(parseEntry) };
}

function parseEntry(entry: string): AllowedAddresses {
  const withPort = WITH_PORT.exec(entry);
  const range = withPort ? (withPort[1] ?? withPort[2] ?? '') : entry.replace(/^\[|\]$/g, '');
  const port = withPort ? Number(withPort[3]) : undefined;
  if (port !== undefined && (port < 1 || port > 65_535)) throw badEntry(entry);
  try {
    const cidr = range.includes('/')
      ? range
      : `${range}/${ipaddr.parse(range).kind() === 'ipv4' ? 32 : 128}`;
    const [address, bits] = ipaddr.parseCIDR(cidr);
    const plain = normalize(address);
    return { range: [plain, address.kind() === plain.kind() ? bits : bits - 96], port };
  } catch {
    throw badEntry(entry);
  }
}

function badEntry(entry: string): Error {
  return new Error(
    `PLUGIN_ALLOWED_ADDRESSES: "${entry}" is not an address or CIDR range, optionally with :port`,
  );
}

/**
 * Whether a plugin call may connect to `address` on `port`: only public unicast addresses,
 * unless the allow-list names it (on that port, for an entry limited to one). IPv4-mapped IPv6
 * addresses (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry; NAT64, 6to4 and
 * Teredo forms, which embed other addresses, are refused.
 */
export function checkAddress(policy: AddressPolicy, text: string, port?: number): AddressVerdict {
  if (!ipaddr.isValid(text)) return { allowed: false, reason: 'not an IP address' };
  const address = normalize(ipaddr.parse(text));
  const entries = policy.allowList.filter(
    ({ range: [network, bits] }) =>
      address.kind() === network.kind() && address.match(network, bits),
  );
  if (entries.some((entry) => entry.port === undefined || entry.port === port)) {
    return { allowed: true };
  }
  const range = address.range();
  if (range === 'unicast') return { allowed: true };
  const ports = entries.map((entry) => entry.port);
  const noun = ports.length === 1 ? 'port' : 'ports';
  const otherPorts = ports.length > 0 ? `; allowed on ${noun} ${ports.join(', ')} only` : '';
  return { allowed: false, reason: `${RANGE_NAMES[range] ?? range}${otherPorts}` };
}

function normalize(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}
