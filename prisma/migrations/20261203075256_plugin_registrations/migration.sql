-- AlterTable
ALTER TABLE "plugins" ADD COLUMN     "registration_revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "plugin_registrations" (
    "plugin_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "tenant_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "credential" TEXT NOT NULL,
    "actions" JSONB NOT NULL,
    "diff" JSONB NOT NULL,
    "breaking" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "plugin_registrations_pkey" PRIMARY KEY ("plugin_id","revision")
);

-- AddForeignKey
ALTER TABLE "plugin_registrations" ADD CONSTRAINT "plugin_registrations_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE CASCADE ON UPDATE CASCADE;
