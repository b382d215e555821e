import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { authenticate, signInAddress } from "@/lib/domain/users/authenticate";
import { createAccountFromForm } from "@/lib/domain/users/create-account";
import { acceptInvitation, inviteUser } from "@/lib/domain/users/invitations";
import { resetPassword, updateUser } from "@/lib/domain/users/manage-users";
import { signOutEverywhere } from "@/lib/domain/users/sessions";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, hostileId, hostileText, nasty } from "@/lib/testing/hostile";
import { signInSchema } from "@/lib/validation/auth";

// Hostile input at the account forms (admin: new account / invitation, role and clearance,
// password reset; the invitation's "choose your password"; sign-in): a field error or a 4xx,
// never a 500, and a refused form writes nothing.

const GOOD_PASSWORD = "a long enough passphrase 42";
const field = (good: string[]) => fc.oneof(hostileText, fc.constantFrom(...good));
const userRow = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true, clearance: true, active: true, sessionVersion: true, passwordHash: true, inviteTokenHash: true } });
const auditBy = (actorId: string) => prisma.auditLog.count({ where: { actorId } });

describe("hostile input at the account forms", () => {
  it("createAccountFromForm (New account, with or without a password): ok or refused, a refusal writes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "CONFIDENTIAL" });
    const drafter = await createTestUser({ role: "DRAFTER" });
    const form = fc.record({
      email: fc.oneof(hostileText, fc.uuid().map((u) => `Fuzz-${u}@Test.Readout `)),
      name: field(["Ana Ng", "Андрей"]),
      role: field(["viewer", "DRAFTER", "admin", "EMPEROR"]),
      clearance: field(["unclassified", "CONFIDENTIAL", "secret"]),
      password: fc.oneof(hostileText, fc.constant(""), fc.constant(GOOD_PASSWORD), fc.constant("password1234")),
    });
    await fc.assert(
      fc.asyncProperty(form, fc.boolean(), async (values, asAdmin) => {
        const actor = asAdmin ? admin : drafter;
        const email = String(values.email ?? "").trim().toLowerCase().replaceAll("\u0000", ""); // a NUL never gets as far as the database
        const counts = () => Promise.all([prisma.user.count({ where: { email } }), auditBy(actor.id)]);
        const before = await counts();
        let state: Awaited<ReturnType<typeof createAccountFromForm>> | undefined;
        const outcome = await expectRefusal(async () => (state = await createAccountFromForm(actor, values)));
        if (outcome === "refused" || !state?.ok) {
          expect(await counts()).toEqual(before);
          if (!asAdmin) expect(state?.code).toBe("FORBIDDEN");
        } else {
          expect(asAdmin).toBe(true);
          expect(await prisma.user.count({ where: { email } })).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("updateUser (role, clearance, enabled): ok, field errors or a 4xx; a refusal changes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const target = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const body = fc.oneof(
      fc.record({ role: fc.oneof(hostile, fc.constantFrom("viewer", "REVIEWER", "admin")), clearance: fc.oneof(hostile, fc.constantFrom("secret", "TOP_SECRET", "unclassified")), active: fc.oneof(fc.boolean(), hostile) }),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(target.id), fc.constant(admin.id), hostileId), body, async (userId, raw) => {
        const before = await Promise.all([userRow(target.id), userRow(admin.id), auditBy(admin.id)]);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await updateUser(admin, userId, raw)).status));
        if (status !== "ok") expect(await Promise.all([userRow(target.id), userRow(admin.id), auditBy(admin.id)])).toEqual(before);
        // Never locked out: the admin stays an enabled administrator.
        expect(await userRow(admin.id)).toMatchObject({ role: "ADMIN", active: true });
      }),
      { numRuns: 60 },
    );
  });

  it("resetPassword: ok, field errors or a 4xx; a refusal changes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const target = await createTestUser();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(target.id), hostileId), fc.oneof(fc.record({ password: fc.oneof(hostile, fc.constant(GOOD_PASSWORD)) }), hostile), async (userId, raw) => {
        const before = await Promise.all([userRow(target.id), auditBy(admin.id)]);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await resetPassword(admin, userId, raw)).status));
        if (status !== "ok") expect(await Promise.all([userRow(target.id), auditBy(admin.id)])).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it("acceptInvitation (the welcome page): any token and password are ok, field errors or NOT_FOUND; a refusal writes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const email = `invitee-${randomUUID()}@test.readout`;
    const r = await inviteUser(admin, { email, name: "Ivy Invitee", role: "viewer", clearance: "unclassified" });
    if (r.status !== "ok") throw new Error("invitation failed");
    const token = r.link.split("/").at(-1) as string;
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const tokenArb = fc.oneof(fc.constant(token), fc.constant(`${token}\u0000`), fc.constant(token.toUpperCase()), hostileText.map((t) => t ?? ""), fc.base64String({ minLength: 20, maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(tokenArb, fc.oneof(fc.record({ password: fc.oneof(hostileText, fc.constant(GOOD_PASSWORD)) }), hostile), async (t, input) => {
        const before = await Promise.all([userRow(id), auditBy(id)]);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await acceptInvitation(t, input)).status));
        if (status !== "ok") expect(await Promise.all([userRow(id), auditBy(id)])).toEqual(before);
        else expect((await userRow(id)).inviteTokenHash).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it("sign-in (authenticate): a user, null or RATE_LIMITED; malformed input records nothing", async () => {
    const user = await createTestUser();
    const run = randomUUID();
    const credentials = fc.oneof(
      { arbitrary: fc.record({ email: fc.constantFrom(user.email, ` ${user.email.toUpperCase()} `), password: fc.oneof(hostile, fc.constant(TEST_PASSWORD)) }), weight: 2 },
      { arbitrary: fc.record({ email: hostile, password: hostile }), weight: 1 },
      { arbitrary: hostile, weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(credentials, fc.oneof(nasty, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 })), async (raw, suffix) => {
        const ip = `fuzz-${run}${suffix}`;
        const failures = () => prisma.loginFailure.count({ where: { ip: { startsWith: `fuzz-${run}` } } });
        const before = await failures();
        await expectRefusal(async () => {
          const result = await authenticate(raw, ip);
          if (result) expect(result.id).toBe(user.id);
        });
        // Throttling counts attempts; a request that is not even an e-mail and a password is not one.
        if (!signInSchema.safeParse(raw).success) expect(await failures()).toBe(before);
        else expect(await failures()).toBeLessThanOrEqual(before + 1);
      }),
      { numRuns: 60 },
    );
  });

  it("signInAddress: any X-Forwarded-For gives a trimmed last entry or null", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(undefined), fc.string(), nasty, fc.array(fc.oneof(fc.string(), nasty), { maxLength: 3 })), (header) => {
        const ip = signInAddress(header);
        if (ip !== null) {
          expect(ip).toBe(ip.trim());
          expect(ip).not.toContain(",");
          expect(ip.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("signOutEverywhere (no input but the session): ends the sessions and audits it", async () => {
    const user = await createTestUser();
    const before = (await userRow(user.id)).sessionVersion;
    await signOutEverywhere(user.id);
    expect((await userRow(user.id)).sessionVersion).toBe(before + 1);
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "auth.logout_everywhere" } })).toBe(1);
  });
});
