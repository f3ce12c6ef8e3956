import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A `postgresql://` URL any PostgreSQL client (pg, Prisma) connects to. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs; in memory when omitted. */
  dataDir?: string;
  /** Loopback port to serve on; 0 picks a free one. */
  port?: number;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on loopback, so the
 * app reaches it through exactly the same driver and Prisma code as a real server.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  // PGlite runs one query at a time; the socket server queues connections' queries and keeps
  // a transaction's statements together. One connection (the default) would starve a pool, and
  // past the limit connections are dropped unanswered: each process of the product opens a pool,
  // the queue's pool and a listener, and tests run several at once.
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: 256,
  });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
