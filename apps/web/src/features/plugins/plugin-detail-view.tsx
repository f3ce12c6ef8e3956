'use client';

import { ArrowLeft, ListChecks, Pencil, Power, PowerOff, Radio } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PageHeader } from '@/components/page-header';
import { PendingIcon } from '@/components/pending-icon';
import { StatusBadge } from '@/components/status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';
import { ConnectivityResult } from './connectivity-result';
import { CredentialsCard } from './credentials-card';
import { DeletePluginButton } from './delete-plugin-button';
import { DeliveryCard } from './delivery-card';
import { EditPluginForm } from './edit-plugin-form';
import { PluginActionsSection } from './plugin-actions-section';
import { PluginFactsCard } from './plugin-facts-card';
import { PluginRecentExecutions } from './plugin-recent-executions';
import { RegistrationHistorySection } from './registration-history-section';
import { ValidationReport } from './validation-report';

/** While some of its events wait or are being delivered, the page follows them. */
const DELIVERING_REFRESH_MS = 5_000;

export function PluginDetailView() {
  const { slug } = useParams<{ slug: string }>();
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState(false);
  const plugin = trpc.plugins.get.useQuery(
    { slug },
    {
      refetchInterval: ({ state }) => {
        const backlog = state.data?.backlog;
        const delivering = backlog && backlog.queued + backlog.running + backlog.retrying > 0;
        return delivering ? DELIVERING_REFRESH_MS : false;
      },
    },
  );
  const connectivity = trpc.plugins.testConnectivity.useMutation();
  const validation = trpc.plugins.validate.useMutation();
  // A status change alters what the catalog offers: refresh everything that lists actions.
  const setStatus = trpc.plugins.setStatus.useMutation({
    onSuccess: (updated) => {
      notifyDone(`${updated.name} is now ${updated.status.replaceAll('_', ' ')}`);
      utils.plugins.get.setData({ slug }, updated);
      return Promise.all([utils.plugins.list.invalidate(), utils.actions.invalidate()]);
    },
    onError: (error) => notifyFailed('Could not change the status', error),
  });
  const data = plugin.data;
  const active = data?.status === 'active';
  return (
    <>
      <Link
        href="/plugins"
        className="mb-3 inline-flex items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        Plugins
      </Link>
      {plugin.error && <ApiErrorAlert error={plugin.error} title="Could not load this plugin" />}
      {plugin.isPending && <Skeleton className="h-64" />}
      {data && (
        <>
          <PageHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                {data.name} <StatusBadge status={data.status} />
              </span>
            }
            description={<code className="font-mono text-sm">{data.slug}</code>}
            actions={
              <>
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => connectivity.mutate({ slug })}
                  disabled={connectivity.isPending}
                >
                  <PendingIcon pending={connectivity.isPending} icon={Radio} />
                  Test connectivity
                </Button>
                <Button
                  variant="outline"
                  size="sm"
                  title="Calls each action with valid and invalid payloads; the valid calls do real work"
                  onClick={() => validation.mutate({ slug })}
                  disabled={validation.isPending}
                >
                  <PendingIcon pending={validation.isPending} icon={ListChecks} />
                  Validate endpoints
                </Button>
                <Button
                  variant={active ? 'outline' : 'default'}
                  size="sm"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate({ slug, status: active ? 'inactive' : 'active' })}
                >
                  {active ? <PowerOff aria-hidden /> : <Power aria-hidden />}
                  {active ? 'Deactivate' : 'Activate'}
                </Button>
                <Button
                  variant="outline"
                  size="sm"
                  aria-expanded={editing}
                  onClick={() => setEditing(!editing)}
                >
                  <Pencil aria-hidden />
                  Edit
                </Button>
                <DeletePluginButton plugin={data} />
              </>
            }
          />
          {data.status_reason && (
            <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950 text-sm">
              {data.status_reason}
            </p>
          )}
          {editing && (
            <Card aria-labelledby="edit-plugin-title" className="mb-4">
              <CardHeader>
                <CardTitle id="edit-plugin-title">Edit {data.name}</CardTitle>
              </CardHeader>
              <CardContent>
                <EditPluginForm plugin={data} onDone={() => setEditing(false)} />
              </CardContent>
            </Card>
          )}
          <div className="flex flex-col gap-4" aria-live="polite">
            {connectivity.data && <ConnectivityResult result={connectivity.data} />}
            {connectivity.error && <ApiErrorAlert error={connectivity.error} />}
            {validation.data && <ValidationReport report={validation.data} />}
            {validation.error && <ApiErrorAlert error={validation.error} />}
            {setStatus.error && <ApiErrorAlert error={setStatus.error} />}
          </div>
          <div className="mt-4 grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div className="flex min-w-0 flex-col gap-4">
              <PluginFactsCard plugin={data} />
              <DeliveryCard plugin={data} />
              <CredentialsCard plugin={data} />
            </div>
            <PluginActionsSection
              actions={data.registered_actions.actions}
              pluginId={data.id}
              status={data.status}
            />
          </div>
          <div className="mt-6 grid items-start gap-6 lg:grid-cols-2">
            <PluginRecentExecutions pluginId={data.id} />
            <RegistrationHistorySection slug={slug} />
          </div>
        </>
      )}
    </>
  );
}
