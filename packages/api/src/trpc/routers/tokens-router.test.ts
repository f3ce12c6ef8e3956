import { createAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const DAY_MS = 86_400_000;

describe('tokens router: expiring admin tokens', () => {
  it('[TRPC][TOKENS]: tokens.create with expires_in answers and lists when the token expires', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    const before = Date.now();
    const created = await caller.tokens.create({ name: 'ci', expires_in: '30d' });
    const expiresAt = Date.parse(created.expires_at ?? '');
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
    const forever = await caller.tokens.create({ name: 'forever' });
    expect(forever.expires_at).toBeNull();
    const listed = await caller.tokens.list();
    expect(listed.find((token) => token.id === created.id)?.expires_at).toBe(created.expires_at);
  });

  it('[TRPC][TOKENS]: a lifetime that is not minutes, hours or days is a 400 naming expires_in', async () => {
    const caller = callerFor(deps, newTenantId());
    for (const expires_in of ['30x', '0d', '1.5h', '3651d']) {
      const { cause } = await expectTrpcError(
        caller.tokens.create({ name: 'bad', expires_in }),
        'BAD_REQUEST',
        'VALIDATION_ERROR',
      );
      expect(cause.issues?.map((issue) => issue.field)).toEqual(['expires_in']);
    }
  });

  it('[AUTH][TOKENS]: a token past its expiry is refused as a revoked one is', async () => {
    const live = await createAdminToken(deps, DEFAULT_TENANT_ID, 'live', 60_000);
    const asBearer = (token: string) =>
      send('GET', '/api/plugins', { headers: { authorization: `Bearer ${token}` } });
    expect((await asBearer(live.token)).status).toBe(200);

    const expired = await createAdminToken(deps, DEFAULT_TENANT_ID, 'expired', 60_000);
    await deps.db.apiToken.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const refused = expectRestError(await asBearer(expired.token), 401, 'UNAUTHORIZED');
    expect(refused.error).toContain('The token is not valid (unknown, revoked or expired).');
  });
});
