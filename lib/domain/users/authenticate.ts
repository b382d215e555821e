import "server-only";
import { prisma } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { AppError } from "@/lib/errors";
import { spendTotpCode } from "@/lib/domain/users/totp";
import { signInSchema } from "@/lib/validation/auth";

/** Said to the sign-in form when the password was right and the account needs its authenticator code. */
export const CODE_NEEDED = "Enter the 6-digit code from your authenticator app.";
export const CODE_WRONG = "That code is not correct. Enter the one your authenticator app shows now.";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** An authenticator code was checked. */
  mfa: boolean;
}

/**
 * The client's address for throttling, from the request's X-Forwarded-For: the last entry (the
 * one the nearest proxy wrote; Next.js writes the socket's address there when no proxy did).
 * Null when unknown: sign-ins are then limited per account only.
 */
export function signInAddress(forwarded: string | string[] | undefined): string | null {
  return (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(",").at(-1)?.trim() || null;
}

/** At most this many failed sign-ins per account and per address in THROTTLE_WINDOW_MS. */
export const MAX_FAILURES = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Refuses a sign-in while the account or the address has had MAX_FAILURES failures in the last
 * 15 minutes (counted in PostgreSQL, so it holds across app instances); otherwise records this
 * attempt as a failure before the password is checked (the row is removed if it succeeds), under
 * advisory locks on the account and the address, so that attempts sent all at once are counted
 * one by one. The refusal says when to try again, whether the account exists or not. An
 * unknown address is limited per account only.
 */
async function claimAttempt(email: string, ip: string | null): Promise<bigint> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${email}`}))`;
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login-ip:${ip}`}))`;
    const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
    const recent = (where: { email: string } | { ip: string }) =>
      tx.loginFailure.findMany({ where: { ...where, at: { gt: since } }, orderBy: { at: "desc" }, take: MAX_FAILURES, select: { at: true } });
    const lists = [await recent({ email }), ...(ip ? [await recent({ ip })] : [])];
    const full = lists.filter((list) => list.length >= MAX_FAILURES);
    if (full.length > 0) {
      // Free again when the oldest of the last MAX_FAILURES failures leaves the window.
      const until = Math.max(...full.map((list) => (list.at(-1) as { at: Date }).at.getTime() + THROTTLE_WINDOW_MS));
      const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
    const row = await tx.loginFailure.create({ data: { email, ip: ip ?? "unknown" }, select: { id: true } });
    return row.id;
  });
}

/**
 * An address as it is stored and audited: at most 64 characters, and a NUL or a lone UTF-16
 * surrogate (PostgreSQL text and jsonb refuse them) replaced by U+FFFD, so that a forged header
 * is still counted against its address instead of failing the sign-in.
 */
function storableAddress(ip: string): string {
  return ip
    .slice(0, 64)
    .replaceAll("\u0000", "\uFFFD")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * Checks an e-mail and password (and, for an account with two-step sign-in, its authenticator
 * code); records the login or the failed attempt in the audit log. `ip` is the client's address
 * (throttling); throws RATE_LIMITED while throttled, and UNAUTHENTICATED with CODE_NEEDED or
 * CODE_WRONG when the password was right but the code is missing or wrong.
 */
export async function authenticate(raw: unknown, ipAddress: string | null = null): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = ipAddress ? storableAddress(ipAddress) : null;
  const attempt = await claimAttempt(email, ip);

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, sessionVersion: true, passwordHash: true, totpEnabledAt: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);

  if (!user || !ok || !user.active) {
    // The failure was recorded by claimAttempt; the audit log keeps it for good.
    await prisma.$transaction((tx) =>
      writeAudit(tx, {
        actorId: user?.id ?? null,
        action: "auth.login_failed",
        details: { email, ip: ip ?? "unknown", reason: !user ? "unknown_account" : !ok ? "bad_password" : "disabled" },
      }),
    );
    return null;
  }
  if (user.totpEnabledAt) {
    if (!parsed.data.code?.trim()) {
      // The first step succeeded: not a failure, but no sign-in either until the code comes.
      await prisma.loginFailure.delete({ where: { id: attempt } });
      throw new AppError("UNAUTHENTICATED", CODE_NEEDED);
    }
    if (!(await spendTotpCode(user.id, parsed.data.code))) {
      // A wrong code counts as a failed sign-in (so codes cannot be guessed faster than passwords).
      await prisma.$transaction((tx) =>
        writeAudit(tx, { actorId: user.id, action: "auth.login_failed", details: { email, ip: ip ?? "unknown", reason: "bad_code" } }),
      );
      throw new AppError("UNAUTHENTICATED", CODE_WRONG);
    }
  }
  await prisma.$transaction(async (tx) => {
    await tx.loginFailure.delete({ where: { id: attempt } });
    await writeAudit(tx, { actorId: user.id, action: "auth.login" });
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, mfa: user.totpEnabledAt !== null };
}
