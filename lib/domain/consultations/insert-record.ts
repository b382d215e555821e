import "server-only";
import type { Tx } from "@/lib/db";
import type { RecordStatus } from "@/lib/generated/prisma/enums";
import { recordColumns, snapshotOf, writeRecordRows } from "@/lib/domain/consultations/record-mapping";
import type { RecordData } from "@/lib/validation/record";

export interface NewRecord {
  id?: string;
  seriesId: string;
  counterpartCountry: string;
  data: RecordData;
  status?: RecordStatus;
  actorId: string;
}

/** Writes a new record as version 1: its columns, its rows and its first snapshot. */
export async function insertRecord(tx: Tx, r: NewRecord): Promise<{ id: string }> {
  const created = await tx.consultation.create({
    data: {
      ...(r.id ? { id: r.id } : {}),
      ...recordColumns(r.data),
      status: r.status ?? "DRAFT",
      seriesId: r.seriesId,
      counterpartCountry: r.counterpartCountry,
      createdById: r.actorId,
      updatedById: r.actorId,
    },
    select: { id: true },
  });
  await writeRecordRows(tx, created.id, r.data);
  await tx.consultationVersion.create({ data: { consultationId: created.id, version: 1, snapshot: snapshotOf(r.data), savedById: r.actorId } });
  return created;
}
