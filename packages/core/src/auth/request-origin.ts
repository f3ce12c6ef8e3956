/**
 * What the server that accepted a request's connection saw of it: read off the TCP socket by
 * that server, never from anything a client can write.
 */
export interface RequestSocket {
  /** The TCP peer's address. */
  remoteAddress: string;
  /** The address the server is bound to (`0.0.0.0` or `::` when it listens everywhere). */
  boundAddress: string;
  /**
   * The request came through a proxy: it names one (`Forwarded`, `X-Forwarded-*`, `X-Real-IP`,
   * `Via`), or speaks HTTP/1.0, the protocol nginx's default `proxy_pass` uses upstream.
   */
  proxied: boolean;
}

/** Where a request came from: its socket as our server saw it, and what its browser says. */
export interface RequestOrigin {
  /** Null when no server of ours vouched for the connection (a request built in code, say). */
  socket: RequestSocket | null;
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
 * Whether a request demonstrably comes from this machine and from no web page elsewhere: our
 * server accepted it from a loopback peer while bound to loopback only, no proxy stands between,
 * the Host names loopback (a DNS-rebinding page would send its own name), and a browser's
 * Origin / Sec-Fetch-Site, when present, are this machine's.
 */
export function isLocalRequest(request: RequestOrigin): boolean {
  const { socket } = request;
  if (!socket || socket.proxied) return false;
  if (!isLoopbackAddress(socket.remoteAddress) || !isLoopbackAddress(socket.boundAddress)) {
    return false;
  }
  if (!request.host || !isLoopbackHost(request.host)) return false;
  if (request.origin === 'null') return false;
  if (request.origin) {
    const origin = URL.parse(request.origin);
    if (!origin || !isLoopbackHost(origin.host)) return false;
  }
  return !request.secFetchSite || ['same-origin', 'none'].includes(request.secFetchSite);
}
