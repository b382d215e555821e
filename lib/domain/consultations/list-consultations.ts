import "server-only";
import { prisma } from "@/lib/db";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

export async function listConsultations(actor: Actor, options: { take?: number } = {}) {
  return prisma.consultation.findMany({
    where: { classification: { in: visibleClassifications(actor.clearance) } },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 50, 200),
    select: {
      id: true,
      title: true,
      startDate: true,
      venueCity: true,
      counterpartCountry: true,
      classification: true,
      status: true,
    },
  });
}
