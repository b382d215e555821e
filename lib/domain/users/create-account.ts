import "server-only";
import { z } from "zod";
import { clearanceAllows, hasPermission, type Actor } from "@/lib/auth/permissions";
import { createUser } from "@/lib/domain/users/create-user";
import { INVITATION_HOURS, inviteUser } from "@/lib/domain/users/invitations";
import { createUserSchema } from "@/lib/validation/user";

/** What the admin's "New account" form shows after a submission. */
export interface AccountFormState {
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

export const ACCOUNT_FIELDS = ["email", "name", "role", "clearance"] as const;

/**
 * The "New account" form: without a password, an invitation; with one, the account at once.
 * `form` is what the form sent (FormData.get of each field). Throws AppError (CONFLICT…).
 */
export async function createAccountFromForm(actor: Actor, form: Record<(typeof ACCOUNT_FIELDS)[number] | "password", unknown>): Promise<AccountFormState> {
  // hasPermission, not the role: an administrator who must set up two-step sign-in first may not.
  if (!hasPermission(actor, "user:manage")) return { message: "Only administrators create accounts.", code: "FORBIDDEN" };
  const values = Object.fromEntries(ACCOUNT_FIELDS.map((k) => [k, String(form[k] ?? "")]));
  if (String(form.password ?? "") === "") {
    const r = await inviteUser(actor, values);
    if (r.status === "invalid") return { message: "Nobody was invited.", fieldErrors: r.fieldErrors, values };
    return {
      ok: r.mailed
        ? `Invitation e-mailed to ${r.email}; the link below works once, for ${INVITATION_HOURS} hours.`
        : `Account created for ${r.email}. E-mail is not configured: give them this link (it works once, for ${INVITATION_HOURS} hours).`,
      link: r.link,
    };
  }
  const parsed = createUserSchema.safeParse({ ...values, password: form.password });
  if (!parsed.success) return { message: "The account was not created.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  if (!clearanceAllows(actor.clearance, parsed.data.clearance)) {
    return { message: "The account was not created.", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] }, values };
  }
  await createUser(actor.id, parsed.data);
  return { ok: `Account created for ${parsed.data.email}.` };
}
