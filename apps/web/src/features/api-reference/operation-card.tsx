import { Badge } from '@/components/ui/badge';
import { InlineCodeText } from './inline-code-text';
import type { DocumentedOperation } from './list-operations';

/** One REST operation as the OpenAPI document describes it. */
export function OperationCard({ operation }: { operation: DocumentedOperation }) {
  const id = `${operation.method}-${operation.path}`.replace(/[^\w-]/g, '-');
  return (
    <article aria-labelledby={id} className="rounded-lg border p-4">
      <h3 id={id} className="flex flex-wrap items-center gap-2">
        <Badge variant="outline" className="font-mono">
          {operation.method}
        </Badge>{' '}
        <code className="break-all font-mono text-sm">{operation.path}</code>
      </h3>
      <p className="mt-2 font-medium">
        <InlineCodeText text={operation.summary} />
      </p>
      {operation.description.split('\n\n').map((paragraph) => (
        <p key={paragraph} className="mt-1 text-muted-foreground text-sm">
          <InlineCodeText text={paragraph} />
        </p>
      ))}
      {operation.query.length > 0 && (
        <p className="mt-2 text-sm">
          Query:{' '}
          {operation.query.map((name) => (
            <code key={name} className="mr-2 font-mono text-xs">
              {name}
            </code>
          ))}
        </p>
      )}
      <ul aria-label="Answers" className="mt-2 flex flex-wrap gap-1.5">
        {operation.answers.map(({ status, description }) => (
          <li key={status}>
            <Badge
              variant={Number(status) < 400 ? 'success' : 'default'}
              className="whitespace-normal"
            >
              {status} {description}
            </Badge>
          </li>
        ))}
      </ul>
      {operation.requestBody !== undefined && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Request body schema</summary>
          <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/50 p-3 font-mono text-xs">
            {JSON.stringify(operation.requestBody, null, 2)}
          </pre>
        </details>
      )}
    </article>
  );
}
