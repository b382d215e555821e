import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { homeCountry } from "@/lib/env";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { insertRecord } from "@/lib/domain/consultations/insert-record";
import type { RecordData } from "@/lib/validation/record";
import type { CreateConsultationInput } from "@/lib/validation/consultation";

async function resolveSeries(tx: Tx, actor: Actor, input: CreateConsultationInput) {
  if (input.newSeries) {
    const taken = await tx.series.findUnique({ where: { name: input.newSeries.name }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `A series named “${input.newSeries.name}” already exists: choose it from the list.`);
    return tx.series.create({
      data: { name: input.newSeries.name, format: input.newSeries.format, homeCountry: homeCountry(), counterpartCountries: [input.newSeries.counterpartCountry] },
      select: { id: true, counterpartCountries: true },
    });
  }
  // Only a series the actor can see (one with a round within their clearance), as listSeries offers.
  const series = await tx.series.findFirst({
    where: { id: input.seriesId, rounds: { some: { classification: { in: visibleClassifications(actor.clearance) } } } },
    select: { id: true, counterpartCountries: true },
  });
  if (!series) throw new AppError("INVALID_INPUT", "The chosen series no longer exists.");
  return series;
}

/** The first version of a record: the essentials from the form, every list empty. */
function firstVersion(input: CreateConsultationInput): RecordData {
  return {
    facts: {
      title: input.title,
      roundNumber: input.roundNumber,
      startDate: input.startDate,
      endDate: null,
      venueMode: "IN_PERSON",
      venueCity: input.city,
      venueCountry: null,
      hostSide: null,
      atmosphere: "",
      atmosphereIsPublic: true,
      context: "",
      summary: "",
      classification: input.classification,
    },
    participants: [],
    topics: [],
    outcomes: [],
    regionalIssues: [],
    sideMeetings: [],
    references: [],
    nextRound: { plan: "NOT_DISCUSSED", city: "", country: null, date: null, note: "" },
  };
}

export async function createConsultation(actor: Actor, input: CreateConsultationInput): Promise<{ id: string }> {
  if (!hasPermission(actor, "consultation:create")) throw new AppError("FORBIDDEN", "You may not create consultations.");
  if (!clearanceAllows(actor.clearance, input.classification)) {
    throw new AppError("INVALID_INPUT", "You cannot create a record above your own clearance.");
  }
  return prisma.$transaction(async (tx) => {
    const series = await resolveSeries(tx, actor, input);
    const created = await insertRecord(tx, {
      seriesId: series.id,
      counterpartCountry: series.counterpartCountries[0] ?? homeCountry(),
      data: firstVersion(input),
      actorId: actor.id,
    });
    await writeAudit(tx, { actorId: actor.id, action: "consultation.create", entityType: "consultation", entityId: created.id });
    return created;
  });
}
