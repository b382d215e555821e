#!/usr/bin/env node
// npm run db:seed:scale -- --records 100000
// Fills DATABASE_URL (a migrated Readout database) with realistic generated consultations: many
// countries and series, 5–40 rows in each main section, Unicode names and places, every status and
// classification. Set-based SQL (INSERT … SELECT over generate_series), so 100,000 records take
// minutes, not hours. Generated records have no version snapshots (their history page is empty).
import pg from "pg";
import countries from "i18n-iso-countries";
import { performance } from "node:perf_hooks";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const records = Number(arg("records", "1000"));
if (!Number.isInteger(records) || records < 1 || records > 2_000_000) {
  console.error("usage: npm run db:seed:scale -- --records <1..2000000>");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at a migrated Readout database.");
  process.exit(2);
}

const codes = Object.keys(countries.getAlpha2Codes()).filter((c) => c !== "PK");
const FORMATS = ["BILATERAL_POLITICAL_CONSULTATIONS", "STRATEGIC_DIALOGUE", "JOINT_COMMISSION", "FOREIGN_OFFICE_CONSULTATIONS"];
// Words for generated text: English, with Cyrillic, accented and Arabic-script words mixed in.
const WORDS = (
  "cooperation energy trade investment security counter-terrorism culture education science technology climate water " +
  "connectivity railway corridor visa consular diaspora pharmaceuticals agriculture wheat textiles fisheries maritime " +
  "peacekeeping disarmament humanitarian assistance reconstruction anniversary memorandum protocol agreement " +
  "сотрудничество энергетика торговля безопасность культура образование " +
  "coopération énergie sécurité éducation São Tomé Bogotá Zürich Kraków Reykjavík " +
  "تعاون توانائی تجارت سلامتی ثقافت"
).split(/\s+/);
const SURNAMES = ["Khan", "Rudenko", "Kabulov", "Lavrov", "Müller", "García", "Nguyễn", "Okonkwo", "Sørensen", "Ivanova", "Dubois", "Tanaka", "Ahmed", "Pereira", "Kowalski", "Öztürk", "Mahmoud", "Haddad", "Смирнов", "Петрова", "علی", "حسین"];
const GIVEN = ["Asad", "Andrey", "Zamir", "Maria", "José", "Aisha", "Chen", "Ingrid", "Oluwaseun", "François", "Yuki", "Fatima", "João", "Agnieszka", "Mehmet", "Layla", "Сергей", "Анна", "محمد", "زینب"];
const CITIES = ["Islamabad", "Moscow", "Beijing", "Washington", "Brussels", "Ankara", "Tehran", "Kabul", "Tashkent", "Riyadh", "Doha", "Paris", "Berlin", "São Paulo", "Bogotá", "Zürich", "Kraków", "Reykjavík", "Москва", "Санкт-Петербург", "Geneva", "Vienna", "Tokyo", "Nairobi"];

const client = new pg.Client({ connectionString: url });
await client.connect();
const step = async (label, sql, params = []) => {
  const t = performance.now();
  const r = await client.query(sql, params);
  console.log(`[seed:scale] ${label}: ${r.rowCount ?? ""} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
};
const started = performance.now();

// n random words from the array `arr` (SQL). `row` ties the subquery to the outer row, so that it
// runs once per row (an uncorrelated subquery would run once and repeat its answer).
const words = (n, arr, row) =>
  `(SELECT string_agg((${arr})[1 + floor(random() * array_length(${arr}, 1))::int], ' ') FROM generate_series(1, ${n} + 0 * length(${row}::text)))`;
const pick = (arr) => `(${arr})[1 + floor(random() * array_length(${arr}, 1))::int]`;

try {
  await client.query("SET synchronous_commit = off");
  await client.query("SET work_mem = '64MB'");
  const author = await step(
    "author",
    `INSERT INTO "User" (id, email, name, "passwordHash", role, clearance, active, "updatedAt")
     VALUES (gen_random_uuid(), 'scale-seed@readout.invalid', 'Generated records', '!', 'ADMIN', 'SECRET', false, now())
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  const authorId = author.rows[0].id;

  const seriesCount = Math.max(1, Math.round(records / 8));
  await step(
    "series",
    `INSERT INTO "Series" (id, name, format, "homeCountry", "counterpartCountries", "updatedAt")
     SELECT gen_random_uuid(),
            'Pakistan–' || cn || ' ' || initcap(replace(f, '_', ' ')) || ' (generated ' || g || ')',
            f::"MechanismFormat", 'PK', ARRAY[c], now()
     FROM generate_series(1, $1) g,
          LATERAL (SELECT ($2::text[])[1 + (g % array_length($2::text[], 1))] AS c, ($4::text[])[1 + (g % array_length($4::text[], 1))] AS cn,
                          ($3::text[])[1 + ((g / 7) % array_length($3::text[], 1))] AS f) x`,
    [seriesCount, codes, FORMATS, codes.map((c) => countries.getName(c, "en") ?? c)],
  );

  // Drop the search index while loading; it is rebuilt once at the end.
  await client.query(`DROP INDEX IF EXISTS "Consultation_searchVector_idx"`);
  await step(
    "consultations",
    `WITH s AS (SELECT id, "counterpartCountries"[1] AS country, row_number() OVER (ORDER BY id) AS n FROM "Series" WHERE name LIKE '% (generated %')
     INSERT INTO "Consultation" (id, "seriesId", title, "roundNumber", "startDate", "endDate", "venueMode", "venueCity", "venueCountry", "hostSide",
       "counterpartCountry", atmosphere, context, summary, classification, status, "nextRoundPlan", "nextRoundCity", "nextRoundCountry", "nextRoundDate",
       version, "createdById", "updatedById", "updatedAt", "approvedVersion", "approvedAt")
     SELECT gen_random_uuid(), s.id, 'Round ' || g || ' — ' || ${words(3, "$2::text[]", "s.id || g")} || ' · ' || upper(substr(md5(s.id::text || g), 1, 6)), g::int,
            d, NULL, 'IN_PERSON', ${pick("$3::text[]")}, CASE WHEN random() < 0.5 THEN 'PK' ELSE s.country END, 'HOME',
            s.country, 'Cordial', ${words(12, "$2::text[]", "s.id || g")}, ${words(60, "$2::text[]", "s.id || g")},
            (ARRAY['UNCLASSIFIED','UNCLASSIFIED','RESTRICTED','RESTRICTED','CONFIDENTIAL','SECRET'])[1 + floor(random() * 6)::int]::"Classification",
            st::"RecordStatus",
            (ARRAY['NOT_DISCUSSED','DATED','TO_BE_FIXED'])[1 + floor(random() * 3)::int]::"NextRoundPlan",
            ${pick("$3::text[]")}, s.country, NULL,
            1, $1::uuid, $1::uuid, now(),
            CASE WHEN st = 'APPROVED' THEN 1 END, CASE WHEN st = 'APPROVED' THEN d + 3 END
     FROM s, generate_series(1, 8) g,
          LATERAL (SELECT (DATE '1995-01-01' + ((s.n * 37) % 9500)::int + g * 180) AS d,
                          (ARRAY['APPROVED','APPROVED','APPROVED','DRAFT','IN_REVIEW','CHANGES_REQUESTED','ARCHIVED'])[1 + floor(random() * 7)::int] AS st) x
     WHERE (s.n - 1) * 8 + g <= $4`,
    [authorId, WORDS, CITIES, records],
  );
  await step(
    "next-round dates",
    `UPDATE "Consultation" SET "nextRoundDate" = "startDate" + (180 + floor(random() * 400))::int WHERE "createdById" = $1::uuid AND "nextRoundPlan" = 'DATED'`,
    [authorId],
  );
  const rows = (n) => `generate_series(1, ${n})`;
  const perSection = "5 + floor(random() * 36)::int + 0 * length(c.id::text)"; // 5–40, drawn per record
  const gen = `SELECT id FROM "Consultation" WHERE "createdById" = $1::uuid`;
  await step(
    "participants",
    `INSERT INTO "Participant" (id, "consultationId", side, position, honorific, name, title, organisation, role)
     SELECT gen_random_uuid(), c.id, CASE WHEN p % 2 = 0 THEN 'HOME' ELSE 'COUNTERPART' END::"DelegationSide", p / 2, '',
            ${pick("$2::text[]")} || ' ' || ${pick("$3::text[]")},
            'Director General', 'Ministry of Foreign Affairs', CASE WHEN p <= 2 THEN 'HEAD' ELSE 'MEMBER' END::"ParticipantRole"
     FROM (${gen}) c, LATERAL (SELECT ${perSection} AS n) k, LATERAL ${rows("k.n")} p`,
    [authorId, GIVEN, SURNAMES],
  );
  await step(
    "topics",
    `INSERT INTO "Topic" (id, "consultationId", position, category, subject, notes)
     SELECT gen_random_uuid(), c.id, t - 1,
            (enum_range(NULL::"TopicCategory"))[1 + floor(random() * array_length(enum_range(NULL::"TopicCategory"), 1))::int],
            initcap(${words(3, "$2::text[]", "c.id || t")}), ''
     FROM (${gen}) c, LATERAL (SELECT ${perSection} AS n) k, LATERAL ${rows("k.n")} t`,
    [authorId, WORDS],
  );
  await step(
    "outcomes",
    `INSERT INTO "Outcome" (id, "consultationId", position, type, text, owner, "dueDate", status)
     SELECT gen_random_uuid(), c.id, o - 1, ty::"OutcomeType",
            'The two sides agreed on ' || ${words(10, "$2::text[]", "c.id || o")} || '.',
            CASE WHEN ty = 'COMMITMENT' THEN (ARRAY['Europe Division','Economic Diplomacy Wing','Consular Division','Asia-Pacific Division','Legal Adviser'])[1 + floor(random() * 5)::int] ELSE '' END,
            CASE WHEN ty = 'COMMITMENT' AND random() < 0.85 THEN DATE '1996-01-01' + floor(random() * 11800)::int END,
            CASE WHEN ty = 'COMMITMENT' THEN (ARRAY['OPEN','IN_PROGRESS','DONE','DROPPED'])[1 + floor(random() * 4)::int]::"CommitmentStatus" END
     FROM (${gen}) c, LATERAL (SELECT ${perSection} AS n) k, LATERAL ${rows("k.n")} o,
          LATERAL (SELECT (ARRAY['AGREEMENT','COMMITMENT','COMMITMENT','REAFFIRMATION','SATISFACTION','EXCHANGE_OF_VIEWS'])[1 + floor(random() * 6)::int + 0 * o] AS ty) x`,
    [authorId, WORDS],
  );
  await step(
    "regional issues",
    `INSERT INTO "RegionalIssue" (id, "consultationId", position, region, positions)
     SELECT gen_random_uuid(), c.id, r - 1, (ARRAY['Afghanistan','Middle East','South Asia','Central Asia','Europe','Africa','Latin America'])[1 + floor(random() * 7)::int],
            ${words(15, "$2::text[]", "c.id || r")}
     FROM (${gen}) c, LATERAL (SELECT ${perSection} AS n) k, LATERAL ${rows("k.n")} r`,
    [authorId, WORDS],
  );
  await step(
    "search documents",
    `WITH p AS (SELECT "consultationId" AS id, string_agg(name || ' ' || title || ' ' || organisation, ' ') AS t FROM "Participant" GROUP BY 1),
          tp AS (SELECT "consultationId" AS id, string_agg(subject || ' ' || notes, ' ') AS t FROM "Topic" GROUP BY 1),
          o AS (SELECT "consultationId" AS id, string_agg(text || ' ' || owner, ' ') AS t FROM "Outcome" GROUP BY 1),
          r AS (SELECT "consultationId" AS id, string_agg(region || ' ' || positions, ' ') AS t FROM "RegionalIssue" GROUP BY 1)
     UPDATE "Consultation" c SET "searchVector" =
          setweight(to_tsvector('readout', c.title), 'A')
       || setweight(to_tsvector('readout', coalesce(p.t, '')), 'A')
       || setweight(to_tsvector('readout', c."venueCity" || ' ' || coalesce(tp.t, '')), 'B')
       || setweight(to_tsvector('readout', coalesce(o.t, '')), 'B')
       || setweight(to_tsvector('readout', c.summary || ' ' || c.context || ' ' || c.atmosphere || ' ' || coalesce(r.t, '')), 'C')
     FROM "Consultation" c2 LEFT JOIN p ON p.id = c2.id LEFT JOIN tp ON tp.id = c2.id LEFT JOIN o ON o.id = c2.id LEFT JOIN r ON r.id = c2.id
     WHERE c.id = c2.id AND c."createdById" = $1::uuid`,
    [authorId],
  );
  await step("search index", `CREATE INDEX IF NOT EXISTS "Consultation_searchVector_idx" ON "Consultation" USING GIN ("searchVector")`);
  // As autovacuum would leave it (some servers run with it off): the bulk update above leaves a
  // dead row per record and no visibility map, which costs the planner 5–20 ms per query (it
  // reads heap pages to find an index's end values) and rules out index-only scans.
  await step("vacuum and statistics", "VACUUM (ANALYZE)");
  const total = await client.query(`SELECT count(*)::int AS n FROM "Consultation"`);
  console.log(`[seed:scale] done: ${total.rows[0].n} consultations in the database, ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await client.end();
}
