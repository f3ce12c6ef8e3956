import { testRegistryDeps } from '@registry/core/test-support';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createRestRouter } from '../rest';
import { restApiDocument as openApiDocument } from './index';

const deps = testRegistryDeps();

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const router = createRestRouter(deps);
const SAMPLE_PARAMS: Record<string, string> = {
  slug: 'some-plugin',
  id: '00000000-0000-4000-8000-000000000000',
  action_type: 'some_action',
};

/** What the router answers a credential-less request of this method and documented path. */
async function routedStatus(method: string, path: string): Promise<number | 'no route'> {
  const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? name);
  const answer = await router(new Request(`http://localhost${concrete}`, { method }));
  return answer ? answer.status : 'no route';
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

  it('[OPENAPI][ROUTES]: the server routes every documented operation, and answers 405 to other methods', async () => {
    const documented = documentedOperations();
    for (const operation of documented) {
      const [method, path] = operation.split(' ') as [string, string];
      const status = await routedStatus(method, path);
      expect([404, 405, 'no route'], operation).not.toContain(status);
      for (const other of HTTP_METHODS.map((m) => m.toUpperCase())) {
        if (documented.includes(`${other} ${path}`)) continue;
        expect(await routedStatus(other, path), `${other} ${path}`).toBe(405);
      }
    }
    console.log(`[OPENAPI] ${documented.length} REST operations documented and routed`);
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

describe('the OpenAPI document, typed results', () => {
  it('[OPENAPI][OUTPUT]: actions document output schemas and hints; results and executions the mismatch and source', () => {
    const document = openApiDocument();
    const discovered = JSON.stringify(document.components?.schemas?.DiscoveredAction);
    const registered = JSON.stringify(document.components?.schemas?.ActionDefinition);
    for (const field of [
      'output_schema',
      'output_example',
      'read_only',
      'destructive',
      'idempotent',
    ]) {
      expect(discovered).toContain(`"${field}"`);
      expect(registered).toContain(`"${field}"`);
    }
    expect(JSON.stringify(document.components?.schemas?.EventResult)).toContain(
      '"output_mismatch"',
    );
    const executions = JSON.stringify(document.paths?.['/api/executions']?.get?.responses?.['200']);
    expect(executions).toContain('"output_mismatch"');
    expect(executions).toContain('"mcp"');
  });
});

describe('the OpenAPI document, health', () => {
  it('[OPENAPI][HEALTH]: discovery documents ?healthy and ?sort and every action its health', () => {
    const document = openApiDocument();
    const discover = document.paths?.['/api/plugins/actions']?.get;
    const parameters = (discover?.parameters ?? []) as { name: string; schema?: unknown }[];
    expect(parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['healthy', 'sort']),
    );
    expect(JSON.stringify(parameters.find((p) => p.name === 'sort')?.schema)).toContain(
      '"success_rate"',
    );
    const discovered = JSON.stringify(document.components?.schemas?.DiscoveredAction);
    for (const field of ['calls', 'success_rate', 'p95_ms', 'last_error_code', 'circuit']) {
      expect(discovered).toContain(`"${field}"`);
    }
  });
});
