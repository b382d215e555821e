import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

/** A series with the rounds the actor may see, in order. */
export async function getSeries(actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such series.");
  const series = await prisma.series.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      format: true,
      homeCountry: true,
      counterpartCountries: true,
      rounds: {
        where: { classification: { in: visibleClassifications(actor.clearance) } },
        orderBy: [{ startDate: "asc" }, { roundNumber: "asc" }],
        select: {
          id: true,
          title: true,
          roundNumber: true,
          startDate: true,
          venueCity: true,
          venueCountry: true,
          venueMode: true,
          status: true,
          classification: true,
          nextRoundPlan: true,
          nextRoundCity: true,
          nextRoundDate: true,
          participants: { where: { role: { in: ["HEAD", "CO_CHAIR"] } }, orderBy: [{ side: "asc" }, { position: "asc" }], select: { side: true, honorific: true, name: true, title: true } },
          outcomes: { where: { type: "COMMITMENT" }, orderBy: { position: "asc" }, select: { id: true, originId: true, text: true, status: true } },
        },
      },
    },
  });
  // A series whose every round is above the reader's clearance does not exist for them.
  if (!series || series.rounds.length === 0) throw new AppError("NOT_FOUND", "No such series.");
  return series;
}

export type SeriesView = Awaited<ReturnType<typeof getSeries>>;
