import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { writeAudit, type AuditAction } from "@/lib/domain/audit/write-audit";
import { EDITABLE_STATUSES, isEditable } from "@/lib/domain/consultations/editable-statuses";
import { readRecordData, recordColumns, snapshotOf, writeRecordRows } from "@/lib/domain/consultations/record-mapping";
import { issuesByPath } from "@/lib/validation/fields";
import { recordSchema, type RecordData } from "@/lib/validation/record";

export interface ConflictInfo {
  version: number;
  data: RecordData;
  savedBy: string;
  savedAt: string;
}

export type SaveResult =
  | { status: "saved"; version: number; data: RecordData }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "conflict"; conflict: ConflictInfo };

const baseVersionSchema = z.number().int().min(1);

/**
 * Saves the whole record if nobody saved since `baseVersion`; otherwise returns the other
 * person's version (and the base) so the editor can show the conflict. Nothing is written on a
 * validation error or a conflict.
 */
export async function saveRecord(
  actor: Actor,
  id: string,
  baseVersionRaw: unknown,
  raw: unknown,
  audit: { action: AuditAction; details?: Record<string, string | number> } = { action: "consultation.update" },
): Promise<SaveResult> {
  if (!hasPermission(actor, "consultation:edit")) throw new AppError("FORBIDDEN", "Your role may not edit records.");
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  const visible = { id, classification: { in: visibleClassifications(actor.clearance) } };
  const current = await prisma.consultation.findFirst({ where: visible, select: { status: true, atmosphereIsPublic: true } });
  if (!current) throw new AppError("NOT_FOUND", "No such consultation.");
  if (!isEditable(current.status)) throw new AppError("CONFLICT", "This record is locked: it is no longer a draft.");

  const baseVersion = baseVersionSchema.safeParse(baseVersionRaw);
  if (!baseVersion.success) return { status: "invalid", fieldErrors: { _form: ["The editor sent no valid version; reload the page."] } };
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const data = parsed.data;
  // An editor opened before the flag existed, or a script, sends none: the stored choice stands
  // (the schema's default, public, would print an atmosphere marked internal). Stored at the
  // base version, or the save conflicts.
  const facts = (raw as { facts?: unknown } | null)?.facts;
  if (facts && typeof facts === "object" && (facts as { atmosphereIsPublic?: unknown }).atmosphereIsPublic === undefined) data.facts.atmosphereIsPublic = current.atmosphereIsPublic;
  if (!clearanceAllows(actor.clearance, data.facts.classification)) {
    return { status: "invalid", fieldErrors: { "facts.classification": ["You cannot classify a record above your own clearance."] } };
  }

  const saved = await prisma.$transaction(async (tx) => {
    // The conditional UPDATE takes the row lock: a concurrent save waits, then matches nothing.
    const { count } = await tx.consultation.updateMany({
      where: { ...visible, version: baseVersion.data, status: { in: [...EDITABLE_STATUSES] } },
      data: { ...recordColumns(data), version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) return null;
    await writeRecordRows(tx, id, data);
    const version = baseVersion.data + 1;
    await tx.consultationVersion.create({ data: { consultationId: id, version, snapshot: snapshotOf(data), savedById: actor.id } });
    await writeAudit(tx, { actorId: actor.id, action: audit.action, entityType: "consultation", entityId: id, details: { ...audit.details, version } });
    return version;
  });
  if (saved !== null) return { status: "saved", version: saved, data };
  return { status: "conflict", conflict: await loadConflict(actor, id) };
}

async function loadConflict(actor: Actor, id: string): Promise<ConflictInfo> {
  return prisma.$transaction(async (tx) => {
    // The other person may have classified the record above this user's clearance: then it no
    // longer exists for them, and none of its new content may be shown.
    const head = await tx.consultation.findFirst({
      where: { id, classification: { in: visibleClassifications(actor.clearance) } },
      select: { version: true, status: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if (!head) throw new AppError("NOT_FOUND", "Someone classified this record above your clearance while you were editing it. Nothing was saved; copy your text if you need it.");
    if (!isEditable(head.status)) throw new AppError("CONFLICT", "This record was locked while you were editing it.");
    const data = await readRecordData(tx, id);
    return { version: head.version, data: data as RecordData, savedBy: head.updatedBy.name, savedAt: head.updatedAt.toISOString() };
  }, { isolationLevel: "RepeatableRead" }); // one consistent picture of the other person's save
}
