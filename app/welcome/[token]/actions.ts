"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/domain/users/invitations";
import { asAppError } from "@/lib/errors";

export interface WelcomeState {
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

/** Public by design: the one-time token is the credential (checked by acceptInvitation). */
export async function acceptInvitationAction(_prev: WelcomeState, formData: FormData): Promise<WelcomeState> {
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  if (password !== String(formData.get("confirm") ?? "")) return { message: "Nothing was saved.", fieldErrors: { confirm: ["The two passwords differ"] } };
  let email: string;
  try {
    const r = await acceptInvitation(token, { password });
    if (r.status === "invalid") return { message: "Nothing was saved.", fieldErrors: r.fieldErrors };
    email = r.email;
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    throw error;
  }
  redirect(`/signin?welcome=${encodeURIComponent(email)}`);
}
