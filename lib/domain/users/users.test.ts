import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { authenticate } from "@/lib/domain/users/authenticate";
import { createUser } from "@/lib/domain/users/create-user";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";

describe("createUser", () => {
  it("stores an Argon2id hash, never the password, and audits the creation", async () => {
    const email = `new-${randomUUID()}@test.readout`;
    const { id } = await createUser(null, { email, name: "Андрей Руденко", role: "REVIEWER", clearance: "SECRET", password: TEST_PASSWORD });
    const row = await prisma.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, name: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    expect(row.name).toBe("Андрей Руденко");
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "user.create" } })).toBe(1);
  });

  it("refuses a second account with the same e-mail", async () => {
    const email = `dup-${randomUUID()}@test.readout`;
    await createUser(null, { email, name: "First", role: "VIEWER", clearance: "UNCLASSIFIED", password: TEST_PASSWORD });
    await expect(createUser(null, { email, name: "Second", role: "VIEWER", clearance: "UNCLASSIFIED", password: TEST_PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("omits password hashes from ordinary queries", async () => {
    const user = await createTestUser();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });
});

describe("authenticate", () => {
  it("accepts the right password (any e-mail case) and audits the login", async () => {
    const user = await createTestUser();
    const result = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result?.id).toBe(user.id);
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "auth.login" } })).toBe(1);
  });

  it("refuses a wrong password and a disabled account, auditing each failure", async () => {
    const user = await createTestUser();
    expect(await authenticate({ email: user.email, password: "wrong-password-123" })).toBeNull();
    const disabled = await createTestUser({ active: false });
    expect(await authenticate({ email: disabled.email, password: TEST_PASSWORD })).toBeNull();
    expect(await prisma.auditLog.count({ where: { actorId: { in: [user.id, disabled.id] }, action: "auth.login_failed" } })).toBe(2);
  });

  it("refuses an unknown account and malformed input", async () => {
    expect(await authenticate({ email: `nobody-${randomUUID()}@test.readout`, password: TEST_PASSWORD })).toBeNull();
    expect(await authenticate({ email: ["x"], password: 42 })).toBeNull();
    expect(await authenticate(null)).toBeNull();
  });
});

describe("audit log", () => {
  it("cannot be changed or deleted, by the database's own rule", async () => {
    const user = await createTestUser();
    await authenticate({ email: user.email, password: TEST_PASSWORD });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id } });
    await expect(prisma.$executeRawUnsafe(`update "AuditLog" set action = 'x' where id = ${row.id}`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`delete from "AuditLog" where id = ${row.id}`)).rejects.toThrow(/append-only/);
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("auth.login");
  });
});
