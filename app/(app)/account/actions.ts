"use server";

import { redirect } from "next/navigation";
import { actionUser } from "@/lib/auth/current-user";
import { beginTotpSetup, confirmTotpSetup, disableTotp, type TotpSetup } from "@/lib/domain/users/totp";
import { asAppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface TotpFormState {
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string[]>;
}

async function settle(work: () => Promise<{ status: "ok" } | { status: "invalid"; fieldErrors: Record<string, string[]> }>): Promise<TotpFormState> {
  try {
    const r = await work();
    if (r.status === "invalid") return { message: "Nothing was changed.", fieldErrors: r.fieldErrors };
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "two-step sign-in change failed");
    return { message: "That did not work and nothing was changed; please try again." };
  }
  // Two-step sign-in changed: every session of the person ended (this one too). Sign in again.
  redirect("/signin?ended=totp&callbackUrl=%2Faccount");
}

/** A new secret to scan; two-step sign-in stays off until a code from it is confirmed. */
export async function beginTotpSetupAction(): Promise<{ ok?: string; setup?: TotpSetup; message?: string }> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message };
  try {
    return { ok: "Scan the code, then confirm with a code from the app.", setup: await beginTotpSetup(user) };
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "two-step set-up failed");
    return { message: "The set-up could not start; please try again." };
  }
}

export async function confirmTotpSetupAction(_prev: TotpFormState, formData: FormData): Promise<TotpFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  return settle(() => confirmTotpSetup(user, formData.get("code")));
}

export async function disableTotpAction(_prev: TotpFormState, formData: FormData): Promise<TotpFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  return settle(() => disableTotp(user, { password: formData.get("password"), code: formData.get("code") }));
}
