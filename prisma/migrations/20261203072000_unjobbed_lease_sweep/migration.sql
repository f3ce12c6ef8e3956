-- Sync events have no queue job while their request delivers them; if that process dies, a
-- worker's sweep finds them by their lapsed lease. This index holds only such rows (in flight
-- now), so the sweep costs next to nothing however large the ledger grows.
CREATE INDEX "action_executions_unjobbed_lease_idx" ON "action_executions" ("lease_until")
  WHERE "job_id" IS NULL AND "status" IN ('queued', 'running', 'retrying');
