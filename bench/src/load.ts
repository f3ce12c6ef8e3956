import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Requests that failed at the network level or answered non-2xx. */
  failures: number;
  total: number;
}

export interface LoadOptions {
  url: string;
  /** A fresh JSON body per request (rotating plugins, payloads); GET when absent. */
  body?: () => unknown;
  connections: number;
  seconds: number;
  /** Requests per second across all connections; as fast as possible when absent. */
  rate?: number;
}

/** Drives HTTP load with autocannon and reports throughput and latency percentiles (ms). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const makeBody = options.body;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(makeBody
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                method: 'POST',
                body: JSON.stringify(makeBody()),
              }),
            },
          ],
        }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
