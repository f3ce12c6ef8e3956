import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks headers of one call: `webhook-signature` holds a `v1,` HMAC-SHA256 of
 * `id.timestamp.body` for each secret, space-separated (two during a rotation's grace period).
 * Signed per attempt, so every attempt carries a fresh timestamp for the receiver's
 * staleness check.
 */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signatures = secrets.map((secret) => {
    const hmac = createHmac('sha256', secretKey(secret));
    return `v1,${hmac.update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
  });
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}

/** Decoded keys by secret: a plugin's secret signs thousands of calls. */
const keys = new Map<string, Buffer>();

/** The key is the base64 text after `whsec_`. */
function secretKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 10_000) keys.clear();
    key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
    keys.set(secret, key);
  }
  return key;
}
