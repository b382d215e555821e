import "server-only";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { insertRecord } from "@/lib/domain/consultations/insert-record";
import { DEMO_ROUND_4, DEMO_ROUND_4_ID, DEMO_ROUND_5, DEMO_ROUND_5_ID, DEMO_SERIES } from "@/lib/demo/demo-records";
import { freezeApprovedBriefing } from "@/lib/domain/review/freeze-approved-briefing";
import type { RecordData } from "@/lib/validation/record";

/**
 * Adds the demo series with its two rounds, written by `authorId`, in one transaction. The
 * earlier round is submitted to `reviewerId` and approved by it as a review leaves it (the
 * review, the audit rows, the approved version and time; no review when there is no reviewer)
 * and its briefing frozen, so that its approved PDF downloads, names who approved it, and stays
 * downloadable once a revision is started, as the record page says.
 */
export async function seedDemoRecords(authorId: string, reviewerId: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const series = await tx.series.create({ data: { ...DEMO_SERIES, counterpartCountries: [...DEMO_SERIES.counterpartCountries] }, select: { id: true } });
    const rounds: [string, RecordData, "APPROVED" | "DRAFT"][] = [
      [DEMO_ROUND_4_ID, DEMO_ROUND_4, "APPROVED"],
      [DEMO_ROUND_5_ID, DEMO_ROUND_5, "DRAFT"],
    ];
    for (const [id, data, status] of rounds) {
      await insertRecord(tx, { id, seriesId: series.id, counterpartCountry: "RU", data, status, actorId: authorId });
      await writeAudit(tx, { actorId: authorId, action: "consultation.create", entityType: "consultation", entityId: id, details: { demo: true } });
      if (status === "APPROVED") {
        const [{ version }] = await tx.$queryRaw<[{ version: number }]>`
          UPDATE "Consultation" SET "approvedVersion" = version, "approvedAt" = now() WHERE id = ${id}::uuid RETURNING version`;
        if (reviewerId) {
          await writeAudit(tx, { actorId: authorId, action: "consultation.submit", entityType: "consultation", entityId: id, details: { version, reviewerIds: [reviewerId], demo: true } });
          await tx.review.create({
            data: { consultationId: id, version, reviewerId, requestedById: authorId, decision: "APPROVED", decidedAt: new Date() },
          });
          await writeAudit(tx, { actorId: reviewerId, action: "consultation.approve", entityType: "consultation", entityId: id, details: { version, demo: true } });
        }
      }
    }
  });
  // As after an approval: frozen once committed. Should it fail, the first download of the
  // approved version freezes it (get-briefing-pdf.ts), and the start goes on.
  await freezeApprovedBriefing(DEMO_ROUND_4_ID).catch((error: unknown) =>
    console.warn(`[seed] the demo's approved briefing is frozen on first download instead: ${error instanceof Error ? error.message : String(error)}`),
  );
}
