-- AlterTable
ALTER TABLE "action_executions" ADD COLUMN     "output_mismatch" JSONB,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'api';
