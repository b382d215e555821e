"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export async function startNextRoundAction(_prev: { message?: string; code?: string }, formData: FormData): Promise<{ message?: string; code?: string }> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  const previousId = formData.get("previousId");
  let id: string;
  try {
    ({ id } = await startNextRound(user, typeof previousId === "string" ? previousId : ""));
  } catch (error) {
    if (isAppError(error)) return { message: error.message, code: error.code };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "startNextRound failed");
    return { message: "The next round could not be started. Nothing was created; please try again." };
  }
  redirect(`/consultations/${id}/edit?from=previous`);
}
