import type { Attempt } from '@registry/contracts';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { formatMs } from '@/lib/format-ms';

/** Every call made to the plugin for one event, retries included. */
export function AttemptsTable({ attempts }: { attempts: Attempt[] }) {
  return (
    <Table aria-label="Attempts">
      <TableHeader>
        <TableRow>
          <TableHead>#</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>HTTP</TableHead>
          <TableHead>Duration</TableHead>
          <TableHead>Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {attempts.map((attempt) => (
          <TableRow key={attempt.number}>
            <TableCell>{attempt.number}</TableCell>
            <TableCell className="font-mono text-xs">{attempt.reason ?? 'ok'}</TableCell>
            <TableCell>{attempt.http_status ?? '—'}</TableCell>
            <TableCell>{formatMs(attempt.duration_ms)}</TableCell>
            <TableCell className="whitespace-nowrap">
              {new Date(attempt.started_at).toLocaleTimeString()}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
