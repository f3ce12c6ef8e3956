import { restApiDocument } from '@registry/api/openapi';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { operationsByTag } from '@/features/api-reference/list-operations';
import { OperationCard } from '@/features/api-reference/operation-card';

export const metadata: Metadata = { title: 'API reference' };

/** The REST endpoints, rendered from the same OpenAPI document `/api/openapi.json` serves. */
export default function ApiReferencePage() {
  const document = restApiDocument();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            The REST endpoints automations and plugins call, from the{' '}
            <a className="underline" href="/api/openapi.json">
              OpenAPI {document.openapi} document
            </a>
            . Sibling apps can use the typed tRPC API at <code>/api/trpc</code> through{' '}
            <code>@registry/client</code>.
          </>
        }
      />
      <div className="space-y-8">
        {operationsByTag(document).map(([tag, operations]) => (
          <section key={tag} aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`} className="mb-3 font-semibold text-lg">
              {tag}
            </h2>
            <div className="space-y-3">
              {operations.map((operation) => (
                <OperationCard
                  key={`${operation.method} ${operation.path}`}
                  operation={operation}
                />
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
