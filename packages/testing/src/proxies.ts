import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { connect, createServer as createTcpServer, type Server } from 'node:net';

/**
 * Reverse proxies on loopback, as an operator might put in front of the registry, for proving
 * that nothing behind one is treated as local.
 */
export interface ForwardingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * What nginx's default `proxy_pass http://127.0.0.1:<port>` sends upstream: the client's
 * request with `Host` rewritten to the upstream's and `Connection: close`, over HTTP/1.0, and no
 * `X-Forwarded-For` or `Via`. Rewrites the request head on the raw stream (`node:http` only
 * speaks HTTP/1.1) and passes everything else through.
 */
export async function startNginxDefaultProxy(upstream: string): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = createTcpServer((client) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const [requestLine = '', ...headers] = head.subarray(0, end).toString('latin1').split('\r\n');
      const kept = headers.filter((line) => !/^(host|connection|keep-alive):/i.test(line));
      const rewritten = [
        requestLine.replace(/HTTP\/1\.1$/, 'HTTP/1.0'),
        `Host: ${target.host}`,
        'Connection: close',
        ...kept,
      ].join('\r\n');
      const upstreamSocket = connect(Number(target.port), target.hostname, () => {
        upstreamSocket.write(`${rewritten}\r\n\r\n`);
        upstreamSocket.write(head.subarray(end + 4));
        client.pipe(upstreamSocket);
      });
      upstreamSocket.pipe(client);
      upstreamSocket.on('error', () => client.destroy());
    };
    client.on('data', onData);
    client.on('error', () => client.destroy());
  });
  return listenOnLoopback(server);
}

/**
 * A typical configured proxy (`node:http` forwarding): the client's request with `Host`
 * rewritten to the upstream's, plus whatever headers the proxy adds (e.g. `X-Forwarded-For`,
 * `Via`, `X-Real-IP`, `Forwarded`).
 */
export async function startHeaderAddingProxy(
  upstream: string,
  added: Record<string, string>,
): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = createHttpServer((request, response) => {
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host, ...added },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  return listenOnLoopback(server);
}

/** A TCP tunnel (`ssh -L`, `socat`): bytes in, bytes out, nothing added. */
export async function startTcpTunnel(upstream: string): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = createTcpServer((client) => {
    const upstreamSocket = connect(Number(target.port), target.hostname);
    client.pipe(upstreamSocket).pipe(client);
    client.on('error', () => upstreamSocket.destroy());
    upstreamSocket.on('error', () => client.destroy());
  });
  return listenOnLoopback(server);
}

async function listenOnLoopback(server: Server): Promise<ForwardingProxy> {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        if ('closeAllConnections' in server) {
          (server as unknown as { closeAllConnections(): void }).closeAllConnections();
        }
      }),
  };
}
