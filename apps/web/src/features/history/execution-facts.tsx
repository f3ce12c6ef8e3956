import Link from 'next/link';
import { Fact, FactList } from '@/components/fact-list';
import { TimeAgo } from '@/components/time-ago';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type Execution = RouterOutputs['executions']['get'];

const SOURCE_MEANS = {
  api: 'Recorded before sources were kept',
  rest: 'The REST automation endpoint',
  trpc: 'The tRPC API',
  dashboard: 'This dashboard',
  mcp: "An MCP client's tool call",
};

const MODE_MEANS = {
  sync: 'Dispatched waiting for the outcome',
  async: 'Queued; the dispatch was answered at once',
};

/** Where an event came from, how it was delivered and, while it waits, when it is tried again. */
export function ExecutionFacts({ execution }: { execution: Execution }) {
  return (
    <FactList>
      <Fact term="Flow">
        <Link
          href={`/history?flow_execution_id=${encodeURIComponent(execution.flow_execution_id)}`}
          className="break-all font-mono text-xs underline underline-offset-4"
        >
          {execution.flow_execution_id}
        </Link>
      </Fact>
      <Fact term="Plugin">
        {execution.plugin_slug ? (
          <Link href={`/plugins/${execution.plugin_slug}`} className="underline underline-offset-4">
            {execution.plugin_slug}
          </Link>
        ) : (
          'platform'
        )}
      </Fact>
      <Fact term="Source">
        <span title={SOURCE_MEANS[execution.source]}>{execution.source}</span>
      </Fact>
      <Fact term="Mode">
        <span title={MODE_MEANS[execution.mode]}>{execution.mode}</span>
      </Fact>
      <Fact term="Attempts">{execution.attempts.length}</Fact>
      {execution.next_attempt_at && (
        <Fact term="Next attempt">
          <TimeAgo iso={execution.next_attempt_at} />{' '}
          <span className="text-muted-foreground text-xs">
            ({new Date(execution.next_attempt_at).toLocaleString()})
          </span>
        </Fact>
      )}
      <Fact term="Duration">{formatMs(execution.duration_ms)}</Fact>
      <Fact term="Started">{new Date(execution.created_at).toLocaleString()}</Fact>
      <Fact term="Completed">
        {execution.completed_at ? new Date(execution.completed_at).toLocaleString() : '—'}
      </Fact>
      {execution.error_code && (
        <Fact term="Error code">
          <code className="font-mono text-xs">{execution.error_code}</code>
        </Fact>
      )}
      <Fact term="Execution id">
        <span className="break-all font-mono text-xs">{execution.id}</span>
      </Fact>
    </FactList>
  );
}
