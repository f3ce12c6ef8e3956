import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
/** The connection pool under the Prisma client, for the few hot paths written in plain SQL. */
export type SqlPool = pg.Pool;

export interface CreateDbOptions {
  /** Connections in the pool; pg's default of 10 suits one app process. */
  maxConnections?: number;
}

/** A node-postgres pool that never keeps a finished process alive. */
export function createPool(databaseUrl: string, options: CreateDbOptions = {}): SqlPool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    allowExitOnIdle: true,
  });
  // An idle connection closed by the server (restart, failover) is dropped from the pool and
  // replaced on next use; without a listener node-postgres would crash the process instead.
  pool.on('error', () => {});
  // Every statement here is short. PostgreSQL's JIT compiles a plan whose estimated cost is
  // high, and it overestimates walks through jsonb (it has no statistics inside): a 5 ms
  // discovery page with a health filter spent 40-800 ms compiling. Queued before anything else
  // a new connection runs.
  pool.on('connect', (client) => {
    client.query('SET jit = off').catch(() => {});
  });
  return pool;
}

/**
 * A Prisma client over node-postgres: the same code path for real and embedded PostgreSQL.
 * Given a pool, Prisma shares it, so plain-SQL hot paths and Prisma use the same connections.
 */
export function createDb(databaseUrlOrPool: string | SqlPool, options: CreateDbOptions = {}): Db {
  const pool =
    typeof databaseUrlOrPool === 'string'
      ? createPool(databaseUrlOrPool, options)
      : databaseUrlOrPool;
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

/** Runs `work` on one pooled connection inside a transaction: committed if it resolves. */
export async function inTransaction<T>(
  pool: SqlPool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
