// Drafters with a record each, prepared through the app's own code (DATABASE_URL must be set first).
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";
import type { RecordData } from "@/lib/validation/record";

export async function seedUsersWithRecords(count: number, password: string, prefix: string) {
  const passwordHash = await hashPassword(password);
  const out: { user: { id: string; email: string; name: string; role: "DRAFTER"; clearance: "SECRET" }; id: string; data: RecordData; version: number }[] = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma.user.create({
      data: { email: `${prefix}-${i}@readout.invalid`, name: `${prefix} user ${i}`, role: "DRAFTER", clearance: "SECRET", passwordHash },
      select: { id: true, email: true, name: true, role: true, clearance: true },
    });
    const actor = { ...user, role: "DRAFTER" as const, clearance: "SECRET" as const };
    const { id } = await createTestRecord(actor);
    const saved = await saveRecord(actor, id, 1, workedExample());
    if (saved.status !== "saved") throw new Error("could not prepare a record");
    out.push({ user: actor, id, data: saved.data, version: saved.version });
  }
  return out;
}
