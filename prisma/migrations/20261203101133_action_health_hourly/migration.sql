-- CreateTable
CREATE TABLE "action_health_hourly" (
    "tenant_id" UUID NOT NULL,
    "plugin_id" UUID NOT NULL,
    "action_type" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "calls" INTEGER NOT NULL,
    "successes" INTEGER NOT NULL,
    "latency_buckets" INTEGER[],
    "last_error_code" TEXT,
    "last_error_at" TIMESTAMPTZ(3),

    CONSTRAINT "action_health_hourly_pkey" PRIMARY KEY ("tenant_id","plugin_id","action_type","hour")
);

-- CreateIndex
CREATE INDEX "action_health_hourly_tenant_id_hour_idx" ON "action_health_hourly"("tenant_id", "hour");
