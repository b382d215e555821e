import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
  /** The authenticator app's code, for accounts with two-step sign-in (checked by lib/domain/users/totp.ts). */
  code: z.string().max(32).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;
