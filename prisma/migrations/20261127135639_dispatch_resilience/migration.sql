-- AlterTable
ALTER TABLE "action_executions" ADD COLUMN     "attempts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "payload_hash" TEXT;

-- CreateTable
CREATE TABLE "plugin_secrets" (
    "plugin_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "previous_secret" TEXT,
    "previous_valid_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plugin_secrets_pkey" PRIMARY KEY ("plugin_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "action_executions_tenant_id_idempotency_key_key" ON "action_executions"("tenant_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "plugin_secrets" ADD CONSTRAINT "plugin_secrets_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE CASCADE ON UPDATE CASCADE;
