import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { hasInvalidCharacter, urlDate } from "@/lib/validation/fields";
import { parseUrlParams } from "@/lib/validation/url-params";
import { COMMITMENT_STATUSES } from "@/lib/validation/vocabulary";

export const COMMITMENTS_PAGE = 50;
/** A CSV export stops here (and says so in its last line). */
export const EXPORT_CAP = 50_000;

export const commitmentFiltersSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "A country code").optional(),
  owner: z.string().trim().max(200).refine((v) => !hasInvalidCharacter(v), "An invalid character").optional(),
  status: z.enum(COMMITMENT_STATUSES).optional(),
  due: z.enum(["overdue", "30days"]).optional(),
  dueFrom: urlDate.optional(),
  dueTo: urlDate.optional(),
  after: z.string().max(200).optional(),
});
export type CommitmentFilters = z.infer<typeof commitmentFiltersSchema>;

/** The tracker's URL parameters (a bad one is dropped and named; the rest still filter). */
export function parseCommitmentFilters(raw: Record<string, string | string[] | undefined>): { filters: CommitmentFilters; ignored: string[] } {
  const { params, ignored } = parseUrlParams(commitmentFiltersSchema, raw);
  return { filters: params, ignored };
}

export interface CommitmentRow {
  outcomeId: string;
  text: string;
  owner: string;
  dueDate: Date | null;
  status: string;
  consultationId: string;
  consultationTitle: string;
  consultationStatus: string;
  consultationVersion: number;
  startDate: Date;
  counterpartCountry: string;
  /** Rounds this commitment has been carried through (1: made in this round). */
  rounds: number;
}

type Cursor = { d: string | null; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    return z.uuid().safeParse(c.id).success && (c.d === null || urlDate.safeParse(c.d).success) ? c : null;
  } catch {
    return null;
  }
}

function conditions(actor: Actor, f: CommitmentFilters): Prisma.Sql {
  const where: Prisma.Sql[] = [
    Prisma.sql`o.type = 'COMMITMENT'`,
    Prisma.sql`c.classification = ANY(${visibleClassifications(actor.clearance)}::"Classification"[])`,
    // Each commitment once: in the latest round (within clearance) that carries it.
    Prisma.sql`NOT EXISTS (
      SELECT 1 FROM "Outcome" later JOIN "Consultation" lc ON lc.id = later."consultationId"
      WHERE later."originId" = coalesce(o."originId", o.id) AND later.id <> o.id
        AND lc.classification = ANY(${visibleClassifications(actor.clearance)}::"Classification"[])
        AND (lc."startDate", lc.id) > (c."startDate", c.id))`,
  ];
  if (f.country) where.push(Prisma.sql`c."counterpartCountry" = ${f.country}`);
  if (f.owner) where.push(Prisma.sql`o.owner ILIKE ${`%${f.owner.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (f.status) where.push(Prisma.sql`o.status = ${f.status}::"CommitmentStatus"`);
  const today = new Date().toISOString().slice(0, 10);
  if (f.due === "overdue") where.push(Prisma.sql`o."dueDate" < ${today}::date AND o.status IN ('OPEN', 'IN_PROGRESS')`);
  if (f.due === "30days") where.push(Prisma.sql`o."dueDate" >= ${today}::date AND o."dueDate" <= ${today}::date + 30 AND o.status IN ('OPEN', 'IN_PROGRESS')`);
  if (f.dueFrom) where.push(Prisma.sql`o."dueDate" >= ${f.dueFrom}::date`);
  if (f.dueTo) where.push(Prisma.sql`o."dueDate" <= ${f.dueTo}::date`);
  return Prisma.join(where, " AND ");
}

/** What a row shows; the rounds a commitment was carried through count only rounds the actor may see. */
const columns = (actor: Actor) => Prisma.sql`o.id AS "outcomeId", o.text, o.owner, o."dueDate", o.status::text AS status, c.id AS "consultationId", c.title AS "consultationTitle",
  c.status::text AS "consultationStatus", c.version AS "consultationVersion", c."startDate", c."counterpartCountry",
  (SELECT count(*)::int FROM "Outcome" x JOIN "Consultation" xc ON xc.id = x."consultationId"
    WHERE (x.id = coalesce(o."originId", o.id) OR x."originId" = coalesce(o."originId", o.id))
      AND xc.classification = ANY(${visibleClassifications(actor.clearance)}::"Classification"[])) AS rounds`;

export function commitmentSql(actor: Actor, f: CommitmentFilters, limit = COMMITMENTS_PAGE, taken = 0): { dated: Prisma.Sql | null; undated: Prisma.Sql } {
  const where = conditions(actor, f);
  const cursor = decode(f.after);
  const datedAfter = cursor ? Prisma.sql`AND (o."dueDate", o.id) > (${cursor.d}::date, ${cursor.id}::uuid)` : Prisma.empty;
  const undatedAfter = cursor && cursor.d === null ? Prisma.sql`AND o.id > ${cursor.id}::uuid` : Prisma.empty;
  return {
    // Dated commitments first (in the (type, dueDate, id) index's order), then the undated ones.
    dated:
      !cursor || cursor.d !== null
        ? Prisma.sql`SELECT ${columns(actor)} FROM "Outcome" o JOIN "Consultation" c ON c.id = o."consultationId"
            WHERE ${where} AND o."dueDate" IS NOT NULL ${datedAfter} ORDER BY o."dueDate", o.id LIMIT ${limit + 1}`
        : null,
    undated: Prisma.sql`SELECT ${columns(actor)} FROM "Outcome" o JOIN "Consultation" c ON c.id = o."consultationId"
      WHERE ${where} AND o."dueDate" IS NULL ${undatedAfter} ORDER BY o.id LIMIT ${limit + 1 - taken}`,
  };
}

/**
 * Every commitment the actor may see, once (its latest round), soonest due first (undated
 * last), with keyset pagination over (due date, id).
 */
export async function listCommitments(actor: Actor, f: CommitmentFilters, limit = COMMITMENTS_PAGE): Promise<{ rows: CommitmentRow[]; next: string | null }> {
  const { dated } = commitmentSql(actor, f, limit);
  let rows: CommitmentRow[] = dated ? await prisma.$queryRaw<CommitmentRow[]>(dated) : [];
  // With a due-date condition no undated commitment can match: no query for them.
  const datedOnly = f.due !== undefined || f.dueFrom !== undefined || f.dueTo !== undefined;
  if (rows.length <= limit && !datedOnly) rows = [...rows, ...(await prisma.$queryRaw<CommitmentRow[]>(commitmentSql(actor, f, limit, rows.length).undated))];
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: more && last ? encode({ d: last.dueDate ? last.dueDate.toISOString().slice(0, 10) : null, id: last.outcomeId }) : null };
}

/** All matching commitments for a CSV file, page by page, up to EXPORT_CAP. */
export async function* exportCommitments(actor: Actor, f: CommitmentFilters): AsyncGenerator<CommitmentRow | "capped"> {
  let after: string | undefined;
  let n = 0;
  do {
    const page = await listCommitments(actor, { ...f, after }, 1000);
    for (const row of page.rows) {
      if (n++ >= EXPORT_CAP) {
        yield "capped";
        return;
      }
      yield row;
    }
    after = page.next ?? undefined;
  } while (after);
}

const statusChange = z.object({
  outcomeId: z.uuid("No such commitment."),
  status: z.enum(COMMITMENT_STATUSES, "Choose a status"),
  version: z.coerce.number().int().positive(),
});

/**
 * Changes a commitment's status from the tracker: a save of its record (a new version, audited
 * as "commitment.status", conflict-checked against the version the tracker showed).
 */
export async function updateCommitmentStatus(actor: Actor, consultationId: string, input: unknown) {
  if (!hasPermission(actor, "consultation:edit")) throw new AppError("FORBIDDEN", "Your role may not change commitments.");
  const record = await getRecord(actor, consultationId);
  const parsed = statusChange.safeParse(input);
  if (!parsed.success) return { status: "invalid" as const, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { outcomeId, status, version } = parsed.data;
  const outcome = record.data.outcomes.find((o) => o.id === outcomeId && o.type === "COMMITMENT");
  if (!outcome) throw new AppError("NOT_FOUND", "No such commitment in this record.");
  if (record.version !== version) {
    throw new AppError("CONFLICT", "The record was saved since this list was loaded: reload and check the commitment before changing it.");
  }
  if (outcome.status === status) return { status: "ok" as const, version };
  const data = { ...record.data, outcomes: record.data.outcomes.map((o) => (o.id === outcomeId ? { ...o, status } : o)) };
  const saved = await saveRecord(actor, consultationId, version, data, { action: "commitment.status", details: { outcome: outcomeId, from: outcome.status ?? "", to: status } });
  if (saved.status === "saved") return { status: "ok" as const, version: saved.version };
  if (saved.status === "conflict") throw new AppError("CONFLICT", "Someone saved the record at the same moment: reload and try again.");
  return { status: "invalid" as const, fieldErrors: saved.fieldErrors };
}
