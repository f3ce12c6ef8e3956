'use client';

import type { ComponentProps } from 'react';
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

const AXIS = { fontSize: 11, fill: 'var(--muted-foreground)' };

export interface ChartLine {
  dataKey: string;
  stroke: string;
  /** The line's name in the legend and tooltip; a chart of several lines shows a legend. */
  name?: string;
}

/**
 * The dashboard's one chart config: a captioned line chart over `bucket_start`, with the same
 * frame, grid, axes, tooltip and line style everywhere.
 */
export function TimeSeriesChart({
  title,
  data,
  formatTick,
  yAxis,
  formatValue,
  lines,
}: {
  title: string;
  data: object[];
  formatTick: (iso: string) => string;
  yAxis: ComponentProps<typeof YAxis>;
  formatValue: ComponentProps<typeof Tooltip>['formatter'];
  lines: ChartLine[];
}) {
  return (
    <figure className="min-w-0 rounded-lg border p-3">
      <figcaption className="mb-2 font-medium text-xs">{title}</figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="bucket_start" tickFormatter={formatTick} tick={AXIS} minTickGap={24} />
            <YAxis tick={AXIS} width={56} {...yAxis} />
            <Tooltip
              labelFormatter={(iso) => new Date(String(iso)).toLocaleString()}
              formatter={formatValue}
            />
            {lines.length > 1 && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />}
            {lines.map((line) => (
              <Line
                key={line.dataKey}
                type="monotone"
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
                {...line}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
