"use server";

import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/current-user";
import { resetTotp } from "@/lib/domain/users/totp";
import { createAccountFromForm, type AccountFormState } from "@/lib/domain/users/create-account";
import { resetPassword, updateUser } from "@/lib/domain/users/manage-users";
import { asAppError, isAppError } from "@/lib/errors";

export type AdminFormState = AccountFormState;

async function guard(work: () => Promise<AdminFormState>): Promise<AdminFormState> {
  try {
    const state = await work();
    if (state.ok) revalidatePath("/admin/users");
    return state;
  } catch (error) {
    const known = asAppError(error);
    if (known) return { message: known.message, code: known.code };
    throw error;
  }
}

export async function createUserAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  return guard(() =>
    createAccountFromForm(user, {
      email: formData.get("email"),
      name: formData.get("name"),
      role: formData.get("role"),
      clearance: formData.get("clearance"),
      password: formData.get("password"),
    }),
  );
}

export async function updateUserAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
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
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  return guard(async () => {
    const r = await resetPassword(user, String(formData.get("userId") ?? ""), { password: formData.get("password") });
    return r.status === "ok" ? { ok: "Password set; the user is signed out everywhere." } : { message: Object.values(r.fieldErrors).flat().join(" ") };
  });
}

/** A lost authenticator: removes the person's two-step sign-in and ends their sessions. */
export async function resetTotpAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await actionUser();
  if (isAppError(user)) return { message: user.message, code: user.code };
  return guard(async () => {
    await resetTotp(user, String(formData.get("userId") ?? ""));
    return { ok: "Two-step sign-in removed; the person is signed out and can set it up again." };
  });
}
