import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record above the actor's clearance does not exist for them: NOT_FOUND, never FORBIDDEN. */
export async function getConsultation(actor: Actor, id: string) {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "No such consultation.");
  const record = await prisma.consultation.findFirst({
    where: { id, classification: { in: visibleClassifications(actor.clearance) } },
    select: {
      id: true,
      title: true,
      startDate: true,
      venueCity: true,
      counterpartCountry: true,
      classification: true,
      status: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
  return record;
}

export type ConsultationDetail = Awaited<ReturnType<typeof getConsultation>>;
