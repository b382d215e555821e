import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Classification, Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct-horse-battery-staple";
let cachedHash: Promise<string> | undefined;

/** A user with a unique e-mail, so tests never collide across files and workers. */
export async function createTestUser(overrides: { role?: Role; clearance?: Classification; name?: string; active?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      email: `user-${randomUUID()}@test.readout`,
      name: overrides.name ?? "Test User",
      role: overrides.role ?? "DRAFTER",
      clearance: overrides.clearance ?? "SECRET",
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    },
    select: { id: true, email: true, name: true, role: true, clearance: true },
  });
}

export function uniqueTitle(prefix = "Consultation"): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
