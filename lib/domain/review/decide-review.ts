import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { freezeApprovedBriefing } from "@/lib/domain/review/freeze-approved-briefing";
import { issuesByPath } from "@/lib/validation/fields";
import { decideReviewSchema } from "@/lib/validation/review";
import { notifyDecision } from "@/lib/domain/notifications/notify";
import type { ReviewResult } from "@/lib/domain/review/submit-for-review";

/**
 * A reviewer approves, or requests changes with a comment. Changes requested send the record
 * back to its drafter; it is approved when every reviewer named for this version has approved.
 */
export async function decideReview(actor: Actor, id: string, raw: unknown): Promise<ReviewResult> {
  if (!hasPermission(actor, "consultation:review")) throw new AppError("FORBIDDEN", "Your role may not review records.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  // Not found before anything else: a record above the actor's clearance does not exist for them.
  const exists = await prisma.consultation.count({ where: { id, classification: { in: visibleClassifications(actor.clearance) } } });
  if (exists === 0) throw new AppError("NOT_FOUND", "No such consultation.");
  const parsed = decideReviewSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const { decision, comment } = parsed.data;

  const approvedNow = await prisma.$transaction(async (tx) => {
    // Decisions on one record run one at a time: two last approvals arriving together must
    // not each see the other as still pending and leave the record in review for ever.
    await tx.$queryRaw`SELECT 1 FROM "Consultation" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const record = await tx.consultation.findFirst({
      where: { id, classification: { in: visibleClassifications(actor.clearance) } },
      select: { status: true, version: true, createdById: true, updatedById: true },
    });
    if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
    if (record.status !== "IN_REVIEW") throw new AppError("CONFLICT", "This record is not waiting for review.");
    if (record.createdById === actor.id || record.updatedById === actor.id) throw new AppError("FORBIDDEN", "Nobody reviews a record they drafted or edited.");
    const { count } = await tx.review.updateMany({
      where: { consultationId: id, version: record.version, reviewerId: actor.id, decision: "PENDING" },
      data: { decision: decision === "APPROVE" ? "APPROVED" : "CHANGES_REQUESTED", comment, decidedAt: new Date() },
    });
    if (count === 0) {
      const asked = await tx.review.count({ where: { consultationId: id, version: record.version, reviewerId: actor.id } });
      if (asked === 0) throw new AppError("FORBIDDEN", "You were not asked to review this version.");
      throw new AppError("CONFLICT", "You have already decided on this version.");
    }

    if (decision === "REQUEST_CHANGES") {
      await tx.consultation.updateMany({ where: { id, status: "IN_REVIEW", version: record.version }, data: { status: "CHANGES_REQUESTED" } });
      await writeAudit(tx, { actorId: actor.id, action: "consultation.request_changes", entityType: "consultation", entityId: id, details: { version: record.version } });
      return false;
    }
    await writeAudit(tx, { actorId: actor.id, action: "consultation.approve", entityType: "consultation", entityId: id, details: { version: record.version } });
    const pending = await tx.review.count({ where: { consultationId: id, version: record.version, decision: { not: "APPROVED" } } });
    if (pending > 0) return false;
    await tx.consultation.updateMany({
      where: { id, status: "IN_REVIEW", version: record.version },
      data: { status: "APPROVED", approvedVersion: record.version, approvedAt: new Date() },
    });
    return true;
  });
  if (approvedNow) await freezeApprovedBriefing(id);
  const by = actor.name ?? "A reviewer";
  await notifyDecision(id, decision === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : approvedNow ? "APPROVED_BY_ALL" : "APPROVED", by);
  return { status: "ok" };
}
