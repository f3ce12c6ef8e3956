-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_tenant_id_created_at_idx" ON "api_tokens"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "plugins_api_key_idx" ON "plugins"("api_key");

-- Plugins keep only the SHA-256 of their API key. Keys stored in plain text by the system this
-- registry replaces are hashed in place, so those plugins keep authenticating with them.
UPDATE "plugins"
SET "api_key" = encode(sha256(convert_to("api_key", 'UTF8')), 'hex')
WHERE "api_key" IS NOT NULL AND "api_key" !~ '^[0-9a-f]{64}$';
