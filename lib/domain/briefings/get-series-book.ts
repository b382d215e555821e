import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  CLASSIFICATIONS,
  classificationRank,
  hasPermission,
  visibleClassifications,
  type Actor,
} from "@/lib/auth/permissions";
import { writeAuditAlone } from "@/lib/domain/audit/write-audit";
import { loadBriefing } from "@/lib/domain/briefings/load-briefing";
import { cachedPdf } from "@/lib/domain/briefings/pdf-cache";
import type { BriefingPdf } from "@/lib/domain/briefings/get-briefing-pdf";
import type { Classification } from "@/lib/generated/prisma/enums";
import type { Paper } from "@/lib/pdf/briefing";
import { render } from "@/lib/pdf/pool";
import { RENDERER_VERSION } from "@/lib/pdf/version";

/** The book route's ?paper= (A4 when absent); anything else is INVALID_INPUT. */
export function parseBookPaper(search: URLSearchParams): Paper {
  const paper = search.get("paper") ?? "A4";
  if (paper !== "A4" && paper !== "LETTER") throw new AppError("INVALID_INPUT", "Paper must be A4 or LETTER.");
  return paper;
}

/** The most rounds one briefing book takes: a selection of more is refused, with a message. */
export const MAX_BOOK_RECORDS = 60;

// Ids are only counted here (once each, in any letter case): one that is not an id is refused
// below like one that does not exist.
const selectionSchema = z
  .array(z.string())
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
  .pipe(
    z
      .array(z.string())
      .min(1, { error: "Choose at least one consultation for the briefing book." })
      .max(MAX_BOOK_RECORDS, { error: `A briefing book holds at most ${MAX_BOOK_RECORDS} consultations: choose fewer.` }),
  );

/** The selection route's ?id= (repeated, in any order); anything else is INVALID_INPUT. */
export function parseBookSelection(search: URLSearchParams): string[] {
  const parsed = selectionSchema.safeParse(search.getAll("id"));
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "That selection is not valid.");
  return parsed.data;
}

const ROUND_FIELDS = {
  id: true,
  version: true,
  status: true,
  updatedAt: true,
  startDate: true,
  classification: true,
} as const;

type BookRound = {
  id: string;
  version: number;
  status: string;
  updatedAt: Date;
  startDate: Date;
  classification: Classification;
};

/** The rounds an actor may put in a book: within clearance; approved only, for viewers. */
function bookRoundsWhere(actor: Actor) {
  return {
    classification: { in: visibleClassifications(actor.clearance) },
    ...(hasPermission(actor, "consultation:download-draft") ? {} : { status: "APPROVED" as const }),
  };
}

/**
 * A briefing book of the given rounds (in order): cache key, file name and, unless keyOnly, the
 * PDF (from the cache, else rendered and kept), its download audited unless all UNCLASSIFIED.
 */
async function bookPdf(
  actor: Actor,
  rounds: BookRound[],
  book: {
    kind: string;
    title: string;
    fileTitle: string;
    auditEntities: { type: string; id: string }[];
    /** What else the briefings print from (earlier rounds of their series), for the key. */
    context?: unknown;
  },
  paper: Paper,
  keyOnly: boolean,
): Promise<BriefingPdf> {
  const drafts = hasPermission(actor, "consultation:download-draft");
  const key = createHash("sha256")
    .update(JSON.stringify([RENDERER_VERSION, "book", book.kind, paper, actor.clearance, drafts, rounds, book.context ?? null]))
    .digest("hex");
  const first = rounds[0]?.startDate.toISOString().slice(0, 10);
  const last = rounds.at(-1)?.startDate.toISOString().slice(0, 10);
  const classification =
    CLASSIFICATIONS[Math.max(...rounds.map((r) => classificationRank(r.classification)))] ??
    "UNCLASSIFIED";
  const meta = {
    key,
    fileName: `${first} to ${last} ${book.fileTitle} — briefing book.pdf`,
    classification,
  };
  if (keyOnly) return meta;
  const { bytes, cached } = await cachedPdf(key, "briefing-book", async () => {
    const briefings = [];
    for (const r of rounds) {
      const briefing = await loadBriefing(actor, r.id);
      // Changed since the key was made (saved, reopened): this render would not be what the key
      // says, and a viewer's book could take in a draft.
      if (briefing.version !== r.version || briefing.status !== r.status)
        throw new AppError("CONFLICT", "A consultation in this book changed while it was being made. Try again.");
      briefings.push(briefing);
    }
    return render({
      template: "briefing-book",
      paper,
      briefings,
      book: {
        title: book.title,
        subtitle: `${rounds.length} ${rounds.length === 1 ? "round" : "rounds"}, ${first} to ${last}`,
        reference: `READOUT/BOOK/${key.slice(0, 8).toUpperCase()}`,
      },
    });
  });
  if (classification !== "UNCLASSIFIED") {
    await writeAuditAlone(
      book.auditEntities.map((entity) => ({
        actorId: actor.id,
        action: "consultation.download",
        entityType: entity.type,
        entityId: entity.id,
        details: { template: "briefing-book", paper, ...(book.kind === "selection" ? { records: rounds.length } : {}) },
      })),
    );
  }
  return { ...meta, bytes, cached };
}

/** Every round of a series the actor may see, in one briefing book with contents and bookmarks. */
export async function getSeriesBook(
  actor: Actor,
  seriesId: string,
  paper: Paper,
  keyOnly = false,
): Promise<BriefingPdf> {
  if (!hasPermission(actor, "consultation:download"))
    throw new AppError("FORBIDDEN", "You may not download briefings.");
  if (!z.uuid().safeParse(seriesId).success) throw new AppError("NOT_FOUND", "No such series.");
  const series = await prisma.series.findUnique({
    where: { id: seriesId },
    select: {
      name: true,
      rounds: {
        // Viewers get approved briefings only: the rounds approved as they stand.
        where: bookRoundsWhere(actor),
        orderBy: [{ startDate: "asc" }, { roundNumber: "asc" }, { id: "asc" }],
        select: ROUND_FIELDS,
      },
    },
  });
  if (!series || series.rounds.length === 0) {
    const what = hasPermission(actor, "consultation:download-draft") ? "round" : "approved round";
    throw new AppError("NOT_FOUND", `No such series, or no ${what} you may see.`);
  }
  return bookPdf(
    actor,
    series.rounds,
    { kind: `series ${seriesId}`, title: series.name, fileTitle: series.name, auditEntities: [{ type: "series", id: seriesId }] },
    paper,
    keyOnly,
  );
}

/**
 * Consultations chosen from the list (any series), in one briefing book, in date order. Every
 * one must be within reach: one above clearance is refused exactly like one that does not exist,
 * and a viewer's selection may hold approved records only. Audited per record.
 */
export async function getSelectionBook(
  actor: Actor,
  ids: string[],
  paper: Paper,
  keyOnly = false,
): Promise<BriefingPdf> {
  if (!hasPermission(actor, "consultation:download"))
    throw new AppError("FORBIDDEN", "You may not download briefings.");
  if (ids.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one consultation for the briefing book.");
  const rounds = await prisma.consultation.findMany({
    where: { id: { in: ids.filter((id) => z.uuid().safeParse(id).success) }, ...bookRoundsWhere(actor) },
    orderBy: [{ startDate: "asc" }, { roundNumber: "asc" }, { id: "asc" }],
    select: { ...ROUND_FIELDS, seriesId: true },
  });
  if (rounds.length !== ids.length) {
    const missing = ids.length - rounds.length;
    const what = hasPermission(actor, "consultation:download-draft") ? "" : " (viewers may include approved consultations only)";
    throw new AppError(
      "NOT_FOUND",
      `${missing === 1 ? "One of the chosen consultations is" : `${missing} of the chosen consultations are`} not available to you${what}. Reload the list and choose again.`,
    );
  }
  // Each briefing also prints from earlier rounds of its series (their open commitments, its
  // outcomes' history): any change to a round the reader can see in those series makes a new book.
  const context = await prisma.consultation.findMany({
    where: {
      seriesId: { in: [...new Set(rounds.map((r) => r.seriesId))] },
      // What the reader's briefings draw on: a viewer's, approved rounds only.
      ...bookRoundsWhere(actor),
    },
    orderBy: { id: "asc" },
    select: { id: true, updatedAt: true, status: true },
  });
  return bookPdf(
    actor,
    rounds.map(({ seriesId: _series, ...round }) => round),
    {
      kind: "selection",
      context,
      title: "Briefing book",
      fileTitle: `${rounds.length} ${rounds.length === 1 ? "consultation" : "consultations"}`,
      auditEntities: rounds.map((r) => ({ type: "consultation", id: r.id })),
    },
    paper,
    keyOnly,
  );
}
