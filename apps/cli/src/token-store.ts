import type { AppRouter } from '@registry/api';
import {
  type AdminToken,
  type CreatedAdminToken,
  ZCreateAdminTokenRequestSchema,
} from '@registry/contracts';
import { createAdminToken, listAdminTokens, parseInput, revokeAdminToken } from '@registry/core';
import { createDb, DEFAULT_TENANT_ID } from '@registry/db';
import { createTRPCClient, httpLink } from '@trpc/client';

/** Where the CLI manages tokens: the database directly, or a running server's API. */
export interface TokenStore {
  where: string;
  /** `expiresIn` as people write it (`30d`); absent, the token never expires. */
  create(name: string, expiresIn?: string): Promise<CreatedAdminToken>;
  list(): Promise<AdminToken[]>;
  revoke(id: string): Promise<AdminToken>;
  close(): Promise<void>;
}

/**
 * With DATABASE_URL, straight to the database (how the first token of a production deployment
 * is made, for `--tenant`). Otherwise through the running server at `url`, which acts on the
 * credential in REGISTRY_TOKEN, or on protected local mode when none is configured yet.
 */
export function openTokenStore(options: { url: string; tenant?: string }): TokenStore {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const db = createDb(databaseUrl, { maxConnections: 1 });
    const tenantId = options.tenant ?? DEFAULT_TENANT_ID;
    return {
      where: `database (tenant ${tenantId})`,
      create: (name, expiresIn) => {
        const request = parseInput(ZCreateAdminTokenRequestSchema, {
          name,
          expires_in: expiresIn,
        });
        return createAdminToken({ db }, tenantId, request.name, request.expires_in);
      },
      list: () => listAdminTokens({ db }, tenantId),
      revoke: (id) => revokeAdminToken({ db }, tenantId, id),
      close: () => db.$disconnect(),
    };
  }
  const token = process.env.REGISTRY_TOKEN;
  const api = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url.replace(/\/$/, '')}/api/trpc`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    ],
  });
  return {
    where: options.url,
    create: (name, expiresIn) => api.tokens.create.mutate({ name, expires_in: expiresIn }),
    list: () => api.tokens.list.query(),
    revoke: (id) => api.tokens.revoke.mutate({ id }),
    close: async () => {},
  };
}
