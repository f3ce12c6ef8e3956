/** What a request says about where it came from, as the HTTP host saw it. */
export interface RequestOrigin {
  /** The `x-forwarded-for` chain (Next.js fills it with the peer's address when absent). */
  forwardedFor: string[];
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackAddress(address: string): boolean {
  const plain = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:/i, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

function isLoopbackHost(hostHeader: string): boolean {
  const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK_NAMES.has(name) || isLoopbackAddress(name);
}

/**
 * Whether a request demonstrably comes from this machine and from no web page elsewhere: every
 * forwarded address is loopback, the Host names loopback (a DNS-rebinding page would send its own
 * name), and a browser's Origin / Sec-Fetch-Site, when present, are this machine's.
 */
export function isLocalRequest(request: RequestOrigin): boolean {
  if (!request.forwardedFor.every(isLoopbackAddress)) return false;
  if (!request.host || !isLoopbackHost(request.host)) return false;
  if (request.origin && request.origin !== 'null') {
    const origin = URL.parse(request.origin);
    if (!origin || !isLoopbackHost(origin.host)) return false;
  }
  if (request.origin === 'null') return false;
  return !request.secFetchSite || ['same-origin', 'none'].includes(request.secFetchSite);
}
