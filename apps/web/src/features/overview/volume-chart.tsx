'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RouterOutputs } from '@/trpc/router-types';
import { volumeSeries } from './overview-totals';

type Stats = RouterOutputs['executions']['stats'];
const AXIS = { fontSize: 11, fill: 'var(--muted-foreground)' };

/** Events per bucket over the last 7 days, succeeded and failed stacked. */
export function VolumeChart({ stats }: { stats: Stats }) {
  const data = volumeSeries(stats);
  const daily = stats.bucket === 'day' || stats.bucket === 'week';
  const formatTick = (iso: string) =>
    new Date(iso).toLocaleString(
      undefined,
      daily ? { month: 'short', day: 'numeric' } : { day: 'numeric', hour: '2-digit' },
    );
  return (
    <figure className="min-w-0 rounded-lg border p-3">
      <figcaption className="mb-2 font-medium text-xs">
        Events per {stats.bucket}, last 7 days
      </figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="bucket_start" tickFormatter={formatTick} tick={AXIS} minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS} width={40} />
            <Tooltip labelFormatter={(iso) => new Date(String(iso)).toLocaleString()} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            <Bar
              name="succeeded"
              dataKey="succeeded"
              stackId="events"
              fill="var(--success)"
              isAnimationActive={false}
            />
            <Bar
              name="failed"
              dataKey="failed"
              stackId="events"
              fill="var(--destructive)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
