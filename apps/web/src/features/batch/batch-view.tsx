'use client';

import { Loader2 } from 'lucide-react';
import { useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PageHeader } from '@/components/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { trpc } from '@/trpc/trpc';
import { BatchComposer } from './batch-composer';
import { BatchResults } from './batch-results';
import { useElapsed } from './use-elapsed';

export function BatchView() {
  const catalog = trpc.actions.discover.useQuery({});
  const utils = trpc.useUtils();
  const dispatch = trpc.automation.dispatch.useMutation({
    onSuccess: () => utils.executions.invalidate(),
  });
  const elapsed = useElapsed(dispatch.isPending);
  const [dryRun, setDryRun] = useState(false);
  return (
    <>
      <PageHeader
        title="Batch test-fire"
        description="Compose events from the catalog, platform and plugin alike, and run them as one automation batch."
      />
      {catalog.error && <ApiErrorAlert error={catalog.error} title="Could not load the catalog" />}
      {catalog.isPending && <Skeleton className="h-48" />}
      {catalog.data && (
        <BatchComposer
          actions={catalog.data.actions}
          running={dispatch.isPending}
          dryRun={dryRun}
          onDryRunChange={setDryRun}
          onRun={({ mode: _mode, ...request }) =>
            dispatch.mutate({ ...request, ...(dryRun ? { dry_run: true } : {}) })
          }
        />
      )}
      <div className="mt-6 flex flex-col gap-3" aria-live="polite">
        {dispatch.isPending && (
          <p className="flex items-center gap-2 text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            Running {dispatch.variables?.events.length} events… {elapsed.toFixed(1)} s
          </p>
        )}
        {dispatch.error && (
          <ApiErrorAlert error={dispatch.error} title="Dispatch refused the batch" />
        )}
        {dispatch.data && !dispatch.isPending && <BatchResults response={dispatch.data} />}
        {dispatch.isIdle && (
          <p className="text-muted-foreground">
            Each event's result and the batch summary appear here after a run.
          </p>
        )}
      </div>
    </>
  );
}
