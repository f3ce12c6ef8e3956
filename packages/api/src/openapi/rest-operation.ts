import {
  type ApiErrorCode,
  ZActionTypeSchema,
  ZPluginSlugSchema,
  ZRestErrorBodySchema,
} from '@registry/contracts';
import { HTTP_STATUS_BY_CODE } from '@registry/core';
import { z } from 'zod';
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiParameters,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';

/** Who may call an operation (as its REST handler declares it), or `public`. */
export type OperationAccess = 'admin' | 'catalog' | 'plugin-self' | 'public';

const WHO_MAY_CALL: Record<OperationAccess, string> = {
  admin: 'Who: an admin token.',
  catalog: 'Who: an admin token, or any plugin key of the tenant.',
  'plugin-self': "Who: an admin token, or the named plugin's own key.",
  public: 'Who: anyone; no credential needed.',
};

const ZSlugPathSchema = z.object({
  slug: ZPluginSlugSchema.meta({ description: "The plugin's slug, e.g. `email-automation`." }),
});

const ZIdPathSchema = z.object({
  id: z.guid().meta({ description: "The execution's id (`execution_id` in dispatch answers)." }),
});

const ZActionTypePathSchema = z.object({
  action_type: ZActionTypeSchema.meta({
    description: 'The action type, e.g. `send_welcome_email`.',
  }),
});

interface OperationSpec {
  tag: string;
  summary: string;
  description?: string;
  access: OperationAccess;
  query?: z.ZodObject;
  /** A `{slug}` path parameter: the route answers 404 for a plugin the tenant does not have. */
  slug?: boolean;
  /** An `{id}` path parameter (an execution): 404 for one the tenant does not have. */
  id?: boolean;
  /** An `{action_type}` path parameter. */
  actionType?: boolean;
  body?: z.ZodType;
  responses: ZodOpenApiResponsesObject;
  /** Request-level errors this operation answers besides those its access and input imply. */
  errors?: ApiErrorCode[];
}

/** `{ description, content: application/json }` for one answer. */
export function jsonAnswer(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * One REST operation: its input, its answers, and the error answers that follow from its access
 * and input (every error body is the REST error body, with the status of its `code`).
 */
export function restOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const codes = new Set<ApiErrorCode>([...(spec.errors ?? []), 'INTERNAL_ERROR']);
  if (spec.access !== 'public') codes.add('UNAUTHORIZED').add('FORBIDDEN');
  if (spec.query || spec.body) codes.add('VALIDATION_ERROR');
  if (spec.body) codes.add('MALFORMED_JSON').add('UNSUPPORTED_MEDIA_TYPE').add('PAYLOAD_TOO_LARGE');
  if (spec.slug || spec.id) codes.add('NOT_FOUND');
  if (spec.id) codes.add('VALIDATION_ERROR');
  const requestParams: ZodOpenApiParameters = {
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.slug ? { path: ZSlugPathSchema } : {}),
    ...(spec.id ? { path: ZIdPathSchema } : {}),
    ...(spec.actionType ? { path: ZActionTypePathSchema } : {}),
  };
  return {
    tags: [spec.tag],
    summary: spec.summary,
    description: [spec.description, WHO_MAY_CALL[spec.access]].filter(Boolean).join('\n\n'),
    ...(spec.access === 'public' ? { security: [] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }
      : {}),
    responses: { ...spec.responses, ...errorAnswers([...codes]) },
  };
}

/** One answer per status, naming the error codes that produce it. */
function errorAnswers(codes: ApiErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) {
    const status = HTTP_STATUS_BY_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, statusCodes]) => [
        status,
        jsonAnswer(statusCodes.join(' or '), ZRestErrorBodySchema),
      ]),
  );
}
