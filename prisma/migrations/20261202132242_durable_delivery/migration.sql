-- AlterTable
ALTER TABLE "plugins" ADD COLUMN     "delivery" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "status_reason" TEXT;

-- AlterTable
ALTER TABLE "action_executions" ADD COLUMN     "job_id" UUID,
ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'sync',
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "schedule_start" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "status" SET DEFAULT 'queued';

-- CreateTable
CREATE TABLE "plugin_delivery_state" (
    "plugin_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "circuit_state" TEXT NOT NULL DEFAULT 'closed',
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3),
    "half_open_at" TIMESTAMPTZ(3),
    "trial_until" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_failure_code" TEXT,
    "rate_window_start" TIMESTAMPTZ(3),
    "rate_window_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plugin_delivery_state_pkey" PRIMARY KEY ("plugin_id")
);

-- CreateIndex
CREATE INDEX "action_executions_tenant_id_plugin_id_status_idx" ON "action_executions"("tenant_id", "plugin_id", "status");

-- CreateIndex
CREATE INDEX "action_executions_lease_owner_status_idx" ON "action_executions"("lease_owner", "status");

-- AddForeignKey
ALTER TABLE "plugin_delivery_state" ADD CONSTRAINT "plugin_delivery_state_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The ledger's statuses: `success` is now `succeeded`; a `pending` row was left by a process that
-- died mid-dispatch (nothing ever finished it): it becomes `running` with its lease over, and
-- the first worker to start enqueues it again (no job exists for it).
UPDATE "action_executions" SET "status" = 'succeeded' WHERE "status" = 'success';
UPDATE "action_executions" SET "status" = 'running', "lease_until" = now() WHERE "status" = 'pending';
