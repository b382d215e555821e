"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/domain/users/sessions";
import { asAppError } from "@/lib/errors";

/** Ends every session of the signed-in user, on every device (their session version moves on). */
export async function signOutEverywhereAction(): Promise<{ done: boolean; message?: string }> {
  try {
    const user = await getCurrentUser();
    if (!user) return { done: true };
    await signOutEverywhere(user.id);
    return { done: true };
  } catch (error) {
    // Not signed out anywhere: say so, rather than signing out here only and implying it worked.
    const known = asAppError(error);
    if (known) return { done: false, message: known.message };
    throw error;
  }
}
