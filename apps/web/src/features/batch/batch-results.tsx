import Link from 'next/link';
import { DryRunBadge } from '@/components/dry-run-toggle';
import { JsonBlock } from '@/components/json-block';
import { OutcomeBadge } from '@/components/outcome-badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type DispatchResponse = RouterOutputs['automation']['dispatch'];

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-lg border px-3 py-2">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-semibold text-lg tabular-nums">{value}</dd>
    </div>
  );
}

/** The dispatch response as the automation endpoint returned it: summary, then each event. */
export function BatchResults({ response }: { response: DispatchResponse }) {
  const { summary } = response;
  return (
    <section aria-labelledby="batch-results" className="flex flex-col gap-3">
      <h2 id="batch-results" className="font-semibold text-sm">
        Results of{' '}
        <Link
          href={`/history?flow_execution_id=${encodeURIComponent(response.flow_execution_id)}`}
          className="font-mono underline underline-offset-4"
        >
          {response.flow_execution_id}
        </Link>
      </h2>
      {response.dry_run && (
        <p>
          <DryRunBadge />
        </p>
      )}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="batch-summary">
        <Stat label="Total" value={summary.total} />
        <Stat label="Successful" value={summary.successful} />
        <Stat label="Failed" value={summary.failed} />
        <Stat label="Duration" value={formatMs(summary.duration_ms)} />
      </dl>
      <div className="rounded-lg border">
        <Table aria-label="Event results">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>#</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Outcome</TableHead>
              <TableHead className="text-right">Duration</TableHead>
              <TableHead className="hidden md:table-cell">Detail</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {response.results.map((result) => (
              <TableRow key={result.execution_id}>
                <TableCell className="tabular-nums">{result.index}</TableCell>
                <TableCell>
                  <Link
                    href={`/history/${result.execution_id}`}
                    className="font-mono text-[13px] hover:underline"
                  >
                    {result.action_type}
                  </Link>
                  <span className="block text-muted-foreground text-xs">
                    {result.plugin_slug ?? 'platform'}
                  </span>
                </TableCell>
                <TableCell>
                  <OutcomeBadge success={result.success}>
                    {result.success ? 'success' : result.error_code}
                  </OutcomeBadge>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatMs(result.duration_ms)}
                </TableCell>
                <TableCell className="hidden max-w-md truncate font-mono text-muted-foreground text-xs md:table-cell">
                  {result.success ? JSON.stringify(result.result) : result.error}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <details className="rounded-lg border px-3 py-2">
        <summary className="cursor-pointer font-medium text-sm">Response JSON</summary>
        <JsonBlock value={response} className="mt-2" />
      </details>
    </section>
  );
}
