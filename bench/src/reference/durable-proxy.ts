/**
 * Reference server 2, the naive durable floor: the bare proxy plus one INSERT before the call
 * (the event is recorded before anything is sent) and one UPDATE after (its outcome), through
 * `pg`, one statement per request, no batching. Argv: `<port> <plugin url> <database url>`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { callPlugin, readEvent, reply } from './reference-http';

const [port, pluginUrl, databaseUrl] = process.argv.slice(2);
// The registry's pool size, so neither side gets more connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS reference_executions (
  id uuid PRIMARY KEY, action_type text NOT NULL, payload jsonb NOT NULL,
  status text NOT NULL, result jsonb, created_at timestamptz NOT NULL DEFAULT now())`);

createServer(async (request, response) => {
  const event = await readEvent(request);
  const id = randomUUID();
  await pool.query(
    `INSERT INTO reference_executions (id, action_type, payload, status) VALUES ($1, $2, $3, 'running')`,
    [id, event.action_type, event.payload],
  );
  const result = await callPlugin(`${pluginUrl}/actions/${event.action_type}`, event.payload);
  await pool.query(`UPDATE reference_executions SET status = $2, result = $3 WHERE id = $1`, [
    id,
    result.success ? 'succeeded' : 'failed',
    result,
  ]);
  reply(response, { success: true, results: [{ execution_id: id, ...result }] });
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
