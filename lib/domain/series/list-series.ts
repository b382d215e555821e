import "server-only";
import { prisma } from "@/lib/db";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

/** The series with at least one round the actor may see: the others do not exist for them. */
export async function listSeries(actor: Actor) {
  return prisma.series.findMany({
    where: { rounds: { some: { classification: { in: visibleClassifications(actor.clearance) } } } },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, format: true, counterpartCountries: true },
  });
}
