import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import type { CreateUserInput } from "@/lib/validation/user";

/**
 * Creates a staff account. `actorId` is the admin doing it, or null when the command line or
 * the first-start seed does it (there is no signed-in user then).
 */
export async function createUser(actorId: string | null, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `An account for ${input.email} already exists.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, clearance: input.clearance, passwordHash },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      details: { email: input.email, role: input.role, clearance: input.clearance },
    });
    return user;
  });
}
