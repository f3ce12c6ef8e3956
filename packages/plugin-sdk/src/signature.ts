import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';

export type SignatureCheck = { ok: true; secret: string } | { ok: false; error: string };

/**
 * Checks a call's Standard Webhooks signature against the plugin's secrets (two while the
 * registry's rotation grace period lasts): the raw body and the three `webhook-*` headers.
 * The library also refuses a timestamp more than five minutes off, so a captured call cannot
 * be replayed later.
 */
export function checkSignature(
  secrets: readonly string[],
  rawBody: string,
  headers: IncomingHttpHeaders,
): SignatureCheck {
  const signed = {
    'webhook-id': String(headers['webhook-id'] ?? ''),
    'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
    'webhook-signature': String(headers['webhook-signature'] ?? ''),
  };
  if (!signed['webhook-signature']) return { ok: false, error: 'Missing webhook-signature header' };
  let reason = 'No matching signature found';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(rawBody, signed);
      return { ok: true, secret };
    } catch (error) {
      reason = error instanceof Error ? error.message : reason;
    }
  }
  return { ok: false, error: `Signature rejected: ${reason}` };
}
