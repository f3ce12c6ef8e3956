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
  const signed = `${id}.${timestamp}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', secretKey(secret)).update(signed).digest('base64')}`,
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}

/** The key is the base64 text after `whsec_`. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}
