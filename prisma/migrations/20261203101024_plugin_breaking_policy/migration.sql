-- AlterTable
ALTER TABLE "plugins" ADD COLUMN     "breaking_policy" TEXT;
