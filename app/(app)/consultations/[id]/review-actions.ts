"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { actionUser } from "@/lib/auth/current-user";
import { warmBriefingCache } from "@/lib/domain/briefings/get-briefing-pdf";
import { decideReview } from "@/lib/domain/review/decide-review";
import { startRevision } from "@/lib/domain/review/start-revision";
import { submitForReview } from "@/lib/domain/review/submit-for-review";
import { asAppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface ReviewFormState {
  /** The error's code (NOT_FOUND, FORBIDDEN, CONFLICT…) when the action was refused. */
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: boolean;
}

async function run(
  id: string,
  work: () => Promise<
    { status: "ok" } | { status: "invalid"; fieldErrors: Record<string, string[]> } | void
  >,
): Promise<ReviewFormState> {
  try {
    const result = await work();
    if (result && result.status === "invalid")
      return {
        message: "Nothing was changed: see the message below.",
        fieldErrors: result.fieldErrors,
      };
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    logger.error(
      { err: error instanceof Error ? error.message : String(error) },
      "review action failed",
    );
    return { message: "That did not work and nothing was changed; please try again." };
  }
  revalidatePath(`/consultations/${id}`);
  return { done: true };
}

export async function submitForReviewAction(
  _prev: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const id = String(formData.get("id") ?? "");
  return run(id, () =>
    submitForReview(user, id, {
      version: formData.get("version"),
      reviewerIds: formData.getAll("reviewerIds").map(String),
    }),
  );
}

export async function decideReviewAction(
  _prev: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const id = String(formData.get("id") ?? "");
  const state = await run(id, () =>
    decideReview(user, id, {
      decision: formData.get("decision"),
      comment: String(formData.get("comment") ?? ""),
    }),
  );
  // An approval changes what the briefing prints (approval block, no DRAFT): render it now, not at the first download.
  if (state.done)
    after(() =>
      warmBriefingCache(user, id).catch((e: unknown) =>
        logger.warn({ err: String(e) }, "briefing pre-render failed"),
      ),
    );
  return state;
}

export async function startRevisionAction(
  _prev: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  const id = String(formData.get("id") ?? "");
  const state = await run(id, () => startRevision(user, id));
  if (state.done) redirect(`/consultations/${id}/edit`);
  return state;
}
