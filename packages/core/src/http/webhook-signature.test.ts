import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForTest,
} from '@registry/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { parseInput } from '../errors/app-error';
import { rotateSigningSecret } from '../plugins/plugin-secrets';
import { webhookHeaders } from './webhook-signature';

const deps = testRegistryDeps();

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const verify = (secret: string, body: string, headers: Record<string, string>) =>
  new Webhook(secret).verify(body, headers);

describe('Standard Webhooks signatures, checked with the reference library', () => {
  it('[SIGNING][SPEC]: standardwebhooks verifies our headers; a changed body, secret or old timestamp fails', () => {
    const body = JSON.stringify({ user_id: 'u1', note: 'ünïcode ✓' });
    const headers = webhookHeaders([SECRET], 'evt_1', body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verify(SECRET, body, headers)).toEqual(JSON.parse(body));
    expect(() => verify(SECRET, `${body} `, headers)).toThrow();
    expect(() => verify('whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCBrZXkh', body, headers)).toThrow();
    const stale = webhookHeaders([SECRET], 'evt_1', body, Date.now() - 6 * 60 * 1000);
    expect(() => verify(SECRET, body, stale)).toThrow(/too old/i);
  });

  it('[SIGNING][SPEC]: during a rotation both signatures are sent and either secret verifies', () => {
    const next = 'whsec_bmV4dCBzZWNyZXQgb2YgdGhpcyBwbHVnaW4hIQ==';
    const headers = webhookHeaders([next, SECRET], 'evt_2', '{}');
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verify(next, '{}', headers)).toEqual({});
    expect(verify(SECRET, '{}', headers)).toEqual({});
  });

  it('[SIGNING][DISPATCH]: every plugin call is signed with the plugin secret, old and new while rotating', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/act': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'signed',
      apiEndpoint: server.url,
      actions: [actionDefinition('act')],
    });
    const send = () =>
      dispatchEvents(
        deps,
        tenant,
        parseInput(ZDispatchRequestSchema, {
          events: [{ action_type: 'act', plugin_id: plugin.id, payload: { é: 'ü' } }],
        }),
      );
    const headersOf = (n: number) => server.calls[n]?.headers as Record<string, string>;
    const bodyOf = (n: number) => JSON.stringify(server.calls[n]?.body);

    await send();
    // A plugin inserted without a secret got one on its first dispatch.
    const { secret: first } = await deps.db.pluginSecret.findUniqueOrThrow({
      where: { pluginId: plugin.id },
    });
    expect(verify(first, bodyOf(0), headersOf(0))).toEqual({ é: 'ü' });

    const rotated = await rotateSigningSecret(deps, tenant, 'signed');
    expect(rotated.previous_secret_valid_until).not.toBeNull();
    await send();
    expect(verify(rotated.signing_secret, bodyOf(1), headersOf(1))).toBeTruthy();
    expect(verify(first, bodyOf(1), headersOf(1))).toBeTruthy();

    await deps.db.pluginSecret.update({
      where: { pluginId: plugin.id },
      data: { previousValidUntil: new Date(Date.now() - 1000) },
    });
    await send();
    expect(verify(rotated.signing_secret, bodyOf(2), headersOf(2))).toBeTruthy();
    expect(() => verify(first, bodyOf(2), headersOf(2))).toThrow();
    await expect(rotateSigningSecret(deps, tenant, 'no-such-plugin')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
