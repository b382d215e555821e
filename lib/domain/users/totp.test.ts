import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { prisma } from "@/lib/db";
import { hasPermission } from "@/lib/auth/permissions";
import { CODE_NEEDED, CODE_WRONG, authenticate } from "@/lib/domain/users/authenticate";
import { beginTotpSetup, confirmTotpSetup, disableTotp, resetTotp } from "@/lib/domain/users/totp";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/factories";

const ip = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
/** What the person's authenticator app shows, `steps` periods from now. */
const appCode = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret.replaceAll(" ", "")), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + steps * 30_000 });

async function withTotp(overrides: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(overrides);
  const setup = await beginTotpSetup(user);
  expect(await confirmTotpSetup(user, appCode(setup.secret, -1))).toEqual({ status: "ok" });
  return { user, secret: setup.secret };
}

afterEach(() => {
  delete process.env.REQUIRE_ADMIN_TOTP;
});
// Codes are made for a period relative to now and checked a moment later: a test starts with at
// least 5 s of its 30 s period left (each takes well under 1 s), so that no period ends between
// making a code and checking it, which would move "the previous period's code" out of the window.
beforeEach(async () => {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
});

describe("two-step sign-in (TOTP)", () => {
  it("is set up by scanning a secret and confirming a code from it; the secret is stored encrypted", async () => {
    const user = await createTestUser();
    const setup = await beginTotpSetup(user);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Readout:.+\?.*secret=/);
    expect(setup.qr).toMatch(/^data:image\/png;base64,/);
    // Not on until confirmed; a wrong code changes nothing.
    expect(await confirmTotpSetup(user, "000000")).toMatchObject({ status: "invalid" });
    expect(await confirmTotpSetup(user, "12ab")).toMatchObject({ status: "invalid" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await confirmTotpSetup(user, appCode(setup.secret))).toEqual({ status: "ok" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpPendingSecret: true, totpEnabledAt: true } });
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(setup.secret.replaceAll(" ", ""));
    // Turning it on ended every session (this one too).
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
    // Sealed for this user: copied to another account's row, it does not open.
    const other = await createTestUser();
    await prisma.user.update({ where: { id: other.id }, data: { totpSecret: row.totpSecret, totpEnabledAt: new Date() } });
    await expect(authenticate({ email: other.email, password: TEST_PASSWORD, code: appCode(setup.secret, 1) })).rejects.toThrow();
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "auth.totp_enabled" } })).toBe(1);
    await expect(beginTotpSetup(user)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("sign-in asks for the code after the right password, refuses a wrong or reused one, and counts wrong ones as failures", async () => {
    const { user, secret } = await withTotp();
    const from = ip();
    // The wrong password is just wrong: nothing says the account has a second factor.
    expect(await authenticate({ email: user.email, password: "wrong-password-123" }, from)).toBeNull();
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, from)).rejects.toMatchObject({ message: CODE_NEEDED });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code: "000000" }, from)).rejects.toMatchObject({ message: CODE_WRONG });
    expect(await prisma.loginFailure.count({ where: { email: user.email } })).toBe(2); // wrong password, wrong code; not the missing code
    const code = appCode(secret);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, code }, from)).toMatchObject({ id: user.id });
    // A code works once (someone who saw it over a shoulder cannot reuse it), and so does an older one.
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code }, from)).rejects.toMatchObject({ message: CODE_WRONG });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code: appCode(secret, -1) }, from)).rejects.toMatchObject({ message: CODE_WRONG });
    // Codes from far off are refused; the next period's is accepted (clock drift).
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code: appCode(secret, 5) }, from)).rejects.toMatchObject({ message: CODE_WRONG });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, code: ` ${appCode(secret, 1).slice(0, 3)} ${appCode(secret, 1).slice(3)} ` }, from)).toMatchObject({ id: user.id });
  });

  it("ten wrong codes lock the account like ten wrong passwords", async () => {
    const { user, secret } = await withTotp();
    for (let i = 0; i < 10; i++) {
      await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code: String(100000 + i) }, ip())).rejects.toMatchObject({ message: CODE_WRONG });
    }
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, code: appCode(secret) }, ip())).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("is turned off with a current code; an administrator can remove it (lost phone), which ends the person's sessions", async () => {
    const { user, secret } = await withTotp();
    const sv = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect(await disableTotp(user, { password: TEST_PASSWORD, code: "000000" })).toMatchObject({ status: "invalid", fieldErrors: { code: [expect.any(String)] } });
    expect(await disableTotp(user, { password: "not-the-password", code: appCode(secret, 1) })).toMatchObject({ status: "invalid", fieldErrors: { password: [expect.any(String)] } });
    // Both refusals counted as failed sign-ins (codes cannot be guessed here faster than at sign-in).
    expect(await prisma.loginFailure.count({ where: { email: user.email } })).toBe(2);
    expect(await disableTotp(user, { password: TEST_PASSWORD, code: appCode(secret, 1) })).toEqual({ status: "ok" });
    const off = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(off.totpEnabledAt).toBeNull();
    expect(off.sessionVersion).toBe(sv + 1);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ id: user.id });

    const other = await withTotp({ clearance: "CONFIDENTIAL" });
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const restrictedAdmin = await createTestUser({ role: "ADMIN", clearance: "RESTRICTED" });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: other.user.id } });
    await expect(resetTotp(other.user, other.user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Not an account cleared above the administrator.
    await expect(resetTotp(restrictedAdmin, other.user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetTotp(admin, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await resetTotp(admin, other.user.id);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: other.user.id } });
    expect(after.totpEnabledAt).toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await prisma.auditLog.count({ where: { actorId: admin.id, action: "user.totp_reset", entityId: other.user.id } })).toBe(1);
  });

  it("when required for administrators, one without it cannot manage accounts until set up, and cannot turn it off", async () => {
    process.env.REQUIRE_ADMIN_TOTP = "true";
    const admin = await withTotp({ role: "ADMIN" });
    await expect(disableTotp(admin.user, { password: TEST_PASSWORD, code: appCode(admin.secret, 1) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // What getCurrentUser derives for an administrator without it:
    expect(hasPermission({ id: "x", role: "ADMIN", clearance: "SECRET", needsSecondFactor: true }, "user:manage")).toBe(false);
    expect(hasPermission({ id: "x", role: "ADMIN", clearance: "SECRET", needsSecondFactor: true }, "consultation:edit")).toBe(true);
    expect(hasPermission({ id: "x", role: "ADMIN", clearance: "SECRET", needsSecondFactor: false }, "user:manage")).toBe(true);
  });
});
