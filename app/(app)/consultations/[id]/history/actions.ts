"use server";

import { redirect } from "next/navigation";
import { actionUser } from "@/lib/auth/current-user";
import { parseRestoreForm, restoreVersion } from "@/lib/domain/consultations/restore-version";
import { asAppError, isAppError } from "@/lib/errors";

export async function restoreVersionAction(_prev: { message?: string; code?: string }, formData: FormData): Promise<{ message?: string; code?: string }> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const form = parseRestoreForm({ id: formData.get("id"), version: formData.get("version"), baseVersion: formData.get("baseVersion") });
  if (!form) return { message: "Reload the page and try again.", code: "INVALID_INPUT" };
  const { id, version, baseVersion: base } = form;
  let saved = false;
  try {
    const r = await restoreVersion(user, id, version, base);
    if (r.status === "conflict") return { message: `${r.conflict.savedBy} saved the record meanwhile (version ${r.conflict.version}). Reload, then restore again if you still want to.` };
    if (r.status === "invalid") return { message: "That version no longer passes today's checks; open it in the editor instead." };
    saved = true;
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    throw error;
  }
  if (saved) redirect(`/consultations/${id}/edit`);
  return {};
}
