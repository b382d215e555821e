"use server";

import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/current-user";
import { updateCommitmentStatus } from "@/lib/domain/commitments/commitments";
import { asAppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface CommitmentFormState {
  message?: string;
  code?: string;
  done?: boolean;
  /** The record's version after the change (the next change is checked against it). */
  version?: number;
  /** The status it was set to. */
  status?: string;
}

export async function updateCommitmentStatusAction(_prev: CommitmentFormState, formData: FormData): Promise<CommitmentFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const id = String(formData.get("consultationId") ?? "");
  try {
    const r = await updateCommitmentStatus(user, id, { outcomeId: formData.get("outcomeId"), status: formData.get("status"), version: formData.get("version") });
    if (r.status === "invalid") return { message: Object.values(r.fieldErrors).flat().join(" ") || "Nothing was changed.", code: "INVALID_INPUT" };
    revalidatePath("/commitments");
    return { done: true, version: r.version, status: String(formData.get("status")) };
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "commitment status update failed");
    return { message: "That did not work and nothing was changed; please try again." };
  }
}
