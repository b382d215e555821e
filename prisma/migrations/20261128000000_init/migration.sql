-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'DRAFTER', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MechanismFormat" AS ENUM ('BILATERAL_POLITICAL_CONSULTATIONS', 'FOREIGN_OFFICE_CONSULTATIONS', 'STRATEGIC_DIALOGUE', 'JOINT_COMMISSION', 'JOINT_WORKING_GROUP', 'POLITICAL_DIALOGUE', 'OTHER');

-- CreateEnum
CREATE TYPE "VenueMode" AS ENUM ('IN_PERSON', 'VIRTUAL', 'HYBRID');

-- CreateEnum
CREATE TYPE "HostSide" AS ENUM ('HOME', 'COUNTERPART', 'JOINT');

-- CreateEnum
CREATE TYPE "DelegationSide" AS ENUM ('HOME', 'COUNTERPART');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('HEAD', 'CO_CHAIR', 'MEMBER', 'SPECIAL_REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "TopicCategory" AS ENUM ('POLITICAL', 'ECONOMIC', 'TRADE', 'DEFENCE', 'ENERGY', 'SECURITY', 'EDUCATION', 'CULTURE', 'SCIENCE_TECHNOLOGY', 'CONSULAR', 'MULTILATERAL', 'REGIONAL', 'PEOPLE_TO_PEOPLE', 'OTHER');

-- CreateEnum
CREATE TYPE "OutcomeType" AS ENUM ('AGREEMENT', 'COMMITMENT', 'REAFFIRMATION', 'SATISFACTION', 'EXCHANGE_OF_VIEWS');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "NextRoundPlan" AS ENUM ('NOT_DISCUSSED', 'DATED', 'TO_BE_FIXED');

-- CreateEnum
CREATE TYPE "SideMeetingKind" AS ENUM ('COURTESY_CALL', 'MEETING', 'VISIT', 'OTHER');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "role" "Role" NOT NULL,
    "clearance" "Classification" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Series" (
    "id" UUID NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "format" "MechanismFormat" NOT NULL,
    "homeCountry" CHAR(2) NOT NULL,
    "counterpartCountries" VARCHAR(2)[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "seriesId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "roundNumber" INTEGER,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "venueMode" "VenueMode" NOT NULL DEFAULT 'IN_PERSON',
    "venueCity" VARCHAR(120) NOT NULL,
    "venueCountry" CHAR(2),
    "hostSide" "HostSide",
    "counterpartCountry" CHAR(2) NOT NULL,
    "atmosphere" VARCHAR(300) NOT NULL DEFAULT '',
    "context" VARCHAR(2000) NOT NULL DEFAULT '',
    "summary" VARCHAR(10000) NOT NULL DEFAULT '',
    "classification" "Classification" NOT NULL DEFAULT 'UNCLASSIFIED',
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "nextRoundPlan" "NextRoundPlan" NOT NULL DEFAULT 'NOT_DISCUSSED',
    "nextRoundCity" VARCHAR(120) NOT NULL DEFAULT '',
    "nextRoundCountry" CHAR(2),
    "nextRoundDate" DATE,
    "nextRoundNote" VARCHAR(500) NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "side" "DelegationSide" NOT NULL,
    "position" INTEGER NOT NULL,
    "honorific" VARCHAR(60) NOT NULL DEFAULT '',
    "name" VARCHAR(200) NOT NULL,
    "title" VARCHAR(200) NOT NULL DEFAULT '',
    "organisation" VARCHAR(200) NOT NULL DEFAULT '',
    "role" "ParticipantRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "TopicCategory" NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "notes" VARCHAR(5000) NOT NULL DEFAULT '',
    "isPublic" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "OutcomeType" NOT NULL,
    "text" VARCHAR(2000) NOT NULL,
    "owner" VARCHAR(200) NOT NULL DEFAULT '',
    "dueDate" DATE,
    "status" "CommitmentStatus",
    "originId" UUID,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionalIssue" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "region" VARCHAR(120) NOT NULL,
    "positions" VARCHAR(5000) NOT NULL DEFAULT '',
    "isPublic" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RegionalIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SideMeeting" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SideMeetingKind" NOT NULL DEFAULT 'COURTESY_CALL',
    "withWhom" VARCHAR(300) NOT NULL,
    "date" DATE,
    "notes" VARCHAR(2000) NOT NULL DEFAULT '',

    CONSTRAINT "SideMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "date" DATE,
    "url" VARCHAR(2000) NOT NULL DEFAULT '',

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationVersion" (
    "id" BIGSERIAL NOT NULL,
    "consultationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "savedById" UUID NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(64),
    "entityId" VARCHAR(64),
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Series_name_key" ON "Series"("name");

-- CreateIndex
CREATE INDEX "Series_homeCountry_idx" ON "Series"("homeCountry");

-- CreateIndex
CREATE INDEX "Consultation_startDate_id_idx" ON "Consultation"("startDate" DESC, "id");

-- CreateIndex
CREATE INDEX "Consultation_classification_startDate_idx" ON "Consultation"("classification", "startDate" DESC);

-- CreateIndex
CREATE INDEX "Consultation_seriesId_startDate_idx" ON "Consultation"("seriesId", "startDate");

-- CreateIndex
CREATE INDEX "Consultation_counterpartCountry_startDate_idx" ON "Consultation"("counterpartCountry", "startDate" DESC);

-- CreateIndex
CREATE INDEX "Consultation_status_startDate_idx" ON "Consultation"("status", "startDate" DESC);

-- CreateIndex
CREATE INDEX "Consultation_createdById_idx" ON "Consultation"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_consultationId_side_position_key" ON "Participant"("consultationId", "side", "position");

-- CreateIndex
CREATE INDEX "Topic_category_idx" ON "Topic"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_consultationId_position_key" ON "Topic"("consultationId", "position");

-- CreateIndex
CREATE INDEX "Outcome_originId_idx" ON "Outcome"("originId");

-- CreateIndex
CREATE INDEX "Outcome_type_status_dueDate_idx" ON "Outcome"("type", "status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_consultationId_position_key" ON "Outcome"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RegionalIssue_consultationId_position_key" ON "RegionalIssue"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SideMeeting_consultationId_position_key" ON "SideMeeting"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Reference_consultationId_position_key" ON "Reference"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationVersion_consultationId_version_key" ON "ConsultationVersion"("consultationId", "version");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionalIssue" ADD CONSTRAINT "RegionalIssue_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SideMeeting" ADD CONSTRAINT "SideMeeting_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationVersion" ADD CONSTRAINT "ConsultationVersion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationVersion" ADD CONSTRAINT "ConsultationVersion_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "Series" ADD CONSTRAINT "Series_homeCountry_iso" CHECK ("homeCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_counterpartCountry_iso" CHECK ("counterpartCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_venueCountry_iso" CHECK ("venueCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_nextRoundCountry_iso" CHECK ("nextRoundCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_dates_ordered" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_roundNumber_positive" CHECK ("roundNumber" IS NULL OR "roundNumber" > 0);
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_version_positive" CHECK ("version" > 0);
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_status_only_for_commitments"
  CHECK (("type" = 'COMMITMENT') = ("status" IS NOT NULL));
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_position_nonnegative" CHECK ("position" >= 0);

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditLog_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
