-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('NATIONAL', 'REGION', 'ROCU', 'FORCE', 'LPA', 'PARTNER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LRO', 'ACTION_OWNER', 'MANAGER', 'COORDINATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('DAILY', 'WEEKLY', 'NONE');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('LRO_COURSE', 'IMMERSIVE_LEARNING', 'SOC_TACTICAL_ADVISER_INPUT', 'OTHER');

-- CreateEnum
CREATE TYPE "ThreatType" AS ENUM ('OCG', 'PRIORITY_INDIVIDUAL', 'VULNERABILITY');

-- CreateEnum
CREATE TYPE "ThreatStatus" AS ENUM ('MAPPED', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ThreatArea" AS ENUM ('DRUGS', 'COUNTY_LINES', 'FRAUD', 'ECONOMIC_CRIME', 'MODERN_SLAVERY_HUMAN_TRAFFICKING', 'ORGANISED_IMMIGRATION_CRIME', 'FIREARMS', 'CYBER', 'ORGANISED_ACQUISITIVE_CRIME', 'CHILD_SEXUAL_ABUSE', 'MONEY_LAUNDERING', 'BORDERS', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LRO', 'DEPUTY');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "MorilePriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "Strand" AS ENUM ('PURSUE', 'PREVENT', 'PROTECT', 'PREPARE');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('SATISFACTORY', 'CHANGES_REQUIRED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "EngagementKind" AS ENUM ('CONSULTED', 'TASKED', 'MEETING');

-- CreateEnum
CREATE TYPE "DisruptionCategory" AS ENUM ('MAJOR', 'MODERATE', 'MINOR', 'NONE', 'NEGATIVE');

-- CreateEnum
CREATE TYPE "DisruptionRole" AS ENUM ('LEAD', 'SUPPORTING');

-- CreateEnum
CREATE TYPE "Shortfall" AS ENUM ('CAPACITY', 'CAPABILITY');

-- CreateEnum
CREATE TYPE "CapabilityNeeded" AS ENUM ('SURVEILLANCE', 'ANALYSIS', 'FINANCIAL_INVESTIGATION', 'DIGITAL_FORENSICS', 'COVERT_HUMAN_INTELLIGENCE', 'INTERCEPTION', 'SPECIALIST_FIREARMS', 'INVESTIGATORS', 'OTHER');

-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('SCPO', 'STRO', 'SLAVERY_TRAFFICKING_PREVENTION_ORDER', 'CLOSURE_ORDER', 'GANG_INJUNCTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplianceCheckResult" AS ENUM ('COMPLIANT', 'BREACH', 'UNABLE_TO_CHECK');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" TEXT,
    "organisationId" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "digestFrequency" "DigestFrequency" NOT NULL DEFAULT 'DAILY',
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "completedOn" TIMESTAMP(3) NOT NULL,
    "expiresOn" TIMESTAMP(3),
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocThreat" (
    "id" TEXT NOT NULL,
    "urn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ThreatType" NOT NULL,
    "tier" INTEGER NOT NULL,
    "status" "ThreatStatus" NOT NULL DEFAULT 'MAPPED',
    "archivedReason" TEXT,
    "archivedAt" TIMESTAMP(3),
    "mappedOn" TIMESTAMP(3) NOT NULL,
    "organisationId" TEXT NOT NULL,
    "leadResponsibleOfficerId" TEXT,
    "deputyId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SocThreat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatAreaTag" (
    "threatId" TEXT NOT NULL,
    "area" "ThreatArea" NOT NULL,

    CONSTRAINT "ThreatAreaTag_pkey" PRIMARY KEY ("threatId","area")
);

-- CreateTable
CREATE TABLE "ThreatShare" (
    "threatId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatShare_pkey" PRIMARY KEY ("threatId","organisationId")
);

-- CreateTable
CREATE TABLE "LroAssignment" (
    "id" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "handoverNote" TEXT,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LroAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MorileAssessment" (
    "id" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "assessedOn" TIMESTAMP(3) NOT NULL,
    "harm" INTEGER NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "riskScore" INTEGER NOT NULL,
    "confidence" "Confidence" NOT NULL,
    "priority" "MorilePriority" NOT NULL,
    "tier" INTEGER NOT NULL,
    "notes" TEXT,
    "assessedById" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "moderatedById" TEXT,
    "nextReassessmentDue" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MorileAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FourPPlan" (
    "id" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "liveThreatId" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "intelligenceGaps" TEXT,
    "planOwnerUserId" TEXT,
    "planOwnerOrganisationId" TEXT,
    "nextReviewDue" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "materiallyChangedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closureOutcome" TEXT,
    "closureWhatWorked" TEXT,
    "closureLearning" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "FourPPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "strand" "Strand" NOT NULL,
    "title" TEXT NOT NULL,
    "successMeasure" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "objectiveId" TEXT,
    "strand" "Strand" NOT NULL,
    "description" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "ownerOrganisationId" TEXT,
    "ownerContactName" TEXT,
    "dueOn" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "lastUpdatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "statusFrom" "ActionStatus",
    "statusTo" "ActionStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanReview" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "comments" TEXT NOT NULL,
    "nextReviewDue" TIMESTAMP(3) NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerEngagement" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "partnerOrganisationId" TEXT NOT NULL,
    "engagedOn" TIMESTAMP(3) NOT NULL,
    "kind" "EngagementKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerEngagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disruption" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "disruptedOn" TIMESTAMP(3) NOT NULL,
    "strand" "Strand" NOT NULL,
    "category" "DisruptionCategory" NOT NULL,
    "role" "DisruptionRole" NOT NULL,
    "leadAgencyId" TEXT,
    "description" TEXT NOT NULL,
    "apmisReference" TEXT,
    "apmisRecordedAt" TIMESTAMP(3),
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Disruption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnmetDemand" (
    "id" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "shortfall" "Shortfall" NOT NULL,
    "capabilityNeeded" "CapabilityNeeded" NOT NULL,
    "description" TEXT NOT NULL,
    "raisedOn" TIMESTAMP(3) NOT NULL,
    "escalatedTo" TEXT,
    "escalatedOn" TIMESTAMP(3),
    "resolvedOn" TIMESTAMP(3),
    "apmisRecorded" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnmetDemand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AncillaryOrder" (
    "id" TEXT NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "subjectName" TEXT NOT NULL,
    "threatId" TEXT,
    "organisationId" TEXT NOT NULL,
    "madeOn" TIMESTAMP(3) NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "expiresOn" TIMESTAMP(3),
    "conditions" TEXT,
    "managingTeam" TEXT,
    "managingOfficerId" TEXT,
    "lastComplianceCheckOn" TIMESTAMP(3),
    "breachCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AncillaryOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderComplianceCheck" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "checkedOn" TIMESTAMP(3) NOT NULL,
    "result" "ComplianceCheckResult" NOT NULL,
    "note" TEXT,
    "checkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderComplianceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceSettings" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "organisationId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocThreat" ADD CONSTRAINT "SocThreat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocThreat" ADD CONSTRAINT "SocThreat_leadResponsibleOfficerId_fkey" FOREIGN KEY ("leadResponsibleOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocThreat" ADD CONSTRAINT "SocThreat_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatAreaTag" ADD CONSTRAINT "ThreatAreaTag_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatShare" ADD CONSTRAINT "ThreatShare_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatShare" ADD CONSTRAINT "ThreatShare_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LroAssignment" ADD CONSTRAINT "LroAssignment_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LroAssignment" ADD CONSTRAINT "LroAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LroAssignment" ADD CONSTRAINT "LroAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MorileAssessment" ADD CONSTRAINT "MorileAssessment_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MorileAssessment" ADD CONSTRAINT "MorileAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MorileAssessment" ADD CONSTRAINT "MorileAssessment_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourPPlan" ADD CONSTRAINT "FourPPlan_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourPPlan" ADD CONSTRAINT "FourPPlan_liveThreatId_fkey" FOREIGN KEY ("liveThreatId") REFERENCES "SocThreat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourPPlan" ADD CONSTRAINT "FourPPlan_planOwnerUserId_fkey" FOREIGN KEY ("planOwnerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FourPPlan" ADD CONSTRAINT "FourPPlan_planOwnerOrganisationId_fkey" FOREIGN KEY ("planOwnerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReview" ADD CONSTRAINT "PlanReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReview" ADD CONSTRAINT "PlanReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerEngagement" ADD CONSTRAINT "PartnerEngagement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FourPPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerEngagement" ADD CONSTRAINT "PartnerEngagement_partnerOrganisationId_fkey" FOREIGN KEY ("partnerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerEngagement" ADD CONSTRAINT "PartnerEngagement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disruption" ADD CONSTRAINT "Disruption_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disruption" ADD CONSTRAINT "Disruption_leadAgencyId_fkey" FOREIGN KEY ("leadAgencyId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disruption" ADD CONSTRAINT "Disruption_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetDemand" ADD CONSTRAINT "UnmetDemand_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetDemand" ADD CONSTRAINT "UnmetDemand_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AncillaryOrder" ADD CONSTRAINT "AncillaryOrder_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "SocThreat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AncillaryOrder" ADD CONSTRAINT "AncillaryOrder_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AncillaryOrder" ADD CONSTRAINT "AncillaryOrder_managingOfficerId_fkey" FOREIGN KEY ("managingOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderComplianceCheck" ADD CONSTRAINT "OrderComplianceCheck_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "AncillaryOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderComplianceCheck" ADD CONSTRAINT "OrderComplianceCheck_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceSettings" ADD CONSTRAINT "ComplianceSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceSettings" ADD CONSTRAINT "ComplianceSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
