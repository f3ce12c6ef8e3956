import { randomBytes } from 'node:crypto';

/**
 * A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64 (the spec asks
 * for 24 to 64). Plugins keep it to verify the `webhook-signature` of the calls they receive.
 */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
