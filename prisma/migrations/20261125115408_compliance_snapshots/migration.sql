-- CreateTable
CREATE TABLE "ComplianceSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplianceSnapshot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplianceSnapshotFlag" (
    "snapshotId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("snapshotId", "code", "severity"),
    CONSTRAINT "ComplianceSnapshotFlag_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ComplianceSnapshot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ComplianceSnapshot_day_idx" ON "ComplianceSnapshot"("day");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceSnapshot_organisationId_day_key" ON "ComplianceSnapshot"("organisationId", "day");
