-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "threatId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_threatId_at_idx" ON "AuditEvent"("threatId", "at");
