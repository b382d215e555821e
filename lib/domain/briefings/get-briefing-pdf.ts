import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { pool, prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  clearanceAllows,
  hasPermission,
  visibleClassifications,
  type Actor,
} from "@/lib/auth/permissions";
import type { Classification } from "@/lib/generated/prisma/enums";
import { writeAuditAlone } from "@/lib/domain/audit/write-audit";
import { loadBriefing } from "@/lib/domain/briefings/load-briefing";
import { cachedPdf } from "@/lib/domain/briefings/pdf-cache";
import { freezeApprovedBriefing } from "@/lib/domain/review/freeze-approved-briefing";
import {
  PAPERS,
  TEMPLATES,
  TEMPLATE_NAMES,
  type Briefing,
  type Paper,
  type Template,
} from "@/lib/pdf/briefing";
import { render, warmBookPart } from "@/lib/pdf/pool";
import { RENDERER_VERSION } from "@/lib/pdf/version";

export const briefingOptionsSchema = z.object({
  template: z
    .enum(
      TEMPLATES.filter((t) => t !== "briefing-book") as [
        "briefing-note",
        "one-page",
        "public-readout",
      ],
    )
    .default("briefing-note"),
  paper: z.enum(PAPERS).default("A4"),
  /** "approved": the last approved version, frozen at approval, even while a revision is drafted. */
  version: z.enum(["current", "approved"]).default("current"),
});
export type BriefingOptions = Omit<z.infer<typeof briefingOptionsSchema>, "version"> & {
  version?: "current" | "approved";
};

/** The PDF route's query (?template=&paper=&version=); anything else is INVALID_INPUT. */
export function parseBriefingQuery(search: URLSearchParams): BriefingOptions & { version: "current" | "approved" } {
  const options = briefingOptionsSchema.safeParse({
    template: search.get("template") ?? undefined,
    paper: search.get("paper") ?? undefined,
    version: search.get("version") ?? undefined,
  });
  if (!options.success) {
    throw new AppError(
      "INVALID_INPUT",
      "Unknown template, paper size or version (templates: briefing-note, one-page, public-readout; paper: A4, LETTER; version: current, approved).",
    );
  }
  return options.data;
}

export interface BriefingPdf {
  /** Cache key and ETag: changes whenever anything printed could have changed. */
  key: string;
  fileName: string;
  classification: string;
  /** Absent when the caller only asked for the key (a conditional request). */
  bytes?: Uint8Array;
  cached?: boolean;
}

async function identify(actor: Actor, id: string, template: Template, paper: Paper) {
  if (!hasPermission(actor, "consultation:download"))
    throw new AppError("FORBIDDEN", "You may not download briefings.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  const visible = visibleClassifications(actor.clearance);
  // The record and what its earlier rounds (within clearance) last changed, in one round trip:
  // earlier rounds feed "open commitments from earlier rounds", so their changes count too.
  // Straight to the driver's pool: every download asks it (decision 0009, item 15).
  const {
    rows: [record],
  } = await pool.query<{
    id: string;
    version: number;
    status: string;
    updatedAt: Date;
    /** The date column as written (the driver would read a date as local midnight). */
    day: string;
    title: string;
    classification: Classification;
    earlierMax: Date | null;
    earlierCount: number;
  }>(
    `SELECT c.id, c.version, c.status::text AS status, c."updatedAt", to_char(c."startDate", 'YYYY-MM-DD') AS day, c.title, c.classification::text AS classification,
      e."earlierMax", e."earlierCount"
    FROM "Consultation" c
    CROSS JOIN LATERAL (
      SELECT max(p."updatedAt") AS "earlierMax", count(*)::int AS "earlierCount"
      FROM "Consultation" p
      WHERE p."seriesId" = c."seriesId" AND p."startDate" <= c."startDate" AND p.id <> c.id AND p.classification = ANY($2::"Classification"[])
    ) e
    WHERE c.id = $1::uuid AND c.classification = ANY($2::"Classification"[])`,
    [id, visible],
  );
  if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
  if (record.status !== "APPROVED" && !hasPermission(actor, "consultation:download-draft")) {
    throw new AppError("FORBIDDEN", "Viewers may download approved briefings only, and this version is not approved.");
  }
  // Marked UNCLASSIFIED and meant for the press: only from what reviewers approved.
  if (template === "public-readout" && record.status !== "APPROVED") {
    throw new AppError(
      "CONFLICT",
      "The public readout is available once the record is approved (or from its approved version).",
    );
  }
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        RENDERER_VERSION,
        template,
        paper,
        actor.clearance,
        // A viewer's briefing draws on approved earlier rounds only (load-briefing.ts): not the same
        // PDF as a drafter's of the same version.
        hasPermission(actor, "consultation:download-draft"),
        record.id,
        record.version,
        record.status,
        record.updatedAt,
        record.earlierMax,
        record.earlierCount,
      ]),
    )
    .digest("hex");
  const fileName = `${record.day} ${record.title} — ${TEMPLATE_NAMES[template]} v${record.version}.pdf`;
  // Audited by the classification of the record it comes from, whatever its marking.
  return { key, fileName, classification: record.classification, version: record.version, status: record.status };
}

/** The key alone, for a conditional request: no render, no bytes read. */
export async function getBriefingPdfKey(
  actor: Actor,
  id: string,
  options: BriefingOptions,
): Promise<BriefingPdf> {
  if (options.version === "approved") {
    const { key, fileName, classification } = await identifyApproved(
      actor,
      id,
      options.template,
      options.paper,
    );
    return { key, fileName, classification };
  }
  return identify(actor, id, options.template, options.paper);
}

/** The approved version: its frozen briefing, and a key without the renderer version, so that
 * once rendered its bytes never change. */
async function identifyApproved(actor: Actor, id: string, template: Template, paper: Paper) {
  if (!hasPermission(actor, "consultation:download"))
    throw new AppError("FORBIDDEN", "You may not download briefings.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  // Not the frozen briefing itself (tens of KB of JSON a download would read and parse for
  // nothing when its PDF is kept): its classification, and the briefing only when rendering.
  const {
    rows: [record],
  } = await pool.query<{
    approvedVersion: number | null;
    frozenClassification: Classification | null;
    title: string;
    /** The date column as written (the driver would read a date as local midnight). */
    day: string;
    classification: Classification;
  }>(
    `SELECT "approvedVersion",
      CASE WHEN ("approvedBriefing"->>'version')::int = "approvedVersion" THEN "approvedBriefing"->'data'->'facts'->>'classification' END AS "frozenClassification",
      title, to_char("startDate", 'YYYY-MM-DD') AS day, classification::text AS classification
    FROM "Consultation" WHERE id = $1::uuid AND classification = ANY($2::"Classification"[])`,
    [id, visibleClassifications(actor.clearance)],
  );
  if (!record || record.approvedVersion === null)
    throw new AppError("NOT_FOUND", "This record has no approved version yet.");
  // The approved version keeps the classification it was approved at, even if the draft changed it
  // since (a briefing frozen for an earlier approval does not count: it is frozen again to render).
  const approvedClassification = record.frozenClassification ?? record.classification;
  if (!clearanceAllows(actor.clearance, approvedClassification))
    throw new AppError("NOT_FOUND", "This record has no approved version yet.");
  const key = createHash("sha256")
    .update(JSON.stringify(["approved", template, paper, id, record.approvedVersion]))
    .digest("hex");
  return {
    key,
    fileName: `${record.day} ${record.title} — ${TEMPLATE_NAMES[template]} v${record.approvedVersion} approved.pdf`,
    classification: approvedClassification,
    approvedVersion: record.approvedVersion,
  };
}

/**
 * The approved version's frozen briefing (frozen now if it never was), if it is still the
 * version the key was made from: approved again in between, it would not be what the key says.
 */
async function approvedBriefing(id: string, approvedVersion: number): Promise<Briefing> {
  const row = await prisma.consultation.findUnique({ where: { id }, select: { approvedBriefing: true } });
  let briefing = row?.approvedBriefing as Briefing | null | undefined;
  // Never frozen, or frozen for an earlier approval (a freeze after an approval that failed):
  // frozen now, while the record is still approved.
  if (!briefing || briefing.version !== approvedVersion) briefing = await freezeApprovedBriefing(id);
  if (!briefing) throw new AppError("NOT_FOUND", "This record has no approved version yet.");
  if (briefing.version !== approvedVersion)
    throw new AppError("CONFLICT", "This consultation changed while its PDF was being made. Try again.");
  return briefing;
}

/**
 * The briefing as loaded for the render, if it is still the version and state the key was made
 * from: saved or reopened in between, the render would not be what the key says (and a viewer's
 * or a public readout's could take in a draft).
 */
function unchanged(briefing: Briefing, keyed: { version: number; status: string }): Briefing {
  if (briefing.version !== keyed.version || briefing.status !== keyed.status)
    throw new AppError("CONFLICT", "This consultation changed while its PDF was being made. Try again.");
  return briefing;
}

/** The PDF from the shared cache, or rendered (off the request thread) and cached. */
export async function getBriefingPdf(
  actor: Actor,
  id: string,
  options: BriefingOptions,
): Promise<BriefingPdf> {
  const meta =
    options.version === "approved"
      ? await identifyApproved(actor, id, options.template, options.paper)
      : await identify(actor, id, options.template, options.paper);
  const { bytes, cached } = await cachedPdf(
    meta.key,
    options.template,
    async () => {
      const briefing =
        "approvedVersion" in meta
          ? await approvedBriefing(id, meta.approvedVersion)
          : unchanged(await loadBriefing(actor, id), meta);
      return render({ template: options.template, paper: options.paper, briefings: [briefing] });
    },
    { pinned: "approvedVersion" in meta },
  );
  if (meta.classification !== "UNCLASSIFIED") {
    // A download writes nothing else: its audit row is a transaction of its own.
    await writeAuditAlone([
      {
        actorId: actor.id,
        action: "consultation.download",
        entityType: "consultation",
        entityId: id,
        details: { template: options.template, paper: options.paper },
      },
    ]);
  }
  return {
    key: meta.key,
    fileName: meta.fileName,
    classification: meta.classification,
    bytes,
    cached,
  };
}

// Records being pre-rendered right now, and whether another save came in meanwhile.
const warming = new Map<string, { again: boolean; actor: Actor }>();

/**
 * Pre-renders a record's briefing after a save or an approval, coalesced per record: while one
 * pre-render runs, further saves of the same record only ask for one more run (of whatever is
 * then the latest version), so a burst of saves costs at most two renders, not one per save.
 */
export async function warmBriefingCache(actor: Actor, id: string): Promise<void> {
  const running = warming.get(id);
  if (running) {
    running.again = true;
    running.actor = actor;
    return;
  }
  const state = { again: false, actor };
  warming.set(id, state);
  try {
    do {
      state.again = false;
      try {
        await warmOnce(state.actor, id);
      } catch (error) {
        // One failed pre-render must not drop the one asked for meanwhile; the last error is reported.
        if (!state.again) throw error;
      }
    } while (state.again);
  } finally {
    warming.delete(id);
  }
}

/**
 * Renders and caches the default briefing of a record ahead of its first download, its part of a
 * briefing book (kept by the PDF pool), and, once approved, its approved briefing: so that the
 * first download after a save or an approval is already a cache hit.
 */
async function warmOnce(actor: Actor, id: string): Promise<void> {
  const meta = await identify(actor, id, "briefing-note", "A4");
  const briefing = unchanged(await loadBriefing(actor, id), meta);
  await cachedPdf(meta.key, "briefing-note", async () =>
    render({ template: "briefing-note", paper: "A4", briefings: [briefing] }),
  );
  await warmBookPart(briefing, "A4");
  if (briefing.status !== "APPROVED") return;
  const approved = await identifyApproved(actor, id, "briefing-note", "A4");
  await cachedPdf(
    approved.key,
    "briefing-note",
    async () =>
      render({ template: "briefing-note", paper: "A4", briefings: [await approvedBriefing(id, approved.approvedVersion)] }),
    { pinned: true },
  );
}
