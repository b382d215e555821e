import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { AppError, isAppError } from "@/lib/errors";
import { CODE_WRONG, authenticate } from "@/lib/domain/users/authenticate";
import { hasPermission, secondFactorRequired, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { requireWithinClearance } from "@/lib/domain/users/manage-users";

// Two-step sign-in with an authenticator app (RFC 6238 TOTP: SHA-1, 6 digits, 30 s — what every
// app supports), through the `otpauth` package. The secret is stored encrypted (AES-256-GCM,
// key derived from NEXTAUTH_SECRET with HKDF): a copy of the database alone does not give it
// away. A code is accepted one step either side of now (clock drift) and only once.

const ISSUER = "Readout";
const PERIOD = 30;

export const codeSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6 digits your authenticator app shows"));

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "readout", "readout-totp-secret-v1", 32));
}

// Sealed for one user (their id is the associated data): a secret copied to another row does not open.
function seal(base32: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

function open(sealed: string, userId: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unreadable TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

function totp(base32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

/** The time step a code belongs to, or null when it is not valid now (±1 step). */
function stepOf(base32: string, code: string, now = Date.now()): number | null {
  const delta = totp(base32, "x").validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

export interface TotpSetup {
  /** For typing into the app by hand, in groups of four. */
  secret: string;
  uri: string;
  /** The URI as a QR code (a data: URL of a PNG). */
  qr: string;
}

/** Starts setting up two-step sign-in: a new secret, kept pending until a code from it is confirmed. */
export async function beginTotpSetup(actor: Actor): Promise<TotpSetup> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { email: true, totpEnabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such account.");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on. Turn it off first to move it to another device.");
  const secret = new Secret({ size: 20 }).base32;
  await prisma.user.update({ where: { id: actor.id }, data: { totpPendingSecret: seal(secret, actor.id) } });
  const uri = totp(secret, user.email).toString();
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), uri, qr: await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 200 }) };
}

export type TotpResult = { status: "ok" } | { status: "invalid"; fieldErrors: { code?: string[]; password?: string[] } };
const wrongCode: TotpResult = { status: "invalid", fieldErrors: { code: ["That code is not correct (or has been used): enter the one your app shows now"] } };

/** Turns two-step sign-in on once a code from the pending secret checks out. */
export async function confirmTotpSetup(actor: Actor, rawCode: unknown): Promise<TotpResult> {
  const code = codeSchema.safeParse(rawCode);
  if (!code.success) return { status: "invalid", fieldErrors: { code: code.error.issues.map((i) => i.message) } };
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { totpPendingSecret: true, totpEnabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such account.");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on.");
  if (!user.totpPendingSecret) throw new AppError("CONFLICT", "Start the set-up again: no code was being set up.");
  const step = stepOf(open(user.totpPendingSecret, actor.id), code.data);
  if (step === null) return wrongCode;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, totpPendingSecret: user.totpPendingSecret, totpEnabledAt: null },
      // Every session ends, this one too: from now on a session exists only with a code.
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "The set-up changed meanwhile; start again.");
    await writeAudit(tx, { actorId: actor.id, action: "auth.totp_enabled", entityType: "user", entityId: actor.id });
  });
  return { status: "ok" };
}

/**
 * Checks a sign-in code for a user with two-step sign-in on, and uses it up (a code works once:
 * its time step must be later than the last one used).
 */
export async function spendTotpCode(userId: string, rawCode: unknown): Promise<boolean> {
  const code = codeSchema.safeParse(rawCode);
  if (!code.success) return false;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return false;
  const step = stepOf(open(user.totpSecret, userId), code.data);
  if (step === null) return false;
  const { count } = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/**
 * Turns two-step sign-in off for oneself: with the password and a current code, checked as a
 * sign-in is (so wrong ones are throttled like sign-ins). Not allowed when the role requires it.
 * Every session of the person ends.
 */
export async function disableTotp(actor: Actor, raw: { password?: unknown; code?: unknown }): Promise<TotpResult> {
  if (secondFactorRequired(actor.role)) {
    throw new AppError("FORBIDDEN", "Administrators must keep two-step sign-in on here. Another administrator can reset it if your device is lost.");
  }
  const code = codeSchema.safeParse(raw.code);
  if (!code.success) return { status: "invalid", fieldErrors: { code: code.error.issues.map((i) => i.message) } };
  const me = await prisma.user.findUnique({ where: { id: actor.id }, select: { email: true, totpEnabledAt: true } });
  if (!me?.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already off.");
  let checked;
  try {
    checked = await authenticate({ email: me.email, password: typeof raw.password === "string" ? raw.password : "", code: code.data });
  } catch (error) {
    if (isAppError(error) && error.message === CODE_WRONG) return wrongCode;
    throw error;
  }
  if (!checked || checked.id !== actor.id) return { status: "invalid", fieldErrors: { password: ["That password is not correct"] } };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, action: "auth.totp_disabled", entityType: "user", entityId: actor.id });
  });
  return { status: "ok" };
}

/** An administrator removes someone's two-step sign-in (a lost phone); their sessions end. */
export async function resetTotp(actor: Actor, userId: string): Promise<void> {
  if (!hasPermission(actor, "user:manage")) throw new AppError("FORBIDDEN", "Only administrators may reset two-step sign-in.");
  if (!z.uuid().safeParse(userId).success) throw new AppError("NOT_FOUND", "No such account.");
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { clearance: true } });
  if (!target) throw new AppError("NOT_FOUND", "No such account.");
  // Else an administrator could strip the second factor of an account cleared above them.
  requireWithinClearance(actor, target);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, clearance: { in: visibleClassifications(actor.clearance) } },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such account.");
    await writeAudit(tx, { actorId: actor.id, action: "user.totp_reset", entityType: "user", entityId: userId });
  });
}
