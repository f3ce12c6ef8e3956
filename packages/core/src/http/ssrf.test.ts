import type { LookupAddress } from 'node:dns';
import { type Canary, startCanary, startPluginServer } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkAddress, parseAddressAllowList } from './address-policy';
import { createPluginHttpClient } from './plugin-http-client';

/**
 * Plugin URLs cannot be turned against internal addresses. Only 127.0.0.1 is allowed, as in
 * development; canary listeners on other loopback addresses count every connection they get.
 * Non-loopback ranges are only ever judged by the classifier: no test connects to them.
 */
const policy = parseAddressAllowList('127.0.0.1');
const names: Record<string, string[]> = {
  'canary-a.test': ['127.0.0.2'],
  'canary-b.test': ['127.0.0.3'],
  'mapped.test': ['::ffff:127.0.0.2'],
  'mixed.test': ['127.0.0.1', '127.0.0.3'],
  'local.test': ['127.0.0.1'],
};
const resolve = async (hostname: string): Promise<LookupAddress[]> =>
  (names[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const client = createPluginHttpClient({ addressPolicy: policy, resolve });

let a: Canary;
let b: Canary;
let six: Canary;
beforeAll(async () => {
  [a, b, six] = await Promise.all([
    startCanary('127.0.0.2'),
    startCanary('127.0.0.3'),
    startCanary('::1'),
  ]);
});
afterAll(async () => {
  await client.close();
  await Promise.all([a, b, six].map((c) => c.close()));
});

const REFUSED_ADDRESSES = [
  // IPv4: loopback beyond the allow-list, private, link-local (cloud metadata), CGNAT,
  // multicast, broadcast, documentation, benchmarking, reserved, unspecified, "this network".
  '127.0.0.2',
  '127.255.255.254',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.1.1',
  '169.254.169.254',
  '169.254.0.1',
  '100.64.0.1',
  '100.127.255.254',
  '224.0.0.1',
  '239.255.255.250',
  '255.255.255.255',
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.9',
  '198.18.0.1',
  '240.0.0.1',
  '0.0.0.0',
  '0.1.2.3',
  // IPv6: loopback, unspecified, unique-local, link-local, multicast, documentation, discard,
  // IPv4-mapped forms of refused addresses, and forms embedding IPv4 (NAT64, 6to4, Teredo).
  '::1',
  '::',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  'ff02::1',
  '2001:db8::1',
  '100::1',
  '::ffff:127.0.0.2',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '64:ff9b::a00:1',
  '2002:a00:1::1',
  '2001::1',
];

describe('plugin URL policy (SSRF)', () => {
  it('[SSRF][CLASSIFY]: every non-public range is refused; public and allowed addresses pass', () => {
    const refused = REFUSED_ADDRESSES.filter((address) => !checkAddress(policy, address).allowed);
    console.log(
      `[SSRF] classifier refused ${refused.length} of ${REFUSED_ADDRESSES.length} addresses`,
    );
    expect(refused).toEqual(REFUSED_ADDRESSES);
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '2606:4700:4700::1111',
      '127.0.0.1',
      '::ffff:127.0.0.1',
    ]) {
      expect(checkAddress(policy, address)).toEqual({ allowed: true });
    }
    expect(checkAddress(parseAddressAllowList('10.1.0.0/16'), '10.1.2.3')).toEqual({
      allowed: true,
    });
    expect(checkAddress(parseAddressAllowList('10.1.0.0/16'), '10.2.0.1').allowed).toBe(false);
  });

  it('[SSRF][CONNECT]: encoded literals, resolved names and redirects never reach a canary', async () => {
    const targets = [
      `http://127.0.0.2:${a.port}/x`,
      `http://2130706434:${a.port}/x`, // decimal
      `http://0x7f000002:${a.port}/x`, // hex
      `http://017700000002:${a.port}/x`, // octal
      `http://0177.0.0.02:${a.port}/x`, // octal parts
      `http://0x7f.0.0.2:${a.port}/x`, // hex part
      `http://127.2:${a.port}/x`, // short form
      `http://[::ffff:127.0.0.2]:${a.port}/x`,
      `http://[::ffff:7f00:2]:${a.port}/x`,
      `http://127.0.0.3:${b.port}/x`,
      `http://[::1]:${six.port}/x`,
      `http://canary-a.test:${a.port}/x`, // a name resolving to a refused address
      `http://canary-b.test:${b.port}/x`,
      `http://mapped.test:${a.port}/x`,
      `http://mixed.test:${b.port}/x`, // one allowed and one refused address: refused
    ];
    const outcomes = await Promise.all(
      targets.map((url) =>
        client.postJson(url, '{}', { timeoutMs: 2_000 }).then(
          () => 'answered',
          (error: { code?: string }) => error.code,
        ),
      ),
    );
    console.log(`[SSRF] ${targets.length} encoded or resolved targets refused before connecting`);
    expect(outcomes).toEqual(targets.map(() => 'ADDRESS_NOT_ALLOWED'));

    const redirector = await startPluginServer({
      '/go': (_call, response) => {
        response.writeHead(302, { location: `http://127.0.0.2:${a.port}/metadata` });
        response.end();
      },
    });
    const redirected = await client
      .postJson(`${redirector.url}/go`, '{}', { timeoutMs: 2_000 })
      .catch((error: { code?: string }) => error.code);
    await redirector.close();
    expect(redirected).toBe('REDIRECT_BLOCKED');
    expect([a.connections, b.connections, six.connections]).toEqual([0, 0, 0]);
  });

  it('[SSRF][MESSAGE]: the failure names the host, the address and why', async () => {
    const failure = await client
      .postJson(`http://canary-a.test:${a.port}/x`, '{}', { timeoutMs: 2_000 })
      .catch((error: Error) => error.message);
    expect(failure).toBe(
      'Plugin host canary-a.test resolves to 127.0.0.2, which is not allowed (loopback)',
    );
  });

  it('[SSRF][PORTS]: an allow-list entry with a port allows that port only', () => {
    const seedPort = parseAddressAllowList('127.0.0.1:5180, [::1]:5180, 10.0.0.0/8:443');
    expect(checkAddress(seedPort, '127.0.0.1', 5180)).toEqual({ allowed: true });
    expect(checkAddress(seedPort, '::ffff:127.0.0.1', 5180)).toEqual({ allowed: true });
    expect(checkAddress(seedPort, '::1', 5180)).toEqual({ allowed: true });
    expect(checkAddress(seedPort, '10.20.30.40', 443)).toEqual({ allowed: true });
    expect(checkAddress(seedPort, '127.0.0.1', 5432)).toEqual({
      allowed: false,
      reason: 'loopback; allowed on port 5180 only',
    });
    expect(checkAddress(seedPort, '10.20.30.40', 80).allowed).toBe(false);
    expect(checkAddress(seedPort, '127.0.0.2', 5180).allowed).toBe(false);
    for (const bad of ['127.0.0.1:0', '127.0.0.1:70000', 'localhost:5180', '[::1]:x', 'x']) {
      expect(() => parseAddressAllowList(bad)).toThrow(`PLUGIN_ALLOWED_ADDRESSES: "${bad}" is not`);
    }
  });

  it('[SSRF][PORTS]: other services on an allowed address are never contacted', async () => {
    const [plugin, other] = await Promise.all([startCanary('127.0.0.1'), startCanary('127.0.0.1')]);
    onTestFinished(() => Promise.all([plugin.close(), other.close()]).then(() => {}));
    const onePort = createPluginHttpClient({
      addressPolicy: parseAddressAllowList(`127.0.0.1:${plugin.port}`),
      resolve,
    });
    onTestFinished(() => onePort.close());
    const outcome = (url: string) =>
      onePort.postJson(url, '{}', { timeoutMs: 2_000 }).then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );

    // The allowed port is connected to (the canary hangs up: a reset, not a refusal).
    expect(await outcome(`http://127.0.0.1:${plugin.port}/x`)).not.toBe('ADDRESS_NOT_ALLOWED');
    expect(await outcome(`http://local.test:${plugin.port}/x`)).not.toBe('ADDRESS_NOT_ALLOWED');
    expect(await outcome(`http://127.0.0.1:${other.port}/x`)).toBe('ADDRESS_NOT_ALLOWED');
    expect(await outcome(`http://local.test:${other.port}/x`)).toBe('ADDRESS_NOT_ALLOWED');
    expect(await outcome(`http://[::ffff:127.0.0.1]:${other.port}/x`)).toBe('ADDRESS_NOT_ALLOWED');
    expect(plugin.connections).toBe(2);
    expect(other.connections).toBe(0);
  });
});
