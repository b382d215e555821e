"use server";

import { after } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { warmBriefingCache } from "@/lib/domain/briefings/get-briefing-pdf";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import type { SaveActionResult } from "@/lib/domain/consultations/save-action-result";
import { asAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export async function saveRecordAction(id: unknown, baseVersion: unknown, data: unknown): Promise<SaveActionResult> {
  try {
    const user = await getCurrentUser();
    // No redirect: the editor keeps the user's text and says how to continue.
    if (!user) return { status: "error", code: "UNAUTHENTICATED", message: "Your session has ended: sign in again in another tab, then save." };
    const result = await saveRecord(user, typeof id === "string" ? id : "", baseVersion, data);
    // Render the new version's briefing once the answer is sent, so the first download is a cache hit.
    if (result.status === "saved" && typeof id === "string") {
      after(() => warmBriefingCache(user, id).catch((e: unknown) => logger.warn({ err: String(e) }, "briefing pre-render failed")));
    }
    return result;
  } catch (error) {
    const known = asAppError(error);
    if (known) return { status: "error", code: known.code, message: known.message };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "saveRecord failed");
    return { status: "error", code: "INTERNAL", message: "The record could not be saved." };
  }
}
