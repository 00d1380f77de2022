-- CreateTable
CREATE TABLE "ComplianceSnapshot" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "liveThreats" INTEGER NOT NULL,
    "activePlans" INTEGER NOT NULL,
    "plansReviewedInCadence" INTEGER NOT NULL,
    "flagAlerts" INTEGER NOT NULL,
    "flagWarnings" INTEGER NOT NULL,
    "openActions" INTEGER NOT NULL,
    "openPursue" INTEGER NOT NULL,
    "openPrevent" INTEGER NOT NULL,
    "openProtect" INTEGER NOT NULL,
    "openPrepare" INTEGER NOT NULL,
    "leadDisruptions" INTEGER NOT NULL,
    "pursueDisruptions" INTEGER NOT NULL,
    "openUnmetDemand" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceSnapshotFlag" (
    "snapshotId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ComplianceSnapshotFlag_pkey" PRIMARY KEY ("snapshotId","code","severity")
);

-- CreateIndex
CREATE INDEX "ComplianceSnapshot_day_idx" ON "ComplianceSnapshot"("day");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceSnapshot_organisationId_day_key" ON "ComplianceSnapshot"("organisationId", "day");

-- AddForeignKey
ALTER TABLE "ComplianceSnapshot" ADD CONSTRAINT "ComplianceSnapshot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceSnapshotFlag" ADD CONSTRAINT "ComplianceSnapshotFlag_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ComplianceSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
