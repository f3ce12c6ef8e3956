import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerEndpointChallenge, ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import { Webhook } from 'standardwebhooks';

/**
 * A small stand-in for third-party plugins, so the seed document's examples work out of the
 * box. It serves `POST [/<plugin>]/actions/<action>` for the seed plugins, verifies each call's
 * Standard Webhooks signature as a real plugin should, checks the required fields of the two
 * email actions, and remembers what it "sent".
 */
export interface SamplePlugin {
  url: string;
  sent: SentMessage[];
  close(): Promise<void>;
}

export interface SentMessage {
  id: string;
  plugin: string;
  action: string;
  payload: Record<string, unknown>;
  received_at: string;
}

const REQUIRED_FIELDS: Record<string, string[]> = {
  'send-welcome-email': ['user_id', 'email'],
  'send-abandoned-cart-email': ['user_id', 'cart_id'],
};

const ACTION_PATH = /^(?:\/([a-z0-9-]+))?\/actions\/([a-z0-9-]+)\/?$/;
const CHALLENGE_PATH = new RegExp(
  `^(?:/([a-z0-9-]+))?${ENDPOINT_VERIFICATION_PATH.replaceAll('.', '\\.')}$`,
);

export interface SamplePluginOptions {
  host?: string;
  port?: number;
  /**
   * The signing secrets (`whsec_…`) of the plugin a call is for, by slug. A call for a plugin
   * without one, or whose signature none of them verifies, is refused with 401.
   */
  secretsFor: (pluginSlug: string) => readonly string[] | undefined;
}

export async function startSamplePlugin(options: SamplePluginOptions): Promise<SamplePlugin> {
  const sent: SentMessage[] = [];
  const server = createServer((request, response) => {
    handle(request, response, sent, options.secretsFor).catch(() =>
      reply(response, 500, { error: 'sample plugin failed' }),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    sent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  sent: SentMessage[],
  secretsFor: SamplePluginOptions['secretsFor'],
) {
  const path = new URL(request.url ?? '/', 'http://sample').pathname;
  if (request.method === 'GET' && (path === '/' || path === '/health')) {
    return reply(response, 200, { status: 'ok', service: 'sample-plugin', sent: sent.length });
  }
  if (request.method === 'GET' && path === '/sent') return reply(response, 200, { sent });
  const challenge = CHALLENGE_PATH.exec(path);
  if (challenge && request.method === 'POST') {
    return answerChallenge(request, response, secretsFor(challenge[1] ?? 'email-automation'));
  }
  const match = ACTION_PATH.exec(path);
  if (!match) return reply(response, 404, { error: `No such endpoint: ${path}` });
  if (request.method !== 'POST') return reply(response, 405, { error: 'Use POST' });
  const [, plugin = 'email-automation', action = ''] = match;
  const body = await readBody(request);
  const verified = verifySignature(body, request.headers, secretsFor(plugin));
  if ('error' in verified) return reply(response, 401, { error: verified.error });
  const payload = parseJsonObject(body);
  if (!payload) return reply(response, 400, { error: 'Body must be a JSON object' });
  const missing = (REQUIRED_FIELDS[action] ?? []).filter((field) => payload[field] == null);
  if (missing.length > 0) {
    return reply(response, 422, { error: `Missing required field: ${missing.join(', ')}` });
  }
  const message: SentMessage = {
    id: randomUUID(),
    plugin,
    action,
    payload,
    received_at: new Date().toISOString(),
  };
  sent.push(message);
  if (sent.length > 1000) sent.shift();
  return reply(response, 200, { success: true, message_id: message.id, action, plugin });
}

/**
 * The endpoint ownership proof: a signed challenge, answered with an HMAC only the holder of
 * the plugin's signing secret can compute.
 */
async function answerChallenge(
  request: IncomingMessage,
  response: ServerResponse,
  secrets: readonly string[] | undefined,
) {
  const body = await readBody(request);
  const verified = verifySignature(body, request.headers, secrets);
  if ('error' in verified) return reply(response, 401, { error: verified.error });
  const challenge = parseJsonObject(body)?.challenge;
  if (typeof challenge !== 'string') return reply(response, 400, { error: 'No challenge' });
  const answer = await answerEndpointChallenge(verified.secret, challenge);
  return reply(response, 200, { challenge_response: answer });
}

/**
 * The secret that verifies a call's signature, or why none does (missing, wrong, or a
 * timestamp more than five minutes off). This is all a plugin needs: the Standard Webhooks
 * library, its secret, the raw body and the three headers.
 */
function verifySignature(
  body: string,
  headers: IncomingMessage['headers'],
  secrets: readonly string[] | undefined,
): { secret: string } | { error: string } {
  if (!secrets || secrets.length === 0) {
    return { error: 'No signing secret is configured for this plugin' };
  }
  const signed = {
    'webhook-id': String(headers['webhook-id'] ?? ''),
    'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
    'webhook-signature': String(headers['webhook-signature'] ?? ''),
  };
  let reason = 'Invalid signature';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, signed);
      return { secret };
    } catch (error) {
      reason = error instanceof Error ? error.message : reason;
    }
  }
  return { error: `Signature rejected: ${reason}` };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
