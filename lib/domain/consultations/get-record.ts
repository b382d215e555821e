import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { readRecordData } from "@/lib/domain/consultations/record-mapping";
import type { RecordData } from "@/lib/validation/record";

/** The whole record with what the editor and the record view show around it. */
export async function getRecord(actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  return prisma.$transaction(
    async (tx) => {
      const meta = await tx.consultation.findFirst({
        where: { id, classification: { in: visibleClassifications(actor.clearance) } },
        select: {
          id: true,
          status: true,
          version: true,
          counterpartCountry: true,
          updatedAt: true,
          createdAt: true,
          createdById: true,
          updatedById: true,
          approvedVersion: true,
          createdBy: { select: { name: true } },
          updatedBy: { select: { name: true } },
          series: { select: { id: true, name: true, format: true, homeCountry: true, counterpartCountries: true } },
        },
      });
      if (!meta) throw new AppError("NOT_FOUND", "No such consultation.");
      const data = (await readRecordData(tx, id)) as RecordData;
      return { ...meta, data };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

export type RecordView = Awaited<ReturnType<typeof getRecord>>;
