import type { Db, SqlPool } from '@registry/db';
import type { Logger } from 'pino';
import type { AccessSettings } from './auth/local-access';
import type { PluginHttpClient } from './http/plugin-http-client';

/** Everything the registry's domain functions need from the outside world. */
export interface RegistryDeps {
  db: Db;
  /** The pool under `db`: dispatch's per-event queries are plain SQL, a fraction of Prisma's cost. */
  sql: SqlPool;
  pluginHttp: PluginHttpClient;
  logger: Logger;
  dispatch: DispatchSettings;
  access: AccessSettings;
}

export interface DispatchSettings {
  /** Events of one batch in flight at once. */
  concurrency: number;
  /** Deadline of one plugin call, covering connect, headers and body. */
  timeoutMs: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  concurrency: 50,
  timeoutMs: 10_000,
};
