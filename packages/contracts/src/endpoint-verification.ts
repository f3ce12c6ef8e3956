import { z } from 'zod';

/**
 * Endpoint ownership proof. Before a plugin whose `api_endpoint` is new or changed becomes
 * active, the registry POSTs a challenge to `api_endpoint + ENDPOINT_VERIFICATION_PATH`, signed
 * like every call (Standard Webhooks headers, the plugin's signing secret). The plugin checks
 * the signature and answers `challenge_response`: proof that whoever answers at that address
 * holds this plugin's secret. An internal service or another plugin's server cannot answer.
 */
export const ENDPOINT_VERIFICATION_PATH = '/.well-known/registry-verification';

export const ZEndpointChallengeSchema = z.object({
  type: z.literal('endpoint.verification'),
  plugin_slug: z.string(),
  challenge: z.string().min(16).max(200),
});
export type EndpointChallenge = z.output<typeof ZEndpointChallengeSchema>;

export const ZEndpointChallengeAnswerSchema = z.object({ challenge_response: z.string() });

/**
 * The answer to a challenge: base64 HMAC-SHA256 of `endpoint-verification.<challenge>` keyed
 * with the secret's bytes (the base64 after `whsec_`, as Standard Webhooks keys are). Web Crypto,
 * so plugins on any JavaScript runtime compute it the same way.
 */
export async function answerEndpointChallenge(
  signingSecret: string,
  challenge: string,
): Promise<string> {
  const keyBytes = base64ToBytes(signingSecret.replace(/^whsec_/, ''));
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const message = new TextEncoder().encode(`endpoint-verification.${challenge}`);
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, message)));
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
