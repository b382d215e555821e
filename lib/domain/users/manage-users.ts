import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearanceAllows, hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import type { Classification } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { issuesByPath } from "@/lib/validation/fields";
import { resetPasswordSchema, updateUserSchema } from "@/lib/validation/user";

export type ManageResult = { status: "ok" } | { status: "invalid"; fieldErrors: Record<string, string[]> };

function requireAdmin(actor: Actor) {
  if (!hasPermission(actor, "user:manage")) throw new AppError("FORBIDDEN", "Only administrators manage staff accounts.");
}

/**
 * An account cleared above the administrator is not theirs to change: resetting its password
 * would let them sign in with its clearance, and disabling or demoting it is no better.
 */
export function requireWithinClearance(actor: Actor, target: { clearance: Classification }) {
  if (!clearanceAllows(actor.clearance, target.clearance)) {
    throw new AppError("FORBIDDEN", "This account is cleared above you: an administrator with its clearance manages it.");
  }
}

export const USERS_PER_PAGE = 25;

/**
 * One page of staff accounts (active first, then by name), optionally those whose name or e-mail
 * contains `q` (any case). A ministry has hundreds of accounts: a page of forms for each is
 * neither usable nor fast, so the list is searched and paged; the total says what is not shown.
 */
export async function listUsers(actor: Actor, { q = "", page = 1 }: { q?: string; page?: number } = {}) {
  requireAdmin(actor);
  const term = q.trim().slice(0, 200);
  const where = term ? { OR: [{ name: { contains: term, mode: "insensitive" as const } }, { email: { contains: term, mode: "insensitive" as const } }] } : {};
  const [total, users] = await prisma.$transaction([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: (Math.max(1, Math.floor(page)) - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: { id: true, email: true, name: true, role: true, clearance: true, active: true, createdAt: true, totpEnabledAt: true },
    }),
  ]);
  return { users, total, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

/** Role, clearance, enabled. Disabling ends the user's sessions at once; nobody locks themselves out. */
export async function updateUser(actor: Actor, userId: string, raw: unknown): Promise<ManageResult> {
  requireAdmin(actor);
  if (!z.uuid().safeParse(userId).success) throw new AppError("NOT_FOUND", "No such account.");
  const parsed = updateUserSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const next = parsed.data;
  if (userId === actor.id && (next.role !== "ADMIN" || !next.active)) {
    return { status: "invalid", fieldErrors: { role: ["You cannot remove your own administrator role or disable yourself."] } };
  }
  if (!clearanceAllows(actor.clearance, next.clearance)) {
    return { status: "invalid", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] } };
  }
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, clearance: true, active: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such account.");
    requireWithinClearance(actor, before);
    await tx.user.update({
      where: { id: userId },
      data: {
        role: next.role,
        clearance: next.clearance,
        active: next.active,
        // Disabling ends the sessions and any invitation not yet accepted.
        ...(before.active && !next.active ? { sessionVersion: { increment: 1 }, inviteTokenHash: null, inviteExpiresAt: null } : {}),
      },
    });
    await writeAudit(tx, { actorId: actor.id, action: "user.update", entityType: "user", entityId: userId, details: { before, after: next } });
  });
  return { status: "ok" };
}

/** Sets a new password and signs the user out everywhere. */
export async function resetPassword(actor: Actor, userId: string, raw: unknown): Promise<ManageResult> {
  requireAdmin(actor);
  if (!z.uuid().safeParse(userId).success) throw new AppError("NOT_FOUND", "No such account.");
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { clearance: true } });
  if (!target) throw new AppError("NOT_FOUND", "No such account.");
  requireWithinClearance(actor, target);
  const passwordHash = await hashPassword(parsed.data.password);
  await prisma.$transaction(async (tx) => {
    // Conditional on the clearance read above: a concurrent raise makes this match nothing.
    const { count } = await tx.user.updateMany({
      where: { id: userId, clearance: { in: visibleClassifications(actor.clearance) } },
      data: { passwordHash, sessionVersion: { increment: 1 }, inviteTokenHash: null, inviteExpiresAt: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such account.");
    await writeAudit(tx, { actorId: actor.id, action: "user.reset_password", entityType: "user", entityId: userId });
  });
  return { status: "ok" };
}
