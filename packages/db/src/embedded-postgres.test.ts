import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { queryOnce } from './test-database';

/** Resolves with the connection error's code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('startEmbeddedPostgres', () => {
  it('[DB][EMBEDDED]: data in a dataDir survives a stop and a start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-pglite-'));
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      try {
        await queryOnce(first.url, 'CREATE TABLE kept (id INTEGER PRIMARY KEY, note TEXT)');
        await queryOnce(first.url, "INSERT INTO kept VALUES (1, 'written before stop')");
      } finally {
        await first.stop();
      }

      const second = await startEmbeddedPostgres({ dataDir });
      try {
        expect(await queryOnce(second.url, 'SELECT id, note FROM kept')).toEqual([
          { id: 1, note: 'written before stop' },
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("[DB][EMBEDDED]: concurrent queries of different shapes never run one another's statement", async () => {
    // Each query is Parse, Bind, Describe, Execute, Sync. A 200 KB value reaches the server in
    // several reads; the server once let other connections' messages in between, binding one
    // query's values to another's statement ("bind message supplies 2 parameters, but prepared
    // statement "" requires 1"), or running the wrong statement.
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-pglite-'));
    const server = await startEmbeddedPostgres({ dataDir });
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    try {
      await pool.query('CREATE TABLE shapes (id INTEGER PRIMARY KEY)');
      const big = (i: number) => `q${i}:`.padEnd(200_000, 'x');
      const shapes = [
        (i: number) => pool.query('INSERT INTO shapes VALUES ($1) RETURNING id', [i]),
        (i: number) =>
          pool.query("SELECT split_part($1, ':', 1) AS label, $2::int AS twice", [big(i), 2 * i]),
        (i: number) => pool.query('SELECT $1::int AS n, count(*) >= 0 AS counted FROM shapes', [i]),
      ];
      const expected = [
        (i: number) => [{ id: i }],
        (i: number) => [{ label: `q${i}`, twice: 2 * i }],
        (i: number) => [{ n: i, counted: true }],
      ];
      const answers = await Promise.all(
        Array.from({ length: 600 }, (_, i) =>
          (shapes[i % 3] as (i: number) => Promise<pg.QueryResult>)(i).then(
            (result) => JSON.stringify(result.rows),
            (error: Error) => error.message.slice(0, 200),
          ),
        ),
      );
      const wrong = answers.filter((answer, i) => answer !== JSON.stringify(expected[i % 3]?.(i)));
      expect(wrong).toEqual([]);
    } finally {
      await pool.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('one running server', () => {
    let server: EmbeddedPostgres;
    let pool: pg.Pool;
    beforeAll(async () => {
      server = await startEmbeddedPostgres();
      pool = new pg.Pool({ connectionString: server.url, max: 8 });
    });
    afterAll(async () => {
      await pool?.end();
      await server?.stop();
    });

    it('[DB][EMBEDDED]: listens on 127.0.0.1 only', async () => {
      const url = new URL(server.url);
      const port = Number(url.port);
      expect(url.hostname).toBe('127.0.0.1');
      expect(await tryConnect('127.0.0.1', port)).toBe('connected');

      // Other loopback addresses and this machine's own network addresses must find nothing.
      const elsewhere = [
        '127.0.0.2',
        ...Object.values(networkInterfaces())
          .flat()
          .filter((address) => address && !address.internal && address.family === 'IPv4')
          .map((address) => address?.address as string),
      ];
      for (const host of elsewhere) {
        expect([host, await tryConnect(host, port)]).toEqual([host, 'ECONNREFUSED']);
      }
    });

    it('[DB][EMBEDDED]: 100 concurrent parameterized queries through 8 connections each get their own row', async () => {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          pool.query<{ n: number; label: string }>('SELECT $1::int AS n, $2::text AS label', [
            i,
            `query ${i}`,
          ]),
        ),
      );

      results.forEach((result, i) => {
        expect(result.rows).toEqual([{ n: i, label: `query ${i}` }]);
      });
    });

    it('[DB][EMBEDDED]: concurrent transactions keep exactly the committed rows', async () => {
      await pool.query('CREATE TABLE ledger (id INTEGER PRIMARY KEY)');

      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO ledger VALUES ($1)', [i]);
            // Yield so other transactions queue up while this one is open.
            await new Promise((resolve) => setTimeout(resolve, 1));
            await client.query(i % 2 === 0 ? 'COMMIT' : 'ROLLBACK');
          } finally {
            client.release();
          }
        }),
      );

      const { rows } = await pool.query<{ id: number }>('SELECT id FROM ledger ORDER BY id');
      expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    });
  });
});
