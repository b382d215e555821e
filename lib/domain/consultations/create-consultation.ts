import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, type Actor } from "@/lib/auth/permissions";
import { homeCountry } from "@/lib/env";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { readRecordData, snapshotOf } from "@/lib/domain/consultations/record-mapping";
import type { CreateConsultationInput } from "@/lib/validation/consultation";

async function resolveSeries(tx: Tx, input: CreateConsultationInput) {
  if (input.newSeries) {
    const taken = await tx.series.findUnique({ where: { name: input.newSeries.name }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `A series named “${input.newSeries.name}” already exists: choose it from the list.`);
    return tx.series.create({
      data: { name: input.newSeries.name, format: input.newSeries.format, homeCountry: homeCountry(), counterpartCountries: [input.newSeries.counterpartCountry] },
      select: { id: true, counterpartCountries: true },
    });
  }
  const series = await tx.series.findUnique({ where: { id: input.seriesId }, select: { id: true, counterpartCountries: true } });
  if (!series) throw new AppError("INVALID_INPUT", "The chosen series no longer exists.");
  return series;
}

/** Writes version 1 of a new record (and its snapshot) in the transaction given. */
export async function snapshotFirstVersion(tx: Tx, id: string, actorId: string): Promise<void> {
  const data = await readRecordData(tx, id);
  if (!data) throw new Error(`record ${id} vanished inside its own transaction`);
  await tx.consultationVersion.create({ data: { consultationId: id, version: 1, snapshot: snapshotOf(data), savedById: actorId } });
}

export async function createConsultation(actor: Actor, input: CreateConsultationInput): Promise<{ id: string }> {
  if (!hasPermission(actor, "consultation:create")) throw new AppError("FORBIDDEN", "You may not create consultations.");
  if (!clearanceAllows(actor.clearance, input.classification)) {
    throw new AppError("INVALID_INPUT", "You cannot create a record above your own clearance.");
  }
  return prisma.$transaction(async (tx) => {
    const series = await resolveSeries(tx, input);
    const created = await tx.consultation.create({
      data: {
        seriesId: series.id,
        title: input.title,
        roundNumber: input.roundNumber,
        startDate: new Date(`${input.startDate}T00:00:00Z`),
        venueCity: input.city,
        counterpartCountry: series.counterpartCountries[0] ?? homeCountry(),
        classification: input.classification,
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: { id: true },
    });
    await snapshotFirstVersion(tx, created.id, actor.id);
    await writeAudit(tx, { actorId: actor.id, action: "consultation.create", entityType: "consultation", entityId: created.id });
    return created;
  });
}
