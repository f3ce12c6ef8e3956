import Link from 'next/link';
import { DryRunBadge } from '@/components/dry-run-toggle';
import { JsonBlock } from '@/components/json-block';
import { OutcomeBadge } from '@/components/outcome-badge';
import { OutputMismatchNotice } from '@/components/output-mismatch-notice';
import { formatMs } from '@/lib/format-ms';
import type { DispatchedEvent } from '@/trpc/router-types';

/** One event's outcome as dispatch reported it: result, or error with its stable code. */
export function EventResultCard({ result }: { result: DispatchedEvent }) {
  return (
    <div className="flex flex-col gap-3" data-testid="event-result">
      <div className="flex flex-wrap items-center gap-2">
        <OutcomeBadge success={result.success}>
          {result.success ? 'Success' : 'Failed'}
        </OutcomeBadge>
        {result.dry_run && <DryRunBadge />}
        {!result.success && <code className="font-mono text-xs">{result.error_code}</code>}
        {!result.success && result.http_status && (
          <span className="text-muted-foreground text-xs">HTTP {result.http_status}</span>
        )}
        <span className="text-muted-foreground text-xs tabular-nums">
          {formatMs(result.duration_ms)}
        </span>
        <Link
          href={`/history/${result.execution_id}`}
          className="ml-auto text-xs underline-offset-4 hover:underline"
        >
          View in history
        </Link>
      </div>
      {result.success && result.output_mismatch && (
        <OutputMismatchNotice issues={result.output_mismatch} />
      )}
      {result.success ? (
        result.request && result.attempts === 0 ? (
          <RequestPreview request={result.request} />
        ) : (
          <JsonBlock value={result.result} />
        )
      ) : (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
          {result.error}
        </p>
      )}
    </div>
  );
}

/** A plugin not called on a dry run: the request it would have got, signature redacted. */
function RequestPreview({ request }: { request: NonNullable<DispatchedEvent['request']> }) {
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-muted-foreground text-xs">
        The plugin was not called (its action does not support dry runs). It would get:
      </p>
      <JsonBlock value={request} />
    </div>
  );
}
