/**
 * The one store of `action_executions`: every statement on the table and the mapping of its
 * rows, as plain SQL on a `SqlRunner` (the pool, a transaction's client, or a Prisma
 * transaction). Plain SQL for all of it, not only the hot path: measured against Prisma on
 * PostgreSQL 15 (2 000 rows), one execution by id took 0.2–0.4 ms against 0.6–1.6 ms, a page of 50 took
 * 2.5–6.0 ms against 6.4 ms, and one aggregate 0.3–0.6 ms against 0.6–1.1 ms through
 * `$queryRaw`; and one style leaves a reader one way to follow.
 */
export {
  adoptOrphans,
  type ClaimedExecution,
  claimExecutions,
  dueAgainAt,
  LEASE_MS,
  renewLeases,
} from './delivery-claims';
export type { ExecutionFilter } from './execution-filter';
export { readFirstCreatedAt, readStatsRows, type StatsRow } from './execution-stats-rows';
export { loadExecutionsByKey, type RecordedExecution } from './executions-by-key';
export { findExecution, findExecutionPage } from './find-executions';
export { readPluginBacklogs } from './plugin-backlogs';
export { readPluginHealth } from './plugin-health';
export { type RecentActionCalls, readRecentActionCalls } from './recent-action-calls';
export { type DryRunRecord, insertDryRunRecords } from './record-dry-runs';
export {
  insertExecutions,
  type NewExecution,
  reopenUnsentFailures,
} from './record-executions';
export { requeueFailures } from './requeue-failures';
export { type ExecutionOutcome, settleExecutions } from './settle-executions';
