import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listAudit } from "@/lib/domain/audit/list-audit";
import { authenticate } from "@/lib/domain/users/authenticate";
import { USERS_PER_PAGE, listUsers, resetPassword, updateUser } from "@/lib/domain/users/manage-users";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";

const sessionVersion = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("staff accounts", () => {
  it("an admin changes role and clearance, disables (ending sessions) and resets a password, all audited", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const staff = await createTestUser({ role: "VIEWER", clearance: "UNCLASSIFIED" });
    expect(await updateUser(admin, staff.id, { role: "REVIEWER", clearance: "confidential", active: true })).toEqual({ status: "ok" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: staff.id }, select: { role: true, clearance: true } })).toEqual({ role: "REVIEWER", clearance: "CONFIDENTIAL" });
    const before = await sessionVersion(staff.id);
    await updateUser(admin, staff.id, { role: "REVIEWER", clearance: "CONFIDENTIAL", active: false });
    expect(await sessionVersion(staff.id)).toBe(before + 1);
    expect(await authenticate({ email: staff.email, password: TEST_PASSWORD })).toBeNull();

    await updateUser(admin, staff.id, { role: "REVIEWER", clearance: "CONFIDENTIAL", active: true });
    expect(await resetPassword(admin, staff.id, { password: "short" })).toMatchObject({ status: "invalid" });
    expect(await resetPassword(admin, staff.id, { password: "a-brand-new-passphrase" })).toEqual({ status: "ok" });
    expect(await authenticate({ email: staff.email, password: TEST_PASSWORD })).toBeNull();
    expect((await authenticate({ email: staff.email, password: "a-brand-new-passphrase" }))?.id).toBe(staff.id);

    const audit = await listAudit(admin, { actor: admin.email });
    expect(audit.rows.map((r) => r.action)).toEqual(["user.reset_password", "user.update", "user.update", "user.update"]);
    expect((await listUsers(admin, { q: staff.email })).users.map((u) => u.id)).toEqual([staff.id]);
  });

  it("finds accounts by part of a name or an e-mail in any case, a page at a time, none twice or missed", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const tag = `pager${Date.now()}`;
    const made = await Promise.all(Array.from({ length: USERS_PER_PAGE + 2 }, (_, i) => createTestUser({ name: `${tag} Person ${String(i).padStart(2, "0")}` })));
    const first = await listUsers(admin, { q: tag.toUpperCase() });
    expect(first.total).toBe(USERS_PER_PAGE + 2);
    expect(first.pages).toBe(2);
    expect(first.users).toHaveLength(USERS_PER_PAGE);
    const second = await listUsers(admin, { q: ` ${tag} `, page: 2 });
    expect(second.users).toHaveLength(2);
    const seen = [...first.users, ...second.users].map((u) => u.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(made.map((u) => u.id).sort());
    expect((await listUsers(admin, { q: made[3]!.email.toUpperCase() })).users.map((u) => u.id)).toEqual([made[3]!.id]);
    // Past the last page: nothing, and the total still says how many there are.
    expect(await listUsers(admin, { q: tag, page: 9 })).toMatchObject({ users: [], total: USERS_PER_PAGE + 2 });
  });

  it("refuses non-admins and an admin's own lock-out", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reviewer = await createTestUser({ role: "REVIEWER" });
    await expect(updateUser(reviewer, admin.id, { role: "VIEWER", clearance: "UNCLASSIFIED", active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetPassword(reviewer, admin.id, { password: "another-long-password" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAudit(reviewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await updateUser(admin, admin.id, { role: "VIEWER", clearance: "SECRET", active: true })).status).toBe("invalid");
    expect((await updateUser(admin, admin.id, { role: "ADMIN", clearance: "SECRET", active: false })).status).toBe("invalid");
    expect((await updateUser(admin, reviewer.id, { role: "EMPEROR", clearance: "SECRET", active: true })).status).toBe("invalid");
    const confidentialAdmin = await createTestUser({ role: "ADMIN", clearance: "CONFIDENTIAL" });
    expect(await updateUser(confidentialAdmin, confidentialAdmin.id, { role: "ADMIN", clearance: "SECRET", active: true })).toEqual({ status: "invalid", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] } });
    expect((await updateUser(confidentialAdmin, reviewer.id, { role: "REVIEWER", clearance: "SECRET", active: true })).status).toBe("invalid");
    // An account cleared above the administrator is not theirs to change (a new password would let them sign in as it).
    const secretReviewer = await createTestUser({ role: "REVIEWER", clearance: "SECRET" });
    await expect(resetPassword(confidentialAdmin, secretReviewer.id, { password: "another-long-password" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(confidentialAdmin, secretReviewer.id, { role: "VIEWER", clearance: "UNCLASSIFIED", active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: secretReviewer.id }, select: { role: true, clearance: true, active: true } })).toEqual({ role: "REVIEWER", clearance: "SECRET", active: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, active: true } }))).toEqual({ role: "ADMIN", active: true });
  });
});
