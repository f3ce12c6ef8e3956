-- CreateTable
CREATE TABLE "action_type_providers" (
    "tenant_id" UUID NOT NULL,
    "action_type" TEXT NOT NULL,
    "plugin_id" UUID NOT NULL,
    "first_registered_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chosen_by_admin" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "action_type_providers_pkey" PRIMARY KEY ("plugin_id","action_type")
);

-- CreateIndex
CREATE INDEX "action_type_providers_tenant_id_action_type_chosen_by_admin_idx" ON "action_type_providers"("tenant_id", "action_type", "chosen_by_admin" DESC, "first_registered_at", "plugin_id");

-- AddForeignKey
ALTER TABLE "action_type_providers" ADD CONSTRAINT "action_type_providers_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every plugin already registering a type becomes a provider of it as of the plugin's creation,
-- so the oldest plugin is each type's default provider, as if it had registered first.
INSERT INTO "action_type_providers" ("tenant_id", "action_type", "plugin_id", "first_registered_at")
SELECT DISTINCT p."tenant_id", a."action"->>'action_type', p."id", p."created_at"
FROM "plugins" p
CROSS JOIN LATERAL jsonb_array_elements(
  CASE WHEN jsonb_typeof(p."registered_actions"->'actions') = 'array'
       THEN p."registered_actions"->'actions' ELSE '[]'::jsonb END
) AS a("action")
WHERE jsonb_typeof(a."action"->'action_type') = 'string';
