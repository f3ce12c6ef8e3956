'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import type { RouterOutputs } from '@/trpc/router-types';

type Plugin = RouterOutputs['plugins']['list']['plugins'][number];

/** Why a plugin needs an operator: each sign of trouble it shows, worst first. */
export function troubleOf(plugin: Plugin, failedToday: number): string[] {
  const trouble: string[] = [];
  if (plugin.status === 'disabled') trouble.push('disabled');
  if (plugin.circuit?.state === 'open') trouble.push('circuit open');
  if (plugin.circuit?.state === 'half_open') trouble.push('circuit half open');
  if (plugin.backlog.dead > 0) trouble.push(`${plugin.backlog.dead} dead`);
  if (plugin.backlog.retrying > 0) trouble.push(`${plugin.backlog.retrying} retrying`);
  if (failedToday > 0) trouble.push(`${failedToday} failed in 24 h`);
  return trouble;
}

/** Plugins with an open circuit, a disabled status or failing deliveries, linked to each. */
export function PluginsNeedingAttention({
  plugins,
  failures,
}: {
  plugins: Plugin[];
  failures: Map<string, number>;
}) {
  const troubled = plugins
    .map((plugin) => ({ plugin, trouble: troubleOf(plugin, failures.get(plugin.id) ?? 0) }))
    .filter(({ trouble }) => trouble.length > 0);
  if (troubled.length === 0) {
    return (
      <EmptyState title="Every plugin delivers">No open circuit, no failures in 24 h.</EmptyState>
    );
  }
  return (
    <ul aria-label="Plugins needing attention" className="flex flex-col divide-y rounded-lg border">
      {troubled.map(({ plugin, trouble }) => (
        <li key={plugin.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
          <Link
            href={`/plugins/${plugin.slug}`}
            className="rounded font-medium outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            {plugin.name}
          </Link>
          <StatusBadge status={plugin.status} />
          <span className="flex flex-wrap gap-1.5">
            {trouble.map((reason) => (
              <Badge key={reason} variant="destructive">
                {reason}
              </Badge>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
