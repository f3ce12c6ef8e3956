'use client';

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Fact, FactList } from '@/components/fact-list';
import { JsonBlock } from '@/components/json-block';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMs } from '@/lib/format-ms';
import { trpc } from '@/trpc/trpc';
import { AttemptsTable } from './attempts-table';

export function ExecutionDetailView() {
  const { id } = useParams<{ id: string }>();
  const execution = trpc.executions.get.useQuery({ id });
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
              </span>
            }
            description={`Event ${data.event_index} of flow ${data.flow_execution_id}`}
          />
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <Card aria-labelledby="execution-facts">
              <CardHeader>
                <CardTitle id="execution-facts">Details</CardTitle>
              </CardHeader>
              <CardContent>
                <FactList>
                  <Fact term="Flow">
                    <Link
                      href={`/history?flow_execution_id=${encodeURIComponent(data.flow_execution_id)}`}
                      className="break-all font-mono text-xs underline underline-offset-4"
                    >
                      {data.flow_execution_id}
                    </Link>
                  </Fact>
                  <Fact term="Plugin">
                    {data.plugin_slug ? (
                      <Link
                        href={`/plugins/${data.plugin_slug}`}
                        className="underline underline-offset-4"
                      >
                        {data.plugin_slug}
                      </Link>
                    ) : (
                      'platform'
                    )}
                  </Fact>
                  <Fact term="Duration">{formatMs(data.duration_ms)}</Fact>
                  <Fact term="Started">{new Date(data.created_at).toLocaleString()}</Fact>
                  <Fact term="Completed">
                    {data.completed_at ? new Date(data.completed_at).toLocaleString() : '—'}
                  </Fact>
                  {data.error_code && (
                    <Fact term="Error code">
                      <code className="font-mono text-xs">{data.error_code}</code>
                    </Fact>
                  )}
                  <Fact term="Execution id">
                    <span className="break-all font-mono text-xs">{data.id}</span>
                  </Fact>
                </FactList>
              </CardContent>
            </Card>
            <div className="flex min-w-0 flex-col gap-4">
              {data.error && (
                <section aria-labelledby="execution-error" className="flex flex-col gap-2">
                  <h2 id="execution-error" className="font-semibold text-sm">
                    Error
                  </h2>
                  <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
                    {data.error}
                  </p>
                </section>
              )}
              {data.attempts.length > 0 && (
                <section aria-labelledby="execution-attempts" className="flex flex-col gap-2">
                  <h2 id="execution-attempts" className="font-semibold text-sm">
                    Plugin calls
                  </h2>
                  <AttemptsTable attempts={data.attempts} />
                </section>
              )}
              <section aria-labelledby="execution-payload" className="flex flex-col gap-2">
                <h2 id="execution-payload" className="font-semibold text-sm">
                  Payload
                </h2>
                <JsonBlock value={data.payload} />
              </section>
              {data.status === 'succeeded' && (
                <section aria-labelledby="execution-result" className="flex flex-col gap-2">
                  <h2 id="execution-result" className="font-semibold text-sm">
                    Result
                  </h2>
                  <JsonBlock value={data.result} />
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
