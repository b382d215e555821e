"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/domain/users/sessions";

/** Ends every session of the signed-in user, on every device (their session version moves on). */
export async function signOutEverywhereAction(): Promise<{ done: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { done: true };
  await signOutEverywhere(user.id);
  return { done: true };
}
