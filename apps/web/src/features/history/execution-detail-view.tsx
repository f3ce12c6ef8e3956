'use client';

import { FINAL_EXECUTION_STATUSES } from '@registry/contracts';
import { ArrowLeft, RotateCcw } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { DryRunBadge } from '@/components/dry-run-toggle';
import { JsonBlock } from '@/components/json-block';
import { PageHeader } from '@/components/page-header';
import { PendingIcon } from '@/components/pending-icon';
import { StatusBadge } from '@/components/status-badge';
import { TitledSection } from '@/components/titled-section';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';
import { AttemptsTable } from './attempts-table';
import { ExecutionFacts } from './execution-facts';

/** While the event is not over, the page follows it as workers deliver it. */
const PENDING_REFRESH_MS = 2_000;
const REDELIVERABLE: readonly string[] = ['failed', 'dead'];

export function ExecutionDetailView() {
  const { id } = useParams<{ id: string }>();
  const utils = trpc.useUtils();
  const execution = trpc.executions.get.useQuery(
    { id },
    {
      refetchInterval: ({ state }) =>
        state.data && !FINAL_EXECUTION_STATUSES.includes(state.data.status)
          ? PENDING_REFRESH_MS
          : false,
    },
  );
  // Queued again: the history and the plugin's backlog change with it. Refused (409), the
  // page was stale: it shows the status that made it so.
  const redeliver = trpc.executions.redeliver.useMutation({
    onSuccess: (queued) => {
      notifyDone('Queued for delivery again');
      utils.executions.get.setData({ id }, queued);
      return Promise.all([utils.executions.list.invalidate(), utils.plugins.invalidate()]);
    },
    onError: (error) => {
      notifyFailed('Could not redeliver', error);
      return utils.executions.get.invalidate({ id });
    },
  });
  const data = execution.data;
  return (
    <>
      <Link
        href="/history"
        className="mb-3 inline-flex items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        History
      </Link>
      {execution.error && (
        <ApiErrorAlert error={execution.error} title="Could not load this execution" />
      )}
      {execution.isPending && <Skeleton className="h-64" />}
      {data && (
        <>
          <PageHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                <code className="font-mono">{data.action_type}</code>
                <StatusBadge status={data.status} />
                {data.dry_run && <DryRunBadge />}
              </span>
            }
            description={`Event ${data.event_index} of flow ${data.flow_execution_id}`}
            actions={
              REDELIVERABLE.includes(data.status) &&
              !data.dry_run && (
                <Button
                  variant="outline"
                  size="sm"
                  title="Queues the event again, from a fresh retry schedule, with the same webhook-id"
                  disabled={redeliver.isPending}
                  onClick={() => redeliver.mutate({ id })}
                >
                  <PendingIcon pending={redeliver.isPending} icon={RotateCcw} />
                  Redeliver
                </Button>
              )
            }
          />
          {redeliver.error && (
            <div className="mb-4">
              <ApiErrorAlert error={redeliver.error} title="Could not redeliver this event" />
            </div>
          )}
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <Card aria-labelledby="execution-facts">
              <CardHeader>
                <CardTitle id="execution-facts">Details</CardTitle>
              </CardHeader>
              <CardContent>
                <ExecutionFacts execution={data} />
              </CardContent>
            </Card>
            <div className="flex min-w-0 flex-col gap-4">
              {data.error && (
                <TitledSection id="execution-error" title="Error">
                  <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
                    {data.error}
                  </p>
                </TitledSection>
              )}
              {data.attempts.length > 0 && (
                <TitledSection id="execution-attempts" title="Plugin calls">
                  <AttemptsTable attempts={data.attempts} />
                </TitledSection>
              )}
              <TitledSection id="execution-payload" title="Payload">
                <JsonBlock value={data.payload} />
              </TitledSection>
              {data.output_mismatch && (
                <TitledSection id="execution-output-mismatch" title="Output mismatch">
                  <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950">
                    <p>
                      The plugin did the work, but its answer does not fit the action's output
                      schema:
                    </p>
                    <ul className="mt-1 list-disc pl-5">
                      {data.output_mismatch.map((issue) => (
                        <li key={issue.field}>
                          <code className="font-mono text-xs">{issue.field}</code> {issue.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                </TitledSection>
              )}
              {data.status === 'succeeded' && (
                <TitledSection id="execution-result" title="Result">
                  <JsonBlock value={data.result} />
                </TitledSection>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
