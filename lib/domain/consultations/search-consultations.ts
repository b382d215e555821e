import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLASSIFICATIONS, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { RecordStatus } from "@/lib/generated/prisma/enums";
import { hasInvalidCharacter, urlDate } from "@/lib/validation/fields";
import { parseUrlParams } from "@/lib/validation/url-params";
import { TOPIC_CATEGORIES } from "@/lib/validation/vocabulary";

export const PAGE_SIZE = 25;
/** A search ranks at most this many matches (the most recent): a term that matches most of the
 * archive stays fast, and nobody reads past the first pages of a ranked list. */
export const RANK_WINDOW = 500;
/** Counts stop here ("more than 1,000"): an exact count of a broad match costs as much as the match. A ranked search's count stops at RANK_WINDOW. */
export const COUNT_CAP = 1000;

const isoDate = urlDate;

/** Every filter of the list, as it appears in the URL (so a search can be bookmarked and shared). */
export const searchParamsSchema = z.object({
  q: z.string().trim().max(200, "At most 200 characters").refine((v) => !hasInvalidCharacter(v), "An invalid character").optional(),
  country: z.string().regex(/^[A-Z]{2}$/, "A country code").optional(),
  series: z.uuid("A series from the list").optional(),
  status: z.enum(RecordStatus).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  category: z.enum(TOPIC_CATEGORIES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(["relevance", "newest", "oldest"]).optional(),
  after: z.string().max(200).optional(),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The list's URL parameters (a bad one is dropped and named; the rest of the search runs). */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): { params: SearchParams; ignored: string[] } {
  return parseUrlParams(searchParamsSchema, raw);
}

export interface SearchRow {
  id: string;
  title: string;
  /** The title with the matched words between \u0002 and \u0003 (see Highlighted). */
  titleHighlight: string | null;
  snippet: string | null;
  startDate: Date;
  venueCity: string;
  counterpartCountry: string;
  classification: string;
  status: string;
  seriesName: string;
}

export interface SearchResult {
  rows: SearchRow[];
  /** Matches within the reader's clearance, up to COUNT_CAP (RANK_WINDOW when ranked); capped: true when there are more. */
  count: number;
  capped: boolean;
  /** Cursor of the next page, if any. */
  next: string | null;
  sort: "relevance" | "newest" | "oldest";
}

/** A page cursor: the order it belongs to, the last row's sort key and id. */
type Cursor = { s: "relevance" | "newest" | "oldest"; k: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
/** A cursor that does not fit the order asked for (hand-edited, or from another order) is ignored: page 1. */
function decodeCursor(s: string | undefined, sort: Cursor["s"]): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    if (c.s !== sort || typeof c.k !== "string" || !z.uuid().safeParse(c.id).success) return null;
    // A rank is compared as a PostgreSQL real: 5e-324 or 1e300 would fail the cast (a 500).
    const rank = Number(c.k);
    const keyOk = sort === "relevance" ? /^\d+(\.\d+)?(e-?\d+)?$/.test(c.k) && (rank === 0 || (rank >= 1e-37 && rank <= 1e37)) : isoDate.safeParse(c.k).success;
    return keyOk ? c : null;
  } catch {
    return null;
  }
}

export function searchSql(actor: Actor, params: SearchParams): { count: Prisma.Sql; rows: Prisma.Sql; sort: SearchResult["sort"] } {
  const q = params.q ?? "";
  const sort = params.sort === "relevance" && !q ? "newest" : (params.sort ?? (q ? "relevance" : "newest"));
  const query = Prisma.sql`websearch_to_tsquery('readout', ${q})`;
  const where: Prisma.Sql[] = [Prisma.sql`c.classification = ANY(${visibleClassifications(actor.clearance)}::"Classification"[])`];
  if (params.country) where.push(Prisma.sql`c."counterpartCountry" = ${params.country}`);
  if (params.series) where.push(Prisma.sql`c."seriesId" = ${params.series}::uuid`);
  if (params.status) where.push(Prisma.sql`c.status = ${params.status}::"RecordStatus"`);
  if (params.classification) where.push(Prisma.sql`c.classification = ${params.classification}::"Classification"`);
  if (params.category) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Topic" t WHERE t."consultationId" = c.id AND t.category = ${params.category}::"TopicCategory")`);
  if (params.from) where.push(Prisma.sql`c."startDate" >= ${params.from}::date`);
  if (params.to) where.push(Prisma.sql`c."startDate" <= ${params.to}::date`);
  if (q) where.push(Prisma.sql`c."searchVector" @@ ${query}`);
  const filtered = Prisma.join(where, " AND ");
  const cursor = decodeCursor(params.after, sort);
  const count = Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "Consultation" c WHERE ${filtered} LIMIT ${COUNT_CAP + 1}) x`;

  const headline = (column: Prisma.Sql, options: string) =>
    q ? Prisma.sql`ts_headline('readout', ${column}, ${query}, ${options})` : Prisma.sql`NULL`;
  const marks = "StartSel=\u0002, StopSel=\u0003";
  const select = Prisma.sql`c.id, c.title, c."startDate", c."venueCity", c."counterpartCountry", c.classification::text AS classification, c.status::text AS status, s.name AS "seriesName",
    ${headline(Prisma.sql`c.title`, `${marks}, HighlightAll=true`)} AS "titleHighlight",
    ${headline(Prisma.sql`c.summary`, `${marks}, MaxFragments=2, MaxWords=16, MinWords=6, FragmentDelimiter=" … "`)} AS snippet`;

  if (sort === "relevance") {
    const after = cursor ? Prisma.sql`WHERE (h.rank, h.id) < (${cursor.k}::real, ${cursor.id}::uuid)` : Prisma.empty;
    // One more than the window is read so that "more than RANK_WINDOW" is known without a count
    // query: counting a broad match reads every match's (large, compressed) search document.
    return {
      sort,
      count,
      rows: Prisma.sql`
      WITH recent AS (
        SELECT c.id, ts_rank_cd(c."searchVector", ${query}, 1) AS rank, row_number() OVER (ORDER BY c."startDate" DESC, c.id DESC) AS n
        FROM "Consultation" c WHERE ${filtered}
        ORDER BY c."startDate" DESC, c.id DESC LIMIT ${RANK_WINDOW + 1}
      ), hits AS (
        SELECT r.id, r.rank FROM recent r WHERE r.n <= ${RANK_WINDOW}
      ), page AS (
        SELECT h.id, h.rank FROM hits h ${after} ORDER BY h.rank DESC, h.id DESC LIMIT ${PAGE_SIZE + 1}
      )
      SELECT ${select}, p.rank::text AS key, (SELECT count(*) FROM recent)::int AS matches
      FROM page p JOIN "Consultation" c ON c.id = p.id JOIN "Series" s ON s.id = c."seriesId"
      ORDER BY p.rank DESC, p.id DESC`,
    };
  }
  const desc = sort !== "oldest";
  const after = cursor
    ? desc
      ? Prisma.sql`AND (c."startDate", c.id) < (${cursor.k}::date, ${cursor.id}::uuid)`
      : Prisma.sql`AND (c."startDate", c.id) > (${cursor.k}::date, ${cursor.id}::uuid)`
    : Prisma.empty;
  const order = desc ? Prisma.sql`c."startDate" DESC, c.id DESC` : Prisma.sql`c."startDate" ASC, c.id ASC`;
  return {
    sort,
    count,
    rows: Prisma.sql`
      SELECT ${select}, to_char(c."startDate", 'YYYY-MM-DD') AS key
      FROM "Consultation" c JOIN "Series" s ON s.id = c."seriesId"
      WHERE ${filtered} ${after}
      ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}`,
  };
}

/**
 * The consultations list: full-text search (PostgreSQL, the stored "searchVector" and its GIN
 * index; ranked, matches highlighted) with filters, sorting and keyset pagination. A record above
 * the reader's clearance is never a row, a match or part of a count.
 */
export async function searchConsultations(actor: Actor, params: SearchParams): Promise<SearchResult> {
  const { count, rows: rowsSql, sort } = searchSql(actor, params);
  const countMatches = async () => Number((await prisma.$queryRaw<{ n: bigint }[]>(count))[0]?.n ?? 0);
  // A ranked search counts within its window (its rows say how many matched, up to one more than
  // the window); the other orders count beside the page, on a second connection.
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<(SearchRow & { key: string; matches?: number })[]>(rowsSql),
    sort === "relevance" ? Promise.resolve(null) : countMatches(),
  ]);
  let n: number;
  let cap: number;
  if (sort === "relevance") {
    cap = RANK_WINDOW;
    // No row on this page (none at all, or a cursor past the end): only a count can say.
    n = rows[0]?.matches ?? (params.after ? await countMatches() : 0);
  } else {
    cap = COUNT_CAP;
    n = counted ?? 0;
  }
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map(({ key: _key, matches: _matches, ...r }) => r),
    count: Math.min(n, cap),
    capped: n > cap,
    next: more && last ? encodeCursor({ s: sort, k: last.key, id: last.id }) : null,
    sort,
  };
}
