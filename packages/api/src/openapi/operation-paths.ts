import { type ApiErrorCode, ZRestErrorBodySchema } from '@registry/contracts';
import { HTTP_STATUS_BY_CODE } from '@registry/core';
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';
import type { RestOperation } from '../rest/rest-operation';

const WHO_MAY_CALL: Record<RestOperation['access'], string> = {
  admin: 'Who: an admin token.',
  catalog: 'Who: an admin token, or any plugin key of the tenant.',
  'plugin-self': "Who: an admin token, or the named plugin's own key.",
  public: 'Who: anyone; no credential needed.',
};

/** The OpenAPI paths of the declared operations. */
export function operationPaths(operations: readonly RestOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = paths[operation.path] ?? {};
    paths[operation.path] = item;
    item[operation.method.toLowerCase() as 'get'] = describe(operation);
  }
  return paths;
}

/**
 * One operation: its inputs, its answers, and the error answers that follow from its access
 * and inputs (every error body is the REST error body, with the status of its `code`).
 */
function describe(operation: RestOperation): ZodOpenApiOperationObject {
  const codes = new Set<ApiErrorCode>([...(operation.errors ?? []), 'INTERNAL_ERROR']);
  if (operation.access !== 'public') codes.add('UNAUTHORIZED').add('FORBIDDEN');
  if (operation.query || operation.body || operation.params) codes.add('VALIDATION_ERROR');
  if (operation.body) {
    codes.add('MALFORMED_JSON').add('UNSUPPORTED_MEDIA_TYPE').add('PAYLOAD_TOO_LARGE');
  }
  const requestParams = {
    ...(operation.query ? { query: operation.query } : {}),
    ...(operation.params ? { path: operation.params } : {}),
  };
  return {
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, WHO_MAY_CALL[operation.access]]
      .filter(Boolean)
      .join('\n\n'),
    ...(operation.access === 'public' ? { security: [] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: operation.body } },
          },
        }
      : {}),
    responses: { ...answers(operation), ...errorAnswers([...codes]) },
  };
}

function answers(operation: RestOperation): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    Object.entries(operation.responses).map(([status, answer]) => [
      status,
      {
        description: answer.description,
        content: answer.schema
          ? { 'application/json': { schema: answer.schema } }
          : {
              [answer.content?.type ?? 'application/json']: {
                schema: answer.content?.schema ?? {},
              },
            },
      },
    ]),
  );
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
        {
          description: statusCodes.join(' or '),
          content: { 'application/json': { schema: ZRestErrorBodySchema } },
        },
      ]),
  );
}
