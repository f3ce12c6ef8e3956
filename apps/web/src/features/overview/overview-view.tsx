'use client';

import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PageHeader } from '@/components/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMs } from '@/lib/format-ms';
import { trpc } from '@/trpc/trpc';
import { failuresByPlugin, windowTotals } from './overview-totals';
import { PluginsNeedingAttention } from './plugins-needing-attention';
import { RecentFailures } from './recent-failures';
import { VolumeChart } from './volume-chart';

const HOUR_MS = 3_600_000;
/** The overview follows deliveries as they happen. */
const REFRESH_MS = 15_000;
const RECENT_FAILURES = 10;
/** Enough plugins for the attention list and the queue counts of any registry we know of. */
const PLUGINS_LIMIT = 500;

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border px-3 py-2.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-semibold text-xl tabular-nums">{value}</dd>
      {detail && <dd className="text-muted-foreground text-xs">{detail}</dd>}
    </div>
  );
}

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="font-semibold text-sm">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

const percent = (rate: number | null | undefined) =>
  rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`;

/** What an operator checks first: volume, success, latency, trouble and the queue. */
export function OverviewView() {
  // The windows are fixed when the page opens, so refetches ask the same question.
  const [now] = useState(() => Date.now());
  const refetchInterval = REFRESH_MS;
  const day = trpc.executions.stats.useQuery(
    { from: new Date(now - 24 * HOUR_MS).toISOString() },
    { refetchInterval },
  );
  const week = trpc.executions.stats.useQuery(
    { from: new Date(now - 7 * 24 * HOUR_MS).toISOString() },
    { refetchInterval },
  );
  const plugins = trpc.plugins.list.useQuery({ limit: PLUGINS_LIMIT }, { refetchInterval });
  const failed = trpc.executions.list.useQuery(
    { status: 'failed', limit: RECENT_FAILURES },
    { refetchInterval },
  );
  const dead = trpc.executions.list.useQuery(
    { status: 'dead', limit: RECENT_FAILURES },
    { refetchInterval },
  );
  const error = day.error ?? week.error ?? plugins.error ?? failed.error ?? dead.error;
  const today = windowTotals(day.data);
  const lastWeek = windowTotals(week.data);
  const backlog = (plugins.data?.plugins ?? []).reduce(
    (sum, plugin) => ({
      queued: sum.queued + plugin.backlog.queued,
      retrying: sum.retrying + plugin.backlog.retrying,
      dead: sum.dead + plugin.backlog.dead,
    }),
    { queued: 0, retrying: 0, dead: 0 },
  );
  const recentFailures =
    failed.data && dead.data
      ? [...failed.data.items, ...dead.data.items]
          .sort((a, b) => b.created_at.localeCompare(a.created_at))
          .slice(0, RECENT_FAILURES)
      : undefined;
  return (
    <>
      <PageHeader title="Overview" description="How delivery went today and what needs you." />
      {error && <ApiErrorAlert error={error} title="Could not load the overview" />}
      <div className="flex flex-col gap-6">
        <section aria-label="Key figures">
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Figure
              label="Events, last 24 h"
              value={today?.total ?? '…'}
              detail={today && `${today.failed} failed`}
            />
            <Figure
              label="Events, last 7 days"
              value={lastWeek?.total ?? '…'}
              detail={lastWeek && `${lastWeek.failed} failed`}
            />
            <Figure
              label="Success rate, 24 h"
              value={today ? percent(today.successRate) : '…'}
              detail={lastWeek && `7 days: ${percent(lastWeek.successRate)}`}
            />
            <Figure
              label="p95 latency, 24 h"
              value={today ? formatMs(today.slowestP95Ms) : '…'}
              detail={today?.slowestAction && `slowest action: ${today.slowestAction}`}
            />
          </dl>
        </section>
        <Section id="queue" title="Queue">
          <dl className="grid grid-cols-3 gap-3">
            <Figure label="Queued" value={plugins.data ? backlog.queued : '…'} />
            <Figure label="Retrying" value={plugins.data ? backlog.retrying : '…'} />
            <Figure label="Dead" value={plugins.data ? backlog.dead : '…'} />
          </dl>
        </Section>
        {week.data ? <VolumeChart stats={week.data} /> : <Skeleton className="h-56" />}
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Section
            id="attention"
            title="Plugins needing attention"
            action={
              <Link href="/plugins" className="text-muted-foreground text-xs hover:underline">
                All plugins
              </Link>
            }
          >
            {plugins.data && day.data ? (
              <PluginsNeedingAttention
                plugins={plugins.data.plugins}
                failures={failuresByPlugin(day.data)}
              />
            ) : (
              <Skeleton className="h-24" />
            )}
          </Section>
          <Section
            id="recent-failures"
            title="Recent failures"
            action={
              <Link
                href="/history?status=failed"
                className="text-muted-foreground text-xs hover:underline"
              >
                History
              </Link>
            }
          >
            {recentFailures ? (
              <RecentFailures failures={recentFailures} />
            ) : (
              <Skeleton className="h-24" />
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
