import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import type { Classification } from "@/lib/generated/prisma/enums";
import type { RecordData } from "@/lib/validation/record";

async function assertVisible(actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  const record = await prisma.consultation.findFirst({ where: { id, classification: { in: visibleClassifications(actor.clearance) } }, select: { id: true, version: true, title: true, approvedVersion: true, status: true } });
  if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
  return record;
}

/** Every saved version of a record, newest first. */
export async function listVersions(actor: Actor, id: string) {
  const record = await assertVisible(actor, id);
  const versions = await prisma.consultationVersion.findMany({
    where: { consultationId: id },
    orderBy: { version: "desc" },
    select: { version: true, savedAt: true, snapshot: true, savedBy: { select: { name: true } } },
  });
  // A version classified above the reader's clearance (before a downgrade) does not exist for them.
  return { record, versions: versions.filter((v) => visibleSnapshot(actor, v.snapshot)).map(({ snapshot: _s, ...v }) => v) };
}

/** The whole record as it was saved in one version. */
export async function getVersion(actor: Actor, id: string, version: number): Promise<RecordData> {
  await assertVisible(actor, id);
  const row = await prisma.consultationVersion.findUnique({ where: { consultationId_version: { consultationId: id, version } }, select: { snapshot: true } });
  if (!row || !visibleSnapshot(actor, row.snapshot)) throw new AppError("NOT_FOUND", `There is no version ${version} of this record.`);
  return row.snapshot as unknown as RecordData;
}

function visibleSnapshot(actor: Actor, snapshot: unknown): boolean {
  const classification = (snapshot as { facts?: { classification?: Classification } } | null)?.facts?.classification;
  return classification !== undefined && clearanceAllows(actor.clearance, classification);
}
