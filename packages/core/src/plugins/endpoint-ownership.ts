import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  answerEndpointChallenge,
  ENDPOINT_VERIFICATION_PATH,
  type EndpointChallenge,
  ZEndpointChallengeAnswerSchema,
} from '@registry/contracts';
import { joinPluginUrl } from '../delivery/plugin-call';
import { webhookHeaders } from '../http/webhook-signature';
import type { RegistryDeps } from '../registry-deps';
import { ensureSigningSecrets } from './plugin-secrets';

const CHALLENGE_TIMEOUT_MS = 5_000;

export interface OwnershipCheck {
  verified: boolean;
  /** Why the endpoint is not verified; null when it is. */
  error: string | null;
}

/**
 * Sends the ownership challenge to `apiEndpoint`, signed with the plugin's secret, and records
 * the outcome for that endpoint. Only a server holding the plugin's signing secret can answer:
 * an internal service, or another plugin's server, cannot. The URL policy applies as to any
 * plugin call, so the challenge itself cannot reach internal addresses.
 */
export async function checkEndpointOwnership(
  deps: Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>,
  plugin: { id: string; slug: string },
  apiEndpoint: string,
): Promise<OwnershipCheck> {
  const secret = (await ensureSigningSecrets(deps.sql, [plugin.id])).get(plugin.id) as string;
  const challenge = randomBytes(24).toString('base64url');
  const body = JSON.stringify({
    type: 'endpoint.verification',
    plugin_slug: plugin.slug,
    challenge,
  } satisfies EndpointChallenge);
  const result = await ask(
    deps,
    joinPluginUrl(apiEndpoint, ENDPOINT_VERIFICATION_PATH),
    body,
    secret,
  )
    .then(async (answer) =>
      sameText(answer, await answerEndpointChallenge(secret, challenge))
        ? { verified: true, error: null }
        : { verified: false, error: 'The endpoint answered the challenge with a wrong response' },
    )
    .catch((error: unknown) => ({ verified: false, error: describe(error) }));
  const now = new Date();
  const check = {
    apiEndpoint,
    verifiedAt: result.verified ? now : null,
    checkedAt: now,
    lastError: result.error,
  };
  await deps.db.pluginEndpointVerification.upsert({
    where: { pluginId: plugin.id },
    create: { pluginId: plugin.id, ...check },
    update: check,
  });
  return result;
}

async function ask(
  deps: Pick<RegistryDeps, 'pluginHttp'>,
  url: string,
  body: string,
  secret: string,
): Promise<string> {
  const response = await deps.pluginHttp.postJson(url, body, {
    timeoutMs: CHALLENGE_TIMEOUT_MS,
    headers: webhookHeaders([secret], `verify_${randomUUID()}`, body),
  });
  const answer = ZEndpointChallengeAnswerSchema.safeParse(response.body);
  if (!answer.success) throw new Error('The endpoint did not answer with a challenge_response');
  return answer.data.challenge_response;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function describe(error: unknown): string {
  // An EventFailure (refused address, timeout, HTTP status) is an Error with a caller's message.
  return error instanceof Error ? error.message : 'The endpoint could not be checked';
}
