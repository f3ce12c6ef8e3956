import type { ApiErrorCode } from '@registry/contracts';
import type { Access, Principal, RegistryDeps } from '@registry/core';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an operation's handler gets: the caller and its parsed inputs. */
export interface OperationContext<P, Q, B> {
  deps: RegistryDeps;
  request: Request;
  /** Who calls; null only for a public operation called without a credential. */
  principal: Principal | null;
  /** The tenant the caller acts for (empty for an anonymous call of a public operation). */
  tenantId: string;
  params: P;
  query: Q;
  body: B;
}

/** A JSON answer (status 200 unless said), or a Response for what is not JSON. */
export type OperationAnswer =
  | { status?: number; body: unknown; headers?: Record<string, string> }
  | Response;

/** One documented answer: JSON of `schema`, or other content (`text/plain`, the document). */
export interface AnswerSpec {
  description: string;
  schema?: z.ZodType;
  content?: { type: string; schema: object };
}

/**
 * One REST operation, declared once: its method and path, who may call it, its inputs and
 * answers (the schemas its handler parses with and answers in), and the handler. The router,
 * the OpenAPI document and the auth matrix are all derived from the list of these.
 */
export interface RestOperation {
  method: HttpMethod;
  /** The path as OpenAPI writes it: `/api/plugins/{slug}`. */
  path: string;
  access: Access | 'public';
  tag: string;
  summary: string;
  description?: string;
  /** Request-level errors it answers besides those its access and inputs imply. */
  errors?: ApiErrorCode[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, AnswerSpec>;
  handle(context: OperationContext<unknown, unknown, unknown>): Promise<OperationAnswer>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Declares an operation with its handler typed by its own input schemas. */
export function defineOperation<
  PS extends z.ZodObject | undefined = undefined,
  QS extends z.ZodObject | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(
  operation: Omit<RestOperation, 'handle' | 'params' | 'query' | 'body'> & {
    params?: PS;
    query?: QS;
    body?: BS;
    handle(context: OperationContext<Out<PS>, Out<QS>, Out<BS>>): Promise<OperationAnswer>;
  },
): RestOperation {
  return operation as unknown as RestOperation;
}
