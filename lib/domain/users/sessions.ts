import "server-only";
import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/domain/audit/write-audit";

/** Ends every session of a user, on every device (their session version moves on), audited. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: userId, action: "auth.logout_everywhere", entityType: "user", entityId: userId });
  });
}
