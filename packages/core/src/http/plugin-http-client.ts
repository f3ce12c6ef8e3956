import { exceedsJsonDepth, MAX_JSON_DEPTH } from '@registry/contracts';
import { request, errors as undiciErrors } from 'undici';
import { EventFailure } from '../errors/event-failure';
import type { AddressPolicy } from './address-policy';
import {
  checkUrlAddresses,
  createGuardedAgent,
  type Resolver,
  systemResolver,
} from './guarded-agent';
import { retryAfterMs } from './retry-after';

export interface PluginResponse {
  status: number;
  /** Parsed JSON body; null for an empty body. */
  body: unknown;
}

/** Whatever a plugin answered, any status: what the endpoint validator reports on. */
export interface PluginAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The whole body as text (never more than the client's `maxResponseBytes`). */
  text: string;
  /** From sending the request to the end of the body. */
  latencyMs: number;
}

/**
 * Every call the registry makes to a plugin (dispatch, the ownership challenge, connectivity
 * tests, endpoint validation) goes through one of these, so all share one user agent, one
 * deadline rule, one body cap, no redirects and the address policy. A call that gets no
 * complete answer (timeout, refused or disallowed address, body over the cap) throws an
 * EventFailure saying why.
 */
export interface PluginHttpClient {
  /**
   * POSTs a JSON body (already serialised: signatures cover these exact bytes) and returns the
   * plugin's JSON answer; a redirect, an error status or a body that is not JSON throws.
   */
  postJson(url: string, body: string, options: PostOptions): Promise<PluginResponse>;
  /** POSTs a JSON body like `postJson`, and returns the answer whatever its status and body. */
  post(url: string, body: string, options: PostOptions): Promise<PluginAnswer>;
  /**
   * Resolves a URL's host and checks its addresses against the address policy, as a call
   * would, without connecting (dry runs); throws an EventFailure saying why it may not be called.
   */
  checkAddress(url: string): Promise<void>;
  /** GETs a URL and reports whether anything answered, for connectivity tests. */
  probe(url: string, timeoutMs: number): Promise<{ status: number; latencyMs: number }>;
  close(): Promise<void>;
}

export interface PostOptions {
  /** The call's deadline; never more than the client's `maxTimeoutMs`. */
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface PluginHttpClientOptions {
  /** Which non-public addresses plugins may use; none by default. */
  addressPolicy?: AddressPolicy;
  /** How host names are resolved (tests inject names without touching DNS). */
  resolve?: Resolver;
  /** Largest response body read from a plugin. */
  maxResponseBytes?: number;
  /** Longest deadline any call may have, whatever it asks for (PLUGIN_TIMEOUT_MAX_MS). */
  maxTimeoutMs?: number;
  /** Keep-alive connections per plugin origin: one slow plugin cannot take them all. */
  connectionsPerOrigin?: number;
}

const USER_AGENT = 'BCS-Automation/1.0';

/** Plugin calls over one pooled keep-alive undici Agent, with a real deadline per call. */
export function createPluginHttpClient(options: PluginHttpClientOptions = {}): PluginHttpClient {
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  const maxTimeoutMs = options.maxTimeoutMs ?? Number.POSITIVE_INFINITY;
  const policy = options.addressPolicy ?? { allowList: [] };
  const agent = createGuardedAgent({
    policy,
    resolve: options.resolve,
    connections: options.connectionsPerOrigin ?? 64,
    keepAliveTimeout: 10_000,
  });

  async function call(
    url: string,
    init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
    /** `discard`: only the status matters (probes); the body is drained, not kept. */
    read: 'text' | 'discard',
    requestedTimeoutMs: number,
  ): Promise<PluginAnswer> {
    const timeoutMs = Math.min(requestedTimeoutMs, maxTimeoutMs);
    const started = performance.now();
    const deadline = startDeadline(timeoutMs);
    const { signal } = deadline;
    try {
      const response = await request(url, {
        method: init.method,
        dispatcher: agent,
        signal,
        headers: { 'user-agent': USER_AGENT, ...init.headers },
        body: init.body,
      });
      const text =
        read === 'text'
          ? await readCapped(response.body, response.headers, maxResponseBytes)
          : await response.body.dump().then(() => '');
      return {
        status: response.statusCode,
        headers: response.headers,
        text,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      throw toEventFailure(error, signal, timeoutMs);
    } finally {
      deadline.clear();
    }
  }

  const post = (url: string, body: string, { timeoutMs, headers }: PostOptions) =>
    call(
      url,
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      },
      'text',
      timeoutMs,
    );

  return {
    post,
    async postJson(url, body, postOptions) {
      const answer = await post(url, body, postOptions);
      return interpret(answer.status, answer.headers, answer.text);
    },
    async checkAddress(url) {
      try {
        await checkUrlAddresses(policy, options.resolve ?? systemResolver, url);
      } catch (error) {
        throw toEventFailure(error, new AbortController().signal, 0);
      }
    },
    async probe(url, timeoutMs) {
      const { status, latencyMs } = await call(url, { method: 'GET' }, 'discard', timeoutMs);
      return { status, latencyMs };
    },
    close: () => agent.close(),
  };
}

/**
 * An abort signal that fires after `timeoutMs`, and a way to stop its timer once the call is
 * over. (`AbortSignal.timeout` keeps every call's signal, and what listens to it, alive for the
 * whole deadline: thousands of finished calls at a few hundred a second.)
 */
function startDeadline(timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

type ResponseBody = Awaited<ReturnType<typeof request>>['body'];

/** Reads at most `maxBytes`: a declared length is checked up front, a chunked body as it streams. */
async function readCapped(
  body: ResponseBody,
  headers: Record<string, string | string[] | undefined>,
  maxBytes: number,
): Promise<string> {
  const declared = Number(headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared <= maxBytes) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new EventFailure(
        'BODY_TOO_LARGE',
        `Plugin response exceeded ${maxBytes} bytes and was not read further`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function interpret(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  text: string,
): PluginResponse {
  if (status >= 300 && status < 400) {
    const location = headers.location ? ` to ${String(headers.location)}` : '';
    throw new EventFailure(
      'REDIRECT_BLOCKED',
      `Plugin answered with a redirect (${status})${location}; redirects are not followed`,
      status,
    );
  }
  if (status >= 400) {
    throw new EventFailure(
      status >= 500 ? 'HTTP_5XX' : 'HTTP_4XX',
      `Plugin action failed: ${status} - ${excerpt(text)}`,
      status,
      retryAfterMs(headers['retry-after']),
    );
  }
  if (text.trim() === '') return { status, body: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EventFailure(
      'INVALID_JSON',
      `Plugin answered ${status} with a body that is not JSON: ${excerpt(text)}`,
      status,
    );
  }
  if (exceedsJsonDepth(body)) {
    throw new EventFailure(
      'INVALID_JSON',
      `Plugin answered ${status} with JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      status,
    );
  }
  return { status, body };
}

/** A body's start on one line, for messages and reports. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

function toEventFailure(error: unknown, signal: AbortSignal, timeoutMs: number): EventFailure {
  if (error instanceof EventFailure) return error;
  if (
    signal.aborted ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new EventFailure('TIMEOUT', `Plugin did not answer within ${timeoutMs} ms`);
  }
  const code = networkCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new EventFailure('CONNECTION_REFUSED', `Plugin refused the connection (${detail})`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new EventFailure('CONNECTION_RESET', `Plugin closed the connection (${detail})`);
    case 'ERR_ADDRESS_NOT_ALLOWED':
      return new EventFailure('ADDRESS_NOT_ALLOWED', detail);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new EventFailure('DNS', `Plugin host could not be resolved (${detail})`);
    default:
      if (code && TLS_ERROR.test(code)) {
        return new EventFailure('TLS', `TLS with the plugin failed (${detail})`);
      }
      return new EventFailure('NETWORK_ERROR', `Plugin call failed: ${detail}`);
  }
}

/** OpenSSL and Node name certificate and handshake failures like these. */
const TLS_ERROR = /CERT|SSL|TLS|EPROTO/;

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
