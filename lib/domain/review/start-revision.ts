import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { freezeApprovedBriefing } from "@/lib/domain/review/freeze-approved-briefing";

/** APPROVED → DRAFT: the next save becomes the new revision; the approved version stays downloadable. */
export async function startRevision(actor: Actor, id: string): Promise<void> {
  if (!hasPermission(actor, "consultation:edit")) throw new AppError("FORBIDDEN", "Your role may not revise records.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  // The approved version must stay downloadable: make sure its briefing was frozen (approval
  // freezes it right after committing; this covers a failure in between).
  const head = await prisma.consultation.findFirst({ where: { id, classification: { in: visibleClassifications(actor.clearance) } }, select: { status: true, approvedBriefing: true } });
  if (head?.status === "APPROVED" && head.approvedBriefing === null) await freezeApprovedBriefing(id);
  await prisma.$transaction(async (tx) => {
    const record = await tx.consultation.findFirst({ where: { id, classification: { in: visibleClassifications(actor.clearance) } }, select: { status: true, version: true } });
    if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
    const { count } = await tx.consultation.updateMany({ where: { id, status: "APPROVED" }, data: { status: "DRAFT" } });
    if (count === 0) throw new AppError("CONFLICT", "Only an approved record can be revised.");
    await writeAudit(tx, { actorId: actor.id, action: "consultation.revise", entityType: "consultation", entityId: id, details: { fromVersion: record.version } });
  });
}
