-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" TEXT,
    "organisationId" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "digestFrequency" TEXT NOT NULL DEFAULT 'DAILY',
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("userId", "role"),
    CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "completedOn" DATETIME NOT NULL,
    "expiresOn" DATETIME,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrainingRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrainingRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "reason" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SocThreat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "urn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'MAPPED',
    "archivedReason" TEXT,
    "archivedAt" DATETIME,
    "mappedOn" DATETIME NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leadResponsibleOfficerId" TEXT,
    "deputyId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SocThreat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SocThreat_leadResponsibleOfficerId_fkey" FOREIGN KEY ("leadResponsibleOfficerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SocThreat_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThreatAreaTag" (
    "threatId" TEXT NOT NULL,
    "area" TEXT NOT NULL,

    PRIMARY KEY ("threatId", "area"),
    CONSTRAINT "ThreatAreaTag_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThreatShare" (
    "threatId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("threatId", "organisationId"),
    CONSTRAINT "ThreatShare_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreatShare_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LroAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threatId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "handoverNote" TEXT,
    "assignedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LroAssignment_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LroAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LroAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MorileAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threatId" TEXT NOT NULL,
    "assessedOn" DATETIME NOT NULL,
    "harm" INTEGER NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "riskScore" INTEGER NOT NULL,
    "confidence" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "notes" TEXT,
    "assessedById" TEXT,
    "moderatedAt" DATETIME,
    "moderatedById" TEXT,
    "nextReassessmentDue" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MorileAssessment_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MorileAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MorileAssessment_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FourPPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threatId" TEXT NOT NULL,
    "liveThreatId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "intelligenceGaps" TEXT,
    "planOwnerUserId" TEXT,
    "planOwnerOrganisationId" TEXT,
    "nextReviewDue" DATETIME,
    "activatedAt" DATETIME,
    "materiallyChangedAt" DATETIME,
    "closedAt" DATETIME,
    "closureOutcome" TEXT,
    "closureWhatWorked" TEXT,
    "closureLearning" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "FourPPlan_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FourPPlan_liveThreatId_fkey" FOREIGN KEY ("liveThreatId") REFERENCES "SocThreat" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FourPPlan_planOwnerUserId_fkey" FOREIGN KEY ("planOwnerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FourPPlan_planOwnerOrganisationId_fkey" FOREIGN KEY ("planOwnerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "strand" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "successMeasure" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Objective_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "objectiveId" TEXT,
    "strand" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "ownerOrganisationId" TEXT,
    "ownerContactName" TEXT,
    "dueOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "lastUpdatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "statusFrom" TEXT,
    "statusTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ActionUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "comments" TEXT NOT NULL,
    "nextReviewDue" DATETIME NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartnerEngagement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "partnerOrganisationId" TEXT NOT NULL,
    "engagedOn" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartnerEngagement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PartnerEngagement_partnerOrganisationId_fkey" FOREIGN KEY ("partnerOrganisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PartnerEngagement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Disruption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "disruptedOn" DATETIME NOT NULL,
    "strand" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "leadAgencyId" TEXT,
    "description" TEXT NOT NULL,
    "apmisReference" TEXT,
    "apmisRecordedAt" DATETIME,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Disruption_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Disruption_leadAgencyId_fkey" FOREIGN KEY ("leadAgencyId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disruption_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnmetDemand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threatId" TEXT NOT NULL,
    "shortfall" TEXT NOT NULL,
    "capabilityNeeded" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "raisedOn" DATETIME NOT NULL,
    "escalatedTo" TEXT,
    "escalatedOn" DATETIME,
    "resolvedOn" DATETIME,
    "apmisRecorded" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnmetDemand_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnmetDemand_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AncillaryOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "threatId" TEXT,
    "organisationId" TEXT NOT NULL,
    "madeOn" DATETIME NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "expiresOn" DATETIME,
    "conditions" TEXT,
    "managingTeam" TEXT,
    "managingOfficerId" TEXT,
    "lastComplianceCheckOn" DATETIME,
    "breachCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AncillaryOrder_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AncillaryOrder_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AncillaryOrder_managingOfficerId_fkey" FOREIGN KEY ("managingOfficerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderComplianceCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "checkedOn" DATETIME NOT NULL,
    "result" TEXT NOT NULL,
    "note" TEXT,
    "checkedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderComplianceCheck_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "AncillaryOrder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderComplianceCheck_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplianceSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "noLroDays" INTEGER,
    "noPlanDays" INTEGER,
    "reviewCadenceTier1Days" INTEGER,
    "reviewCadenceTier2Days" INTEGER,
    "reviewCadenceTier3Days" INTEGER,
    "reviewCadenceTier4Days" INTEGER,
    "reviewCadenceTier5Days" INTEGER,
    "actionStaleDays" INTEGER,
    "pursueOnlyPercent" INTEGER,
    "partnerEngagementDays" INTEGER,
    "apmisRecordingDays" INTEGER,
    "possibleUnmetDemandDays" INTEGER,
    "lroCaseloadWarning" INTEGER,
    "lroCaseloadAlert" INTEGER,
    "morileOverdueMonths" INTEGER,
    "morileUnmoderatedDays" INTEGER,
    "orderCheckDays" INTEGER,
    "orderExpiryWarningDays" INTEGER,
    "nationalPursuePercent" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ComplianceSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ComplianceSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "organisationId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "ip" TEXT,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_path_key" ON "Organisation"("path");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "UserRole_role_idx" ON "UserRole"("role");

-- CreateIndex
CREATE INDEX "TrainingRecord_userId_kind_idx" ON "TrainingRecord"("userId", "kind");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_at_idx" ON "SignInAttempt"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SocThreat_urn_key" ON "SocThreat"("urn");

-- CreateIndex
CREATE INDEX "SocThreat_organisationId_status_idx" ON "SocThreat"("organisationId", "status");

-- CreateIndex
CREATE INDEX "SocThreat_leadResponsibleOfficerId_status_idx" ON "SocThreat"("leadResponsibleOfficerId", "status");

-- CreateIndex
CREATE INDEX "SocThreat_deputyId_status_idx" ON "SocThreat"("deputyId", "status");

-- CreateIndex
CREATE INDEX "SocThreat_status_mappedOn_idx" ON "SocThreat"("status", "mappedOn");

-- CreateIndex
CREATE INDEX "SocThreat_type_idx" ON "SocThreat"("type");

-- CreateIndex
CREATE INDEX "SocThreat_tier_idx" ON "SocThreat"("tier");

-- CreateIndex
CREATE INDEX "SocThreat_name_idx" ON "SocThreat"("name");

-- CreateIndex
CREATE INDEX "ThreatAreaTag_area_idx" ON "ThreatAreaTag"("area");

-- CreateIndex
CREATE INDEX "ThreatShare_organisationId_idx" ON "ThreatShare"("organisationId");

-- CreateIndex
CREATE INDEX "LroAssignment_threatId_role_startedAt_idx" ON "LroAssignment"("threatId", "role", "startedAt");

-- CreateIndex
CREATE INDEX "LroAssignment_userId_endedAt_idx" ON "LroAssignment"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "MorileAssessment_threatId_assessedOn_idx" ON "MorileAssessment"("threatId", "assessedOn");

-- CreateIndex
CREATE INDEX "MorileAssessment_moderatedAt_idx" ON "MorileAssessment"("moderatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FourPPlan_liveThreatId_key" ON "FourPPlan"("liveThreatId");

-- CreateIndex
CREATE INDEX "FourPPlan_threatId_status_idx" ON "FourPPlan"("threatId", "status");

-- CreateIndex
CREATE INDEX "FourPPlan_status_nextReviewDue_idx" ON "FourPPlan"("status", "nextReviewDue");

-- CreateIndex
CREATE INDEX "Objective_planId_strand_idx" ON "Objective"("planId", "strand");

-- CreateIndex
CREATE INDEX "Action_planId_status_idx" ON "Action"("planId", "status");

-- CreateIndex
CREATE INDEX "Action_ownerUserId_status_idx" ON "Action"("ownerUserId", "status");

-- CreateIndex
CREATE INDEX "Action_ownerOrganisationId_status_idx" ON "Action"("ownerOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Action_status_dueOn_idx" ON "Action"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Action_status_lastUpdatedAt_idx" ON "Action"("status", "lastUpdatedAt");

-- CreateIndex
CREATE INDEX "ActionUpdate_actionId_createdAt_idx" ON "ActionUpdate"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanReview_planId_reviewedAt_idx" ON "PlanReview"("planId", "reviewedAt");

-- CreateIndex
CREATE INDEX "PlanReview_reviewerId_reviewedAt_idx" ON "PlanReview"("reviewerId", "reviewedAt");

-- CreateIndex
CREATE INDEX "PartnerEngagement_planId_engagedOn_idx" ON "PartnerEngagement"("planId", "engagedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Disruption_reference_key" ON "Disruption"("reference");

-- CreateIndex
CREATE INDEX "Disruption_threatId_disruptedOn_idx" ON "Disruption"("threatId", "disruptedOn");

-- CreateIndex
CREATE INDEX "Disruption_disruptedOn_role_category_idx" ON "Disruption"("disruptedOn", "role", "category");

-- CreateIndex
CREATE INDEX "Disruption_apmisReference_idx" ON "Disruption"("apmisReference");

-- CreateIndex
CREATE INDEX "UnmetDemand_threatId_raisedOn_idx" ON "UnmetDemand"("threatId", "raisedOn");

-- CreateIndex
CREATE INDEX "UnmetDemand_shortfall_capabilityNeeded_idx" ON "UnmetDemand"("shortfall", "capabilityNeeded");

-- CreateIndex
CREATE INDEX "AncillaryOrder_organisationId_expiresOn_idx" ON "AncillaryOrder"("organisationId", "expiresOn");

-- CreateIndex
CREATE INDEX "AncillaryOrder_threatId_idx" ON "AncillaryOrder"("threatId");

-- CreateIndex
CREATE INDEX "AncillaryOrder_managingOfficerId_idx" ON "AncillaryOrder"("managingOfficerId");

-- CreateIndex
CREATE INDEX "OrderComplianceCheck_orderId_checkedOn_idx" ON "OrderComplianceCheck"("orderId", "checkedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceSettings_organisationId_key" ON "ComplianceSettings"("organisationId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
