'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type Stats = RouterOutputs['executions']['stats'];
type Series = Stats['actions'][number]['series'];

const AXIS = { fontSize: 11, fill: 'var(--muted-foreground)' };

function tickFormatter(bucket: Stats['bucket']) {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'minute' || bucket === 'hour'
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'short', day: 'numeric' };
  return (iso: string) => new Date(iso).toLocaleString(undefined, options);
}

function ChartFrame({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="min-w-0 rounded-lg border p-3">
      <figcaption className="mb-2 font-medium text-xs">{title}</figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
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
      <ChartFrame title={`Success rate per ${bucket}`}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="bucket_start" tickFormatter={formatTick} tick={AXIS} minTickGap={24} />
          <YAxis domain={[0, 100]} unit="%" tick={AXIS} width={56} />
          <Tooltip
            labelFormatter={(iso) => new Date(String(iso)).toLocaleString()}
            formatter={(value) => [`${value}%`, 'success rate']}
          />
          <Line
            type="monotone"
            dataKey="success_pct"
            stroke="var(--success)"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
      <ChartFrame title={`Latency per ${bucket}`}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="bucket_start" tickFormatter={formatTick} tick={AXIS} minTickGap={24} />
          <YAxis tick={AXIS} width={56} tickFormatter={(ms: number) => formatMs(ms)} />
          <Tooltip
            labelFormatter={(iso) => new Date(String(iso)).toLocaleString()}
            formatter={(value, name) => [formatMs(Number(value)), name]}
          />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
          <Line
            name="p50"
            type="monotone"
            dataKey="p50_ms"
            stroke="var(--ring)"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
          <Line
            name="p95"
            type="monotone"
            dataKey="p95_ms"
            stroke="var(--warning)"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
    </div>
  );
}
