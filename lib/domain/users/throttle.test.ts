import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MAX_FAILURES, authenticate } from "@/lib/domain/users/authenticate";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/factories";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

describe("sign-in throttling", () => {
  it("locks an account after 10 failures in 15 minutes, even for the right password, and says when to retry", async () => {
    const user = await createTestUser();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await authenticate({ email: user.email, password: `wrong-password-${i}` }, ip())).toBeNull();
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, ip())).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many failed sign-ins. Try again in 15 minutes." });
    // Failures older than the window no longer count.
    await prisma.loginFailure.updateMany({ where: { email: user.email }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ email: user.email });
  });

  it("locks an address after 10 failures on any accounts, and answers an unknown account the same way", async () => {
    const from = ip();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await authenticate({ email: `nobody-${randomUUID()}@mofa.example`, password: "wrong-password-123" }, from)).toBeNull();
    const user = await createTestUser();
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, from)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(authenticate({ email: `nobody-${randomUUID()}@mofa.example`, password: "whatever-it-is" }, from)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // From elsewhere the same account signs in.
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip())).toMatchObject({ email: user.email });
  });

  it("counts an address PostgreSQL cannot store (a NUL, a lone surrogate) instead of failing the sign-in", async () => {
    const user = await createTestUser();
    for (const forged of [`203.0.113.1\u0000${randomUUID()}`, `203.0.113.2\uD800${randomUUID()}`, `${"x".repeat(63)}\uD83D\uDE00${randomUUID()}`]) {
      expect(await authenticate({ email: user.email, password: "wrong-password-123" }, forged)).toBeNull();
      const stored = forged.slice(0, 64).replaceAll("\u0000", "\uFFFD").replace(/[\uD800-\uDFFF]/g, "\uFFFD");
      expect(await prisma.loginFailure.count({ where: { email: user.email, ip: stored } })).toBe(1);
    }
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "auth.login_failed" } })).toBe(3);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "203.0.113.3\u0000")).toMatchObject({ email: user.email });
  });
});
