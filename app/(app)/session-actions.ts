"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/domain/audit/write-audit";

/** Ends every session of the signed-in user, on every device (their session version moves on). */
export async function signOutEverywhereAction(): Promise<{ done: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { done: true };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: user.id, action: "auth.logout_everywhere", entityType: "user", entityId: user.id });
  });
  return { done: true };
}
