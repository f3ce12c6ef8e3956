-- CreateTable
CREATE TABLE "plugin_endpoint_verifications" (
    "plugin_id" UUID NOT NULL,
    "api_endpoint" TEXT NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,

    CONSTRAINT "plugin_endpoint_verifications_pkey" PRIMARY KEY ("plugin_id")
);

-- AddForeignKey
ALTER TABLE "plugin_endpoint_verifications" ADD CONSTRAINT "plugin_endpoint_verifications_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Plugins already active when ownership proofs began keep serving: their current endpoint is
-- recorded as verified. Any later change of endpoint must be proven.
INSERT INTO "plugin_endpoint_verifications" ("plugin_id", "api_endpoint", "verified_at")
SELECT "id", "api_endpoint", CURRENT_TIMESTAMP FROM "plugins"
WHERE "status" = 'active' AND "api_endpoint" IS NOT NULL;
