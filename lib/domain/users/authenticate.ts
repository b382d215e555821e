import "server-only";
import { prisma } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { signInSchema } from "@/lib/validation/auth";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/** Checks an e-mail and password; records the login or the failed attempt in the audit log. */
export async function authenticate(raw: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, sessionVersion: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);

  if (!user || !ok || !user.active) {
    await prisma.$transaction((tx) =>
      writeAudit(tx, {
        actorId: user?.id ?? null,
        action: "auth.login_failed",
        details: { email, reason: !user ? "unknown_account" : !ok ? "bad_password" : "disabled" },
      }),
    );
    return null;
  }
  await prisma.$transaction((tx) => writeAudit(tx, { actorId: user.id, action: "auth.login" }));
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
