import type { OpenApiDocument } from '@registry/api/openapi';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface DocumentedOperation {
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  query: string[];
  requestBody: unknown;
  answers: { status: string; description: string }[];
}

/** The document's operations, grouped by tag in the document's tag order. */
export function operationsByTag(document: OpenApiDocument): [string, DocumentedOperation[]][] {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      if (!operation) return [];
      return [
        {
          method: method.toUpperCase(),
          path,
          tag: operation.tags?.[0] ?? 'Other',
          summary: operation.summary ?? '',
          description: operation.description ?? '',
          query: (operation.parameters ?? []).flatMap((parameter) =>
            'in' in parameter && parameter.in === 'query' ? [parameter.name] : [],
          ),
          requestBody: jsonSchemaOf(operation.requestBody),
          answers: Object.entries(operation.responses ?? {}).map(([status, answer]) => ({
            status,
            description: 'description' in answer ? answer.description : '',
          })),
        },
      ];
    }),
  );
  const tags = (document.tags ?? []).map((tag) => tag.name);
  return tags
    .map((tag): [string, DocumentedOperation[]] => [
      tag,
      operations.filter((operation) => operation.tag === tag),
    ])
    .filter(([, tagged]) => tagged.length > 0);
}

function jsonSchemaOf(body: unknown): unknown {
  const media = (body as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return media?.['application/json']?.schema;
}
