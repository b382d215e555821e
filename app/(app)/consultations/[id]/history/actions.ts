"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { restoreVersion } from "@/lib/domain/consultations/restore-version";
import { isAppError } from "@/lib/errors";

export async function restoreVersionAction(_prev: { message?: string; code?: string }, formData: FormData): Promise<{ message?: string; code?: string }> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  const id = String(formData.get("id") ?? "");
  const version = Number(formData.get("version"));
  const base = Number(formData.get("baseVersion"));
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 2_147_483_647;
  if (!valid(version) || !valid(base)) return { message: "Reload the page and try again.", code: "INVALID_INPUT" };
  let saved = false;
  try {
    const r = await restoreVersion(user, id, version, base);
    if (r.status === "conflict") return { message: `${r.conflict.savedBy} saved the record meanwhile (version ${r.conflict.version}). Reload, then restore again if you still want to.` };
    if (r.status === "invalid") return { message: "That version no longer passes today's checks; open it in the editor instead." };
    saved = true;
  } catch (error) {
    if (isAppError(error)) return { message: error.message, code: error.code };
    throw error;
  }
  if (saved) redirect(`/consultations/${id}/edit`);
  return {};
}
