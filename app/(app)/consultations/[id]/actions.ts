"use server";

import { redirect } from "next/navigation";
import { actionUser } from "@/lib/auth/current-user";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { asAppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export async function startNextRoundAction(_prev: { message?: string; code?: string }, formData: FormData): Promise<{ message?: string; code?: string }> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const previousId = formData.get("previousId");
  let id: string;
  try {
    ({ id } = await startNextRound(user, typeof previousId === "string" ? previousId : ""));
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "startNextRound failed");
    return { message: "The next round could not be started. Nothing was created; please try again." };
  }
  redirect(`/consultations/${id}/edit?from=previous`);
}
