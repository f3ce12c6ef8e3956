import type { DispatchResponse, EventResult } from '@registry/contracts';

/** A sync batch's answer: its results in input order, and their sums. */
export function respond(
  flowExecutionId: string,
  unordered: EventResult[],
  started: number,
): DispatchResponse {
  const results = unordered.sort((a, b) => a.index - b.index);
  const successful = results.filter((result) => result.success).length;
  const retrying = results.filter(
    (result) => !result.success && result.status !== 'failed' && result.status !== 'dead',
  ).length;
  return {
    flow_execution_id: flowExecutionId,
    results,
    summary: {
      total: results.length,
      successful,
      failed: results.length - successful,
      retrying,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    },
  };
}
