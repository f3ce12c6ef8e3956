import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  answerEndpointChallenge,
  ENDPOINT_VERIFICATION_PATH,
  REGISTRATION_DOCUMENT_PATH,
  ZEndpointChallengeSchema,
} from '@registry/contracts';
import { ActionError, actionAt, type Plugin, type ResolvedAction } from './define-plugin';
import { BodyTooLargeError, errorBody, readBody, sendHtml, sendJson } from './http-exchange';
import { checkPayload, validationErrorBody } from './payload-validation';
import { registrationPayload } from './registration-payload';
import { checkSignature } from './signature';

export interface RequestOptions {
  /** The plugin's signing secrets; with none, calls are not checked and challenges not answered. */
  signingSecrets: readonly string[];
}

/**
 * Routes one request, given its path below the plugin's base path: POST to an action's endpoint
 * or to the ownership challenge, GET to a page or to the registration document. Every answer is JSON (a page may be HTML);
 * nothing a caller or handler does yields an HTML error page or a stack trace.
 */
export async function handleRequest(
  plugin: Plugin,
  options: RequestOptions,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const action = actionAt(plugin, path);
  const isChallenge = path === ENDPOINT_VERIFICATION_PATH;
  if (request.method === 'GET' || request.method === 'HEAD') {
    const page = plugin.pages[path];
    if (page) {
      const reply = await page();
      return 'html' in reply
        ? sendHtml(response, 200, reply.html)
        : sendJson(response, 200, reply.json);
    }
    // What this server would register: public, as the registry's catalog shows it anyway.
    if (path === REGISTRATION_DOCUMENT_PATH) {
      return sendJson(response, 200, registrationPayload(plugin));
    }
    if (path === '/') {
      return sendJson(response, 200, {
        status: 'ok',
        plugin: plugin.slug,
        actions: plugin.actions.length,
      });
    }
  }
  // Errors name the path as the caller sent it, base path included.
  const requested = new URL(request.url ?? '/', 'http://plugin').pathname;
  if (!action && !isChallenge) {
    return sendJson(response, 404, errorBody(`No such endpoint: ${requested}`, 'NOT_FOUND'));
  }
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return sendJson(response, 405, errorBody(`Use POST for ${requested}`, 'METHOD_NOT_ALLOWED'));
  }
  let rawBody: string;
  try {
    rawBody = await readBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return sendJson(response, 413, errorBody('Body is larger than 1 MiB', 'BODY_TOO_LARGE'));
  }
  let secret: string | undefined;
  if (options.signingSecrets.length > 0) {
    const signature = checkSignature(options.signingSecrets, rawBody, request.headers);
    if (!signature.ok) return sendJson(response, 401, errorBody(signature.error, 'UNAUTHORIZED'));
    secret = signature.secret;
  }
  if (action) return runAction(action, rawBody, request, response);
  return answerChallenge(plugin, secret, rawBody, response);
}

async function runAction(
  action: ResolvedAction,
  rawBody: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const payload = checkPayload(action.input, rawBody);
  if (!payload.ok) return sendJson(response, 400, validationErrorBody(payload.issues));
  const dryRun = header(request, 'webhook-dry-run') === 'true';
  // A dry run must not act: a handler that does not say it honours them is not run.
  if (dryRun && !action.supports_dry_run) {
    return sendJson(response, 200, { success: true, dry_run: true, handled: false });
  }
  try {
    const result = await action.handler(payload.value, {
      actionType: action.action_type,
      webhookId: header(request, 'webhook-id'),
      flowExecutionId: header(request, 'x-flow-execution-id'),
      dryRun,
    });
    sendJson(response, 200, result ?? { success: true });
  } catch (error) {
    if (error instanceof ActionError) {
      return sendJson(response, error.status, errorBody(error.message, 'ACTION_REJECTED'));
    }
    const message = error instanceof Error ? error.message : String(error);
    sendJson(response, 500, errorBody(`${action.action_type} failed: ${message}`, 'ACTION_FAILED'));
  }
}

async function answerChallenge(
  plugin: Plugin,
  secret: string | undefined,
  rawBody: string,
  response: ServerResponse,
): Promise<void> {
  if (!secret) {
    const message = 'This plugin has no signing secret configured, so it cannot prove ownership';
    return sendJson(response, 503, errorBody(message, 'NOT_CONFIGURED'));
  }
  const challenge = ZEndpointChallengeSchema.safeParse(parseJson(rawBody));
  if (!challenge.success || challenge.data.plugin_slug !== plugin.slug) {
    const message = `Expected an endpoint.verification challenge for plugin ${plugin.slug}`;
    return sendJson(response, 400, errorBody(message, 'VALIDATION_ERROR'));
  }
  sendJson(response, 200, {
    challenge_response: await answerEndpointChallenge(secret, challenge.data.challenge),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
