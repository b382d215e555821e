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
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { loadBriefing } from "@/lib/domain/briefings/load-briefing";
import { cachedPdf } from "@/lib/domain/briefings/pdf-cache";
import type { BriefingPdf } from "@/lib/domain/briefings/get-briefing-pdf";
import type { Paper } from "@/lib/pdf/briefing";
import { render } from "@/lib/pdf/pool";
import { RENDERER_VERSION } from "@/lib/pdf/version";

/** The book route's ?paper= (A4 when absent); anything else is INVALID_INPUT. */
export function parseBookPaper(search: URLSearchParams): Paper {
  const paper = search.get("paper") ?? "A4";
  if (paper !== "A4" && paper !== "LETTER") throw new AppError("INVALID_INPUT", "Paper must be A4 or LETTER.");
  return paper;
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
        where: {
          classification: { in: visibleClassifications(actor.clearance) },
          ...(hasPermission(actor, "consultation:download-draft") ? {} : { status: "APPROVED" as const }),
        },
        orderBy: [{ startDate: "asc" }, { roundNumber: "asc" }],
        select: {
          id: true,
          version: true,
          status: true,
          updatedAt: true,
          startDate: true,
          classification: true,
        },
      },
    },
  });
  if (!series || series.rounds.length === 0) {
    const what = hasPermission(actor, "consultation:download-draft") ? "round" : "approved round";
    throw new AppError("NOT_FOUND", `No such series, or no ${what} you may see.`);
  }
  const key = createHash("sha256")
    .update(
      JSON.stringify([RENDERER_VERSION, "book", paper, actor.clearance, seriesId, series.rounds]),
    )
    .digest("hex");
  const first = series.rounds[0]?.startDate.toISOString().slice(0, 10);
  const last = series.rounds.at(-1)?.startDate.toISOString().slice(0, 10);
  const classification =
    CLASSIFICATIONS[Math.max(...series.rounds.map((r) => classificationRank(r.classification)))] ??
    "UNCLASSIFIED";
  const meta = {
    key,
    fileName: `${first} to ${last} ${series.name} — briefing book.pdf`,
    classification,
  };
  if (keyOnly) return meta;

  const { bytes, cached } = await cachedPdf(key, "briefing-book", async () => {
    const briefings = [];
    for (const r of series.rounds) briefings.push(await loadBriefing(actor, r.id));
    return render({
      template: "briefing-book",
      paper,
      briefings,
      book: {
        title: series.name,
        subtitle: `${series.rounds.length} rounds, ${first} to ${last}`,
        reference: `READOUT/BOOK/${key.slice(0, 8).toUpperCase()}`,
      },
    });
  });
  if (classification !== "UNCLASSIFIED") {
    await writeAudit(prisma, {
      actorId: actor.id,
      action: "consultation.download",
      entityType: "series",
      entityId: seriesId,
      details: { template: "briefing-book", paper },
    });
  }
  return { ...meta, bytes, cached };
}
