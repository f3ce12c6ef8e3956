import { Webhook } from 'standardwebhooks';

/**
 * Posts `payload` to a plugin as the registry's dispatcher does: JSON, signed with `secret` by
 * the Standard Webhooks reference library. No test-runner import, for any plugin's tests
 * (`@registry/testing/signed-webhook`).
 */
export function postSignedWebhook(
  url: string,
  payload: unknown,
  { secret, id = `evt_${Math.random()}`, headers = {} }: SignedWebhookOptions,
): Promise<Response> {
  const body = JSON.stringify(payload);
  const at = new Date();
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
      ...headers,
    },
    body,
  });
}

export interface SignedWebhookOptions {
  secret: string;
  /** The `webhook-id`: one per event; a random one by default. */
  id?: string;
  headers?: Record<string, string>;
}
