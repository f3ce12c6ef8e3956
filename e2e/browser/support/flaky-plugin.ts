import { ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import {
  answerChallenge,
  echo,
  type PluginRoute,
  respondJson,
  sendJson,
  startPluginServer,
} from '@registry/testing';

export interface FlakyPlugin {
  id: string;
  slug: string;
  /** Healthy, every action succeeds (echoes its payload); else each fails its own way. */
  setHealthy(healthy: boolean): void;
  close(): Promise<void>;
}

/** Echoes while the plugin is healthy, else answers as `failing` does. */
const unlessHealthy =
  (isHealthy: () => boolean, failing: PluginRoute): PluginRoute =>
  (call, response) =>
    isHealthy() ? echo(call, response) : failing(call, response);

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function post<T>(url: string, body: unknown = {}): Promise<T> {
  const response = await send('POST', url, body);
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A plugin server of the spec's own, failing until the test makes it healthy: `charge_card` answers
 * 500 (transient: retried, then dead), `refund_payment` 410 (refused: failed at once) and
 * `settle_invoice` 429 with `Retry-After: 3600` (retrying in an hour). Created, registered and
 * proven through the REST API as its operator would, with the given retry schedule; a plugin
 * left by an earlier try of the test is deleted first.
 */
export async function startFlakyPlugin(
  baseUrl: string,
  { name, slug, retrySchedule }: { name: string; slug: string; retrySchedule: string },
): Promise<FlakyPlugin> {
  let healthy = false;
  let secret: string | undefined;
  const isHealthy = () => healthy;
  const server = await startPluginServer({
    '/': respondJson(200, { status: 'ok' }),
    [ENDPOINT_VERIFICATION_PATH]: answerChallenge(() => secret),
    '/charge': unlessHealthy(isHealthy, respondJson(500, { error: 'card processor unavailable' })),
    '/refund': unlessHealthy(isHealthy, respondJson(410, { error: 'refunds moved elsewhere' })),
    '/settle': unlessHealthy(isHealthy, (_call, response) => {
      response.setHeader('retry-after', '3600');
      sendJson(response, 429, { error: 'settlement window closed' });
    }),
  });
  await send('DELETE', `${baseUrl}/api/plugins/${slug}`);
  const created = await post<{ plugin: { id: string; signing_secret: string } }>(
    `${baseUrl}/api/plugins`,
    { name, slug, api_endpoint: server.url, delivery: { retry_schedule: retrySchedule } },
  );
  secret = created.plugin.signing_secret;
  await post(`${baseUrl}/api/plugins/${slug}/register-actions`, {
    actions: [
      {
        action_type: 'charge_card',
        title: 'Charge Card',
        category: 'billing',
        required_fields: [],
        endpoint: '/charge',
      },
      {
        action_type: 'refund_payment',
        title: 'Refund Payment',
        category: 'billing',
        required_fields: [],
        endpoint: '/refund',
      },
      {
        action_type: 'settle_invoice',
        title: 'Settle Invoice',
        category: 'billing',
        required_fields: [],
        endpoint: '/settle',
      },
    ],
  });
  const proof = await post<{ verified: boolean }>(`${baseUrl}/api/plugins/${slug}/verify`);
  if (!proof.verified) throw new Error(`${slug}: endpoint not verified: ${JSON.stringify(proof)}`);
  return {
    id: created.plugin.id,
    slug,
    setHealthy: (value) => {
      healthy = value;
    },
    close: () => server.close(),
  };
}
