import { z } from "zod";
import { CLASSIFICATIONS, ROLES } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requiredText } from "@/lib/validation/fields";
import { test as isCommonPassword } from "fxa-common-password-list";

/** At least 12 characters, and not one of the commonly leaked passwords (Mozilla's list). */
const password = (required: string) =>
  z
    .string({ error: required })
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, "Password must be at most 1024 characters")
    .refine((p) => !isCommonPassword(p) && !isCommonPassword(p.toLowerCase()), "This password is on the list of commonly used ones: choose another");

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(254),
    name: requiredText("Name", 200),
    role: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ").toLowerCase()}` })),
    clearance: z.preprocess(
      (v) => (typeof v === "string" ? v.toUpperCase() : v),
      z.enum(CLASSIFICATIONS, { error: `Clearance must be one of ${CLASSIFICATIONS.join(", ").toLowerCase()}` }),
    ),
    password: password("Enter a password"),
  })
  .strict();

export type CreateUserInput = z.infer<typeof createUserSchema>;

const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : v);

export const updateUserSchema = z
  .object({
    role: z.preprocess(upper, z.enum(ROLES, { error: "Choose a role" })),
    clearance: z.preprocess(upper, z.enum(CLASSIFICATIONS, { error: "Choose a clearance" })),
    active: z.boolean({ error: "Say whether the account is enabled" }),
  })
  .strict();

export const resetPasswordSchema = z
  .object({
    password: password("Enter the new password"),
  })
  .strict();
