import { describe, expect, it } from "vitest";
import { captureSmtp } from "@/lib/testing/smtp-capture";
import { prisma } from "@/lib/db";
import { authenticate } from "@/lib/domain/users/authenticate";
import { acceptInvitation, findInvitation, inviteUser } from "@/lib/domain/users/invitations";
import { resetPassword } from "@/lib/domain/users/manage-users";
import { createTestUser } from "@/lib/testing/factories";

const inbox = captureSmtp();

describe("invitations", () => {
  it("e-mails a one-time link; the person chooses a password, signs in, and the link then stops working", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET", name: "Ines Inviter" });
    const email = `invitee-${Date.now()}@mofa.example`;
    const r = await inviteUser(admin, { email, name: "Tomasz Invitee", role: "drafter", clearance: "restricted" });
    expect(r).toMatchObject({ status: "ok", mailed: true, email });
    const link = (r as { link: string }).link;
    expect(link).toMatch(/^https:\/\/readout\.example\.gov\/welcome\/[A-Za-z0-9_-]{43}$/);
    const mail = inbox.find((m) => m.to.includes(email));
    expect(mail?.data).toContain(link);
    expect(mail?.data).toContain("Ines Inviter");

    // Until accepted, no password signs in, not even the empty one.
    expect(await authenticate({ email, password: "" })).toBeNull();
    expect(await authenticate({ email, password: "!" })).toBeNull();
    const token = link.split("/").at(-1) as string;
    expect(await findInvitation(token)).toEqual({ name: "Tomasz Invitee", email });
    expect(await acceptInvitation(token, { password: "short" })).toMatchObject({ status: "invalid" });
    expect(await acceptInvitation(token, { password: "a long enough passphrase" })).toEqual({ status: "ok", email });
    expect(await authenticate({ email, password: "a long enough passphrase" })).toMatchObject({ email });
    await expect(acceptInvitation(token, { password: "another long passphrase" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, inviteTokenHash: true } });
    expect(user.inviteTokenHash).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["user.invite", "user.accept_invitation"]);
  });

  it("refuses expired links, non-admins, clearances above the admin's own, and taken addresses", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "RESTRICTED" });
    const drafter = await createTestUser({ role: "DRAFTER" });
    const email = `late-${Date.now()}@mofa.example`;
    await expect(inviteUser(drafter, { email, name: "X Y", role: "viewer", clearance: "unclassified" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await inviteUser(admin, { email, name: "X Y", role: "viewer", clearance: "secret" })).toMatchObject({ status: "invalid", fieldErrors: { clearance: ["You cannot grant a clearance above your own."] } });
    const r = (await inviteUser(admin, { email, name: "Lena Late", role: "viewer", clearance: "unclassified" })) as { link: string };
    await expect(inviteUser(admin, { email, name: "Lena Late", role: "viewer", clearance: "unclassified" })).rejects.toMatchObject({ code: "CONFLICT" });
    await prisma.user.update({ where: { email }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    const token = r.link.split("/").at(-1) as string;
    expect(await findInvitation(token)).toBeNull();
    await expect(acceptInvitation(token, { password: "a long enough passphrase" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findInvitation("not-a-token")).toBeNull();
  });

  it("stops working once an admin sets the password instead", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const email = `reset-${Date.now()}@mofa.example`;
    const r = (await inviteUser(admin, { email, name: "Rhea Reset", role: "viewer", clearance: "unclassified" })) as { link: string };
    const token = r.link.split("/").at(-1) as string;
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await resetPassword(admin, id, { password: "set-by-the-admin-123" })).toMatchObject({ status: "ok" });
    expect(await findInvitation(token)).toBeNull();
    await expect(acceptInvitation(token, { password: "taken-over-later-123" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
