-- Full-text search over consultations (issue: find and follow up).
-- A text search configuration of our own: English stemming for plain ASCII words, and for any
-- other word (Cyrillic, accented Latin, Arabic script) accents removed and the word lower-cased,
-- so "Sao Paulo" finds "São Paulo" and "Руденко" finds "Руденко".
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION readout (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION readout ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION readout ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;

-- DropIndex
DROP INDEX "Topic_category_idx";

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "searchVector" tsvector;

-- The search document of one record, from its columns and its rows. Called by the application in
-- the transaction that writes the rows (record-mapping.ts writeRecordRows), so it is never stale.
CREATE FUNCTION readout_refresh_search(cid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "Consultation" c SET "searchVector" =
       setweight(to_tsvector('readout', c.title), 'A')
    || setweight(to_tsvector('readout', coalesce((SELECT string_agg(p.name || ' ' || p.title || ' ' || p.organisation, ' ') FROM "Participant" p WHERE p."consultationId" = c.id), '')), 'A')
    || setweight(to_tsvector('readout', c."venueCity" || ' ' || coalesce((SELECT string_agg(t.subject || ' ' || t.notes, ' ') FROM "Topic" t WHERE t."consultationId" = c.id), '')), 'B')
    || setweight(to_tsvector('readout', coalesce((SELECT string_agg(o.text || ' ' || o.owner, ' ') FROM "Outcome" o WHERE o."consultationId" = c.id), '')), 'B')
    || setweight(to_tsvector('readout', c.summary || ' ' || c.context || ' ' || c.atmosphere || ' ' || coalesce((SELECT string_agg(r.region || ' ' || r.positions, ' ') FROM "RegionalIssue" r WHERE r."consultationId" = c.id), '')), 'C')
  WHERE c.id = cid;
$$;

SELECT readout_refresh_search(id) FROM "Consultation";

-- CreateIndex
CREATE INDEX "Consultation_searchVector_idx" ON "Consultation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Outcome_type_dueDate_id_idx" ON "Outcome"("type", "dueDate", "id");

-- CreateIndex
CREATE INDEX "Topic_category_consultationId_idx" ON "Topic"("category", "consultationId");
