import { MAX_TRPC_BATCH_CALLS } from '@registry/contracts';
import { AppError } from '@registry/core';
import type { TRPCRequestInfo } from '@trpc/server/http';
import { checkBodyHeaders, sizeLimitedBody } from '../request-body-limits';

/**
 * The request as tRPC gets it: tRPC reads the body only when a procedure asks for its input
 * (after access is checked), and then no further than the REST size limit.
 */
export function withSizeLimitedBody(request: Request): Request {
  if (!request.body) return request;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: sizeLimitedBody(request),
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
}

/**
 * Refuses, before any procedure runs, a request over REST's limits: a body of another type
 * than JSON (tRPC would read forms and byte streams whole), a declared length over the size
 * limit, or more calls in one batch than the limit.
 */
export function checkTrpcRequest(request: Request, info: TRPCRequestInfo): void {
  if (info.calls.length > MAX_TRPC_BATCH_CALLS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A tRPC batch may hold at most ${MAX_TRPC_BATCH_CALLS} calls (received ${info.calls.length})`,
    );
  }
  if (request.method !== 'GET') checkBodyHeaders(request);
}
