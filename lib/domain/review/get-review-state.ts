import "server-only";
import { prisma } from "@/lib/db";
import { CLASSIFICATIONS, classificationRank, hasPermission, type Actor } from "@/lib/auth/permissions";
import type { RecordView } from "@/lib/domain/consultations/get-record";

/** What the review panel of a record shows to this user: reviews of the current version,
 * who could review it, and what the user may do now. */
export async function getReviewState(actor: Actor, record: Pick<RecordView, "id" | "status" | "version" | "data"> & { createdById: string; updatedById: string }) {
  const reviews = await prisma.review.findMany({
    where: { consultationId: record.id, version: record.version },
    orderBy: { createdAt: "asc" },
    select: { id: true, decision: true, comment: true, decidedAt: true, reviewerId: true, reviewer: { select: { name: true } } },
  });
  const history = await prisma.review.findMany({
    where: { consultationId: record.id, version: { lt: record.version }, decision: "CHANGES_REQUESTED" },
    orderBy: { decidedAt: "desc" },
    take: 5,
    select: { id: true, version: true, comment: true, decidedAt: true, reviewer: { select: { name: true } } },
  });
  const editable = record.status === "DRAFT" || record.status === "CHANGES_REQUESTED";
  const alreadyReviewed = reviews.length > 0;
  const canSubmit = editable && !alreadyReviewed && hasPermission(actor, "consultation:edit");
  const classification = record.data.facts.classification;
  const candidates = canSubmit
    ? await prisma.user.findMany({
        where: {
          active: true,
          role: { in: ["REVIEWER", "ADMIN"] },
          id: { notIn: [actor.id, record.createdById, record.updatedById] },
          clearance: { in: CLASSIFICATIONS.filter((c) => classificationRank(c) >= classificationRank(classification)) },
        },
        orderBy: { name: "asc" },
        take: 200,
        select: { id: true, name: true, role: true },
      })
    : [];
  const mine = reviews.find((r) => r.reviewerId === actor.id && r.decision === "PENDING");
  return {
    reviews,
    /** A reviewed version goes back to review only as a new save. */
    needsNewVersion: editable && alreadyReviewed && hasPermission(actor, "consultation:edit"),
    history,
    candidates,
    canSubmit,
    canDecide: record.status === "IN_REVIEW" && Boolean(mine) && hasPermission(actor, "consultation:review"),
    canRevise: record.status === "APPROVED" && hasPermission(actor, "consultation:edit"),
  };
}

export type ReviewState = Awaited<ReturnType<typeof getReviewState>>;
