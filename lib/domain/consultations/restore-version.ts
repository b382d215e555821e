import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { saveRecord, type SaveResult } from "@/lib/domain/consultations/save-record";
import { getVersion } from "@/lib/domain/consultations/version-history";

/** Saves an older version's content as the new latest version of the draft (conflict-checked,
 * audited as a restore in the same transaction). */
export async function restoreVersion(actor: Actor, id: string, version: number, baseVersion: number): Promise<SaveResult> {
  // The role first, as every action: a viewer learns nothing about which versions exist.
  if (!hasPermission(actor, "consultation:edit")) throw new AppError("FORBIDDEN", "Your role may not edit records.");
  const old = await getVersion(actor, id, version);
  return saveRecord(actor, id, baseVersion, old, { action: "consultation.restore", details: { restored: version } });
}

const validVersion = (n: number) => Number.isInteger(n) && n >= 1 && n <= 2_147_483_647;

/** The "Restore" button's form (FormData.get of id, version, baseVersion); null when a number is not a version. */
export function parseRestoreForm(form: { id: unknown; version: unknown; baseVersion: unknown }): { id: string; version: number; baseVersion: number } | null {
  // FormData gives strings (or a File, or null: never a version).
  const id = typeof form.id === "string" ? form.id : "";
  const version = typeof form.version === "string" ? Number(form.version) : NaN;
  const baseVersion = typeof form.baseVersion === "string" ? Number(form.baseVersion) : NaN;
  return validVersion(version) && validVersion(baseVersion) ? { id, version, baseVersion } : null;
}
