import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { issuesByPath } from "@/lib/validation/fields";
import { submitForReviewSchema } from "@/lib/validation/review";
import { notifyReviewRequested } from "@/lib/domain/notifications/notify";

export type ReviewResult = { status: "ok" } | { status: "invalid"; fieldErrors: Record<string, string[]> };

/** DRAFT or CHANGES_REQUESTED → IN_REVIEW, naming the reviewers of the current version. */
export async function submitForReview(actor: Actor, id: string, raw: unknown): Promise<ReviewResult> {
  if (!hasPermission(actor, "consultation:edit")) throw new AppError("FORBIDDEN", "Your role may not submit records for review.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  // Not found before anything else: a record above the actor's clearance does not exist for them.
  const exists = await prisma.consultation.count({ where: { id, classification: { in: visibleClassifications(actor.clearance) } } });
  if (exists === 0) throw new AppError("NOT_FOUND", "No such consultation.");
  const parsed = submitForReviewSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const { version, reviewerIds } = parsed.data;

  const result = await prisma.$transaction(async (tx) => {
    const record = await tx.consultation.findFirst({
      where: { id, classification: { in: visibleClassifications(actor.clearance) } },
      select: { status: true, version: true, classification: true, createdById: true, updatedById: true },
    });
    if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
    if (record.status !== "DRAFT" && record.status !== "CHANGES_REQUESTED") {
      throw new AppError("CONFLICT", `Only a draft can be submitted; this record is ${record.status.toLowerCase().replace("_", " ")}.`);
    }
    if (record.version !== version) throw new AppError("CONFLICT", "The record was saved again since you opened it: reload, check it, then submit.");
    // Reviews belong to a version: a version that was already reviewed goes back only as a new save.
    if ((await tx.review.count({ where: { consultationId: id, version } })) > 0) {
      throw new AppError("CONFLICT", "This version has been reviewed already: save your changes, then submit the new version.");
    }
    const reviewers = await tx.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true, role: true, clearance: true, active: true } });
    const problems = reviewerIds.flatMap((rid) => {
      const r = reviewers.find((u) => u.id === rid);
      if (!r || !r.active) return ["A chosen reviewer no longer has an account."];
      if (r.id === actor.id || r.id === record.createdById || r.id === record.updatedById) return [`${r.name} drafted or edited this record and cannot review it.`];
      if (r.role !== "REVIEWER" && r.role !== "ADMIN") return [`${r.name} is not a reviewer.`];
      if (!clearanceAllows(r.clearance, record.classification)) return [`${r.name} is not cleared for this record.`];
      return [];
    });
    if (problems.length) return { status: "invalid" as const, fieldErrors: { reviewerIds: problems } };

    // Conditional on the status read above: a concurrent submit or save makes this match nothing.
    const { count } = await tx.consultation.updateMany({ where: { id, version, status: record.status }, data: { status: "IN_REVIEW" } });
    if (count === 0) throw new AppError("CONFLICT", "The record changed while you were submitting it: reload and try again.");
    await tx.review.createMany({ data: reviewerIds.map((reviewerId) => ({ consultationId: id, version, reviewerId, requestedById: actor.id })) });
    await writeAudit(tx, { actorId: actor.id, action: "consultation.submit", entityType: "consultation", entityId: id, details: { version, reviewerIds } });
    return { status: "ok" as const };
  });
  if (result.status === "ok") await notifyReviewRequested(id, reviewerIds, actor.name ?? "A colleague");
  return result;
}
