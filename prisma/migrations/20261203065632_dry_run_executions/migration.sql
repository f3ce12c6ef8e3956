-- AlterTable
ALTER TABLE "action_executions" ADD COLUMN     "dry_run" BOOLEAN NOT NULL DEFAULT false;
