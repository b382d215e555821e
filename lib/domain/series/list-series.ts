import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";

/** Series names are not classified; their rounds are (see getSeries). */
export async function listSeries(_actor: Actor) {
  return prisma.series.findMany({
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, format: true, counterpartCountries: true },
  });
}
