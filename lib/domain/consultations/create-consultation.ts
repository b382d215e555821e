import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import type { CreateConsultationInput } from "@/lib/validation/consultation";

export async function createConsultation(actor: Actor, input: CreateConsultationInput): Promise<{ id: string }> {
  if (!hasPermission(actor, "consultation:create")) throw new AppError("FORBIDDEN", "You may not create consultations.");
  if (!clearanceAllows(actor.clearance, input.classification)) {
    throw new AppError("INVALID_INPUT", "You cannot create a record above your own clearance.");
  }
  return prisma.$transaction(async (tx) => {
    const created = await tx.consultation.create({
      data: {
        title: input.title,
        startDate: new Date(`${input.startDate}T00:00:00Z`),
        city: input.city,
        counterpartCountry: input.counterpartCountry,
        classification: input.classification,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "consultation.create", entityType: "consultation", entityId: created.id });
    return created;
  });
}
