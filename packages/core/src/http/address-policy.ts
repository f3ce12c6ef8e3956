import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Which plugin addresses may be connected to beyond the public internet. */
export interface AddressPolicy {
  allowList: Array<[Address, number]>;
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

/**
 * `PLUGIN_ALLOWED_ADDRESSES`: comma-separated addresses or CIDR ranges a plugin may use although
 * they are not public (development and tests allow exactly their own servers' addresses).
 */
export function parseAddressAllowList(spec: string | undefined): AddressPolicy {
  const entries = (spec ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return {
    allowList: entries.map((entry) => {
      const cidr = entry.includes('/')
        ? entry
        : `${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`;
      const [address, bits] = ipaddr.parseCIDR(cidr);
      return [normalize(address), address.kind() === normalize(address).kind() ? bits : bits - 96];
    }),
  };
}

/**
 * Whether a plugin call may connect to `address`: only public unicast addresses, unless the
 * allow-list names it. IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as the IPv4
 * address they carry; NAT64, 6to4 and Teredo forms, which embed other addresses, are refused.
 */
export function checkAddress(policy: AddressPolicy, text: string): AddressVerdict {
  if (!ipaddr.isValid(text)) return { allowed: false, reason: 'not an IP address' };
  const address = normalize(ipaddr.parse(text));
  if (
    policy.allowList.some(([range, bits]) => sameKind(address, range) && address.match(range, bits))
  ) {
    return { allowed: true };
  }
  const range = address.range();
  if (range === 'unicast') return { allowed: true };
  return { allowed: false, reason: RANGE_NAMES[range] ?? range };
}

function normalize(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function sameKind(a: Address, b: Address): boolean {
  return a.kind() === b.kind();
}
