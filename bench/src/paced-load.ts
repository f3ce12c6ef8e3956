import { Agent, request } from 'undici';
import { percentile } from './load';

export interface PacedResult {
  p50: number;
  p99: number;
  failures: number;
  total: number;
}

/**
 * Open-loop load at a fixed rate: requests leave on schedule whether or not earlier ones have
 * answered, so queueing shows up in the latencies (autocannon's rate limit sends per-second
 * bursts, which measures its own burstiness instead).
 */
export async function runPaced(options: {
  url: string;
  body: () => unknown;
  rate: number;
  seconds: number;
  /** Sees each answer's body as it arrives. */
  onAnswer?: (body: string) => void;
}): Promise<PacedResult> {
  const agent = new Agent({ connections: 512 });
  const latencies: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const send = async () => {
    const started = performance.now();
    try {
      const response = await request(options.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.body()),
      });
      const body = await response.body.text();
      if (response.statusCode >= 300) failures++;
      else options.onAnswer?.(body);
    } catch {
      failures++;
    }
    latencies.push(performance.now() - started);
  };
  const interval = 1000 / options.rate;
  const begin = performance.now();
  let sent = 0;
  while (performance.now() - begin < options.seconds * 1000) {
    const due = Math.floor((performance.now() - begin) / interval) + 1;
    for (; sent < due; sent++) inFlight.push(send());
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, interval / 2)));
  }
  await Promise.all(inFlight);
  await agent.close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures, total: sent };
}
