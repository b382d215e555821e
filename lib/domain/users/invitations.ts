import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, type Actor } from "@/lib/auth/permissions";
import { NO_PASSWORD, hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { mailEnabled, sendMail } from "@/lib/mail/mailer";
import { createUserSchema, resetPasswordSchema } from "@/lib/validation/user";

export const INVITATION_HOURS = 72;

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const baseUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

export const inviteSchema = createUserSchema.omit({ password: true });

/**
 * Creates an account without a password and a one-time link (valid INVITATION_HOURS) where the
 * person chooses theirs. The link is e-mailed when SMTP is configured; the admin always sees it,
 * to hand over by another channel when mail is off. Only the token's hash is stored.
 */
export async function inviteUser(actor: Actor, input: unknown): Promise<{ status: "ok"; link: string; mailed: boolean; email: string } | { status: "invalid"; fieldErrors: Record<string, string[]> }> {
  if (!hasPermission(actor, "user:manage")) throw new AppError("FORBIDDEN", "Only administrators invite staff.");
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const data = parsed.data;
  if (!clearanceAllows(actor.clearance, data.clearance)) return { status: "invalid", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] } };
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + INVITATION_HOURS * 3_600_000);
  await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `An account for ${data.email} already exists.`);
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, clearance: data.clearance, passwordHash: NO_PASSWORD, inviteTokenHash: tokenHash(token), inviteExpiresAt: expires },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "user.invite", entityType: "user", entityId: user.id, details: { email: data.email, role: data.role, clearance: data.clearance } });
  });
  const link = `${baseUrl()}/welcome/${token}`;
  const mailed = mailEnabled()
    ? await sendMail({
        to: [data.email],
        subject: "Your Readout account",
        text: `${actor.name ?? "An administrator"} has opened a Readout account for you (${data.email}).\n\nChoose your password here within ${INVITATION_HOURS} hours:\n${link}\n\nIf you did not expect this, ignore this message.`,
      })
    : false;
  return { status: "ok", link, mailed, email: data.email };
}

/** The invitation behind a link, if it is still valid (for the page that accepts it). */
export async function findInvitation(token: string): Promise<{ name: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return prisma.user.findFirst({ where: { inviteTokenHash: tokenHash(token), inviteExpiresAt: { gt: new Date() }, active: true }, select: { name: true, email: true } });
}

/** Sets the invited person's password; the link then no longer works. */
export async function acceptInvitation(token: string, input: unknown): Promise<{ status: "ok"; email: string } | { status: "invalid"; fieldErrors: Record<string, string[]> }> {
  const invitation = await findInvitation(token);
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid: it was used already, or it expired. Ask an administrator for a new one.");
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const passwordHash = await hashPassword(parsed.data.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { inviteTokenHash: tokenHash(token), inviteExpiresAt: { gt: new Date() }, active: true }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "This invitation link is not valid: it was used already, or it expired.");
    // Conditional on the token still being there: two tabs accepting at once set one password.
    const { count } = await tx.user.updateMany({ where: { id: user.id, inviteTokenHash: tokenHash(token) }, data: { passwordHash, inviteTokenHash: null, inviteExpiresAt: null, sessionVersion: { increment: 1 } } });
    if (count === 0) throw new AppError("NOT_FOUND", "This invitation link was used already.");
    await writeAudit(tx, { actorId: user.id, action: "user.accept_invitation", entityType: "user", entityId: user.id });
    return { status: "ok" as const, email: user.email };
  });
}
