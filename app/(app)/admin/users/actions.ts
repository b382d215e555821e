"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { clearanceAllows } from "@/lib/auth/permissions";
import { createUser } from "@/lib/domain/users/create-user";
import { resetPassword, updateUser } from "@/lib/domain/users/manage-users";
import { isAppError } from "@/lib/errors";
import { INVITATION_HOURS, inviteUser } from "@/lib/domain/users/invitations";
import { createUserSchema } from "@/lib/validation/user";

export interface AdminFormState {
  /** The error's code (NOT_FOUND, FORBIDDEN, CONFLICT…) when the action was refused. */
  code?: string;
  message?: string;
  ok?: string;
  /** An invitation's one-time link (shown to the admin, who hands it over when mail is off). */
  link?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was typed (never the password), so a refused form keeps it. */
  values?: Record<string, string>;
}

async function guard(work: () => Promise<AdminFormState>): Promise<AdminFormState> {
  try {
    const state = await work();
    if (state.ok) revalidatePath("/admin/users");
    return state;
  } catch (error) {
    if (isAppError(error)) return { message: error.message, code: error.code };
    throw error;
  }
}

export async function createUserAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return guard(async () => {
    if (user.role !== "ADMIN") return { message: "Only administrators create accounts.", code: "FORBIDDEN" };
    const values = Object.fromEntries(["email", "name", "role", "clearance"].map((k) => [k, String(formData.get(k) ?? "")]));
    if (String(formData.get("password") ?? "") === "") {
      const r = await inviteUser(user, values);
      if (r.status === "invalid") return { message: "Nobody was invited.", fieldErrors: r.fieldErrors, values };
      return {
        ok: r.mailed
          ? `Invitation e-mailed to ${r.email}; the link below works once, for ${INVITATION_HOURS} hours.`
          : `Account created for ${r.email}. E-mail is not configured: give them this link (it works once, for ${INVITATION_HOURS} hours).`,
        link: r.link,
      };
    }
    const parsed = createUserSchema.safeParse({ ...values, password: formData.get("password") });
    if (!parsed.success) return { message: "The account was not created.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    if (!clearanceAllows(user.clearance, parsed.data.clearance)) {
      return { message: "The account was not created.", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] }, values };
    }
    await createUser(user.id, parsed.data);
    return { ok: `Account created for ${parsed.data.email}.` };
  });
}

export async function updateUserAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return guard(async () => {
    const r = await updateUser(user, String(formData.get("userId") ?? ""), {
      role: formData.get("role"),
      clearance: formData.get("clearance"),
      active: formData.get("active") === "on",
    });
    return r.status === "ok" ? { ok: "Saved." } : { message: Object.values(r.fieldErrors).flat().join(" ") };
  });
}

export async function resetPasswordAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return guard(async () => {
    const r = await resetPassword(user, String(formData.get("userId") ?? ""), { password: formData.get("password") });
    return r.status === "ok" ? { ok: "Password set; the user is signed out everywhere." } : { message: Object.values(r.fieldErrors).flat().join(" ") };
  });
}
