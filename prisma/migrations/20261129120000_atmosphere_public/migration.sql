-- The public readout prints the atmosphere only where the drafter marks it public. Records,
-- their saved versions and their frozen approved briefings from before keep printing it, as
-- their readouts did (approved ones were approved that way), and compare without a change.

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN "atmosphereIsPublic" BOOLEAN NOT NULL DEFAULT true;

UPDATE "ConsultationVersion"
SET "snapshot" = jsonb_set("snapshot", '{facts,atmosphereIsPublic}', 'true')
WHERE jsonb_typeof("snapshot" -> 'facts') = 'object' AND NOT ("snapshot" -> 'facts') ? 'atmosphereIsPublic';

UPDATE "Consultation"
SET "approvedBriefing" = jsonb_set("approvedBriefing", '{data,facts,atmosphereIsPublic}', 'true')
WHERE jsonb_typeof("approvedBriefing" -> 'data' -> 'facts') = 'object' AND NOT ("approvedBriefing" -> 'data' -> 'facts') ? 'atmosphereIsPublic';
