import { testRegistryDeps } from '@registry/core/test-support';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createRestRoutes } from '../rest';
import { openApiDocument } from './openapi-document';

const deps = testRegistryDeps();

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** `METHOD /path` of every operation, with Next.js' `[slug]` written as OpenAPI's `{slug}`. */
function routedOperations(): string[] {
  const routes = createRestRoutes(deps) as Record<string, Record<string, unknown>>;
  return Object.entries(routes).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path.replace(/\[(\w+)\]/g, '{$1}')}`),
  );
}

function documentedOperations(): string[] {
  return Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item?.[method]).map(
      (method) => `${method.toUpperCase()} ${path}`,
    ),
  );
}

describe('the OpenAPI document', () => {
  it('[OPENAPI][VALID]: is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(openApiDocument()) as unknown as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('[OPENAPI][ROUTES]: documents every REST route and method, and no other', () => {
    const routed = routedOperations();
    console.log(`[OPENAPI] ${routed.length} REST operations routed and documented`);
    expect(documentedOperations().sort()).toEqual(routed.sort());
  });

  it('[OPENAPI][SECURITY]: asks for the bearer token, except on the public routes', () => {
    const document = openApiDocument();
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const open = documentedOperations().filter((operation) => {
      const [method, path] = operation.split(' ') as [string, string];
      const item = document.paths?.[path] as Record<string, { security?: unknown[] }>;
      return item[method.toLowerCase()]?.security?.length === 0;
    });
    expect(open.sort()).toEqual([
      'DELETE /api/session',
      'GET /api/openapi.json',
      'GET /api/session',
      'POST /api/session',
    ]);
  });

  it('[OPENAPI][ERRORS]: describes every error answer with the REST error body', () => {
    const errorBody = { $ref: '#/components/schemas/RestError' };
    for (const operation of Object.values(openApiDocument().paths ?? {}).flatMap((item) =>
      HTTP_METHODS.map((method) => item?.[method]).filter(Boolean),
    )) {
      for (const [status, answer] of Object.entries(operation?.responses ?? {})) {
        if (Number(status) < 400 || status === '503') continue;
        expect(answer).toMatchObject({ content: { 'application/json': { schema: errorBody } } });
      }
    }
  });

  it('[OPENAPI][PARAMETERS]: every parameter says what it does', () => {
    const parameters = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
      HTTP_METHODS.flatMap((method) =>
        (item?.[method]?.parameters ?? []).map((parameter) => ({
          operation: `${method.toUpperCase()} ${path}`,
          ...(parameter as { name: string; in: string; description?: string }),
        })),
      ),
    );
    const undescribed = parameters
      .filter((parameter) => !parameter.description)
      .map((parameter) => `${parameter.operation} ${parameter.in} ${parameter.name}`);
    expect(parameters.length).toBeGreaterThan(10);
    expect(undescribed).toEqual([]);
  });
});
