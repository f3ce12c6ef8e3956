'use client';

import type { DiscoveredAction } from '@registry/contracts';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useParams, useSearchParams } from 'next/navigation';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Fact, FactList } from '@/components/fact-list';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { trpc } from '@/trpc/trpc';
import { ActionHints } from './action-hints';
import { ActionOutputCard } from './action-output-card';
import { TestFirePanel } from './test-fire-panel';

export function ActionDetailView() {
  const { actionType } = useParams<{ actionType: string }>();
  const pluginId = useSearchParams().get('plugin_id') ?? undefined;
  const action = trpc.actions.get.useQuery({
    action_type: decodeURIComponent(actionType),
    plugin_id: pluginId,
  });
  return (
    <>
      <Link
        href="/actions"
        className="mb-3 inline-flex items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        Actions
      </Link>
      {action.error && <ApiErrorAlert error={action.error} title="Could not load this action" />}
      {action.isPending && <DetailSkeleton />}
      {action.data && (
        <>
          <PageHeader
            title={action.data.title}
            description={<code className="font-mono text-sm">{action.data.action_type}</code>}
          />
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div className="flex min-w-0 flex-col gap-4">
              <ActionFacts action={action.data} />
              <ActionOutputCard action={action.data} />
            </div>
            <TestFirePanel
              key={`${action.data.plugin_id}/${action.data.action_type}`}
              action={action.data}
            />
          </div>
        </>
      )}
    </>
  );
}

function ActionFacts({ action }: { action: DiscoveredAction }) {
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader>
        <CardTitle id="facts-title">Definition</CardTitle>
      </CardHeader>
      <CardContent>
        {action.description && <p className="mb-4">{action.description}</p>}
        <FactList>
          <Fact term="Category">
            <Badge variant="outline">{action.category}</Badge>
          </Fact>
          <Fact term="Provided by">
            {action.source === 'plugin' ? (
              <Link
                href={`/plugins/${action.plugin_slug}`}
                className="underline underline-offset-4"
              >
                {action.plugin_name}
              </Link>
            ) : (
              'Platform (built in)'
            )}
          </Fact>
          {action.source === 'plugin' && (
            <Fact term="Endpoint">
              <span className="break-all font-mono text-xs">POST {action.endpoint}</span>
            </Fact>
          )}
          <Fact term="Required fields">
            <FieldList names={action.required_fields} />
          </Fact>
          <Fact term="Optional fields">
            <FieldList names={action.optional_fields} />
          </Fact>
          <Fact term="Hints">
            <ActionHints action={action} />
          </Fact>
        </FactList>
      </CardContent>
    </Card>
  );
}

function FieldList({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {names.map((name) => (
        <li key={name}>
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{name}</code>
        </li>
      ))}
    </ul>
  );
}

function DetailSkeleton() {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Loading">
      <Skeleton className="h-7 w-64" />
      <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}
