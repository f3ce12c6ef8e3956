'use client';

import { TimeSeriesChart } from '@/components/time-series-chart';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type Stats = RouterOutputs['executions']['stats'];
type Series = Stats['actions'][number]['series'];

function tickFormatter(bucket: Stats['bucket']) {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'minute' || bucket === 'hour'
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'short', day: 'numeric' };
  return (iso: string) => new Date(iso).toLocaleString(undefined, options);
}

/** Success rate and p50/p95 latency per bucket; empty buckets leave gaps, not zeros. */
export function StatsCharts({ series, bucket }: { series: Series; bucket: Stats['bucket'] }) {
  const data = series.map((point) => ({
    ...point,
    success_pct: point.success_rate === null ? null : Math.round(point.success_rate * 1000) / 10,
  }));
  const formatTick = tickFormatter(bucket);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <TimeSeriesChart
        title={`Success rate per ${bucket}`}
        data={data}
        formatTick={formatTick}
        yAxis={{ domain: [0, 100], unit: '%' }}
        formatValue={(value) => [`${value}%`, 'success rate']}
        lines={[{ dataKey: 'success_pct', stroke: 'var(--success)' }]}
      />
      <TimeSeriesChart
        title={`Latency per ${bucket}`}
        data={data}
        formatTick={formatTick}
        yAxis={{ tickFormatter: (ms: number) => formatMs(ms) }}
        formatValue={(value, name) => [formatMs(Number(value)), name]}
        lines={[
          { name: 'p50', dataKey: 'p50_ms', stroke: 'var(--ring)' },
          { name: 'p95', dataKey: 'p95_ms', stroke: 'var(--warning)' },
        ]}
      />
    </div>
  );
}
