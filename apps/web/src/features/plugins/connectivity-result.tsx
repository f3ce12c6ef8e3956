import { CircleCheck, CircleX } from 'lucide-react';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type Connectivity = RouterOutputs['plugins']['testConnectivity'];

export function ConnectivityResult({ result }: { result: Connectivity }) {
  return (
    <Alert variant={result.success ? 'success' : 'destructive'} data-testid="connectivity-result">
      <AlertTitle>
        {result.success ? <CircleCheck aria-hidden /> : <CircleX aria-hidden />}
        {result.message}
      </AlertTitle>
      <p className="mt-1 pl-6 font-mono text-xs">
        {result.url ?? 'no url'} · {result.status ? `HTTP ${result.status}` : 'no answer'} ·{' '}
        {formatMs(result.latency_ms)}
      </p>
    </Alert>
  );
}
