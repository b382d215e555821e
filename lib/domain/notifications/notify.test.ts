import { describe, expect, it } from "vitest";
import { captureSmtp } from "@/lib/testing/smtp-capture";
import { decideReview } from "@/lib/domain/review/decide-review";
import { submitForReview } from "@/lib/domain/review/submit-for-review";
import { sendMail } from "@/lib/mail/mailer";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord } from "@/lib/testing/record-fixtures";

const inbox = captureSmtp();

describe("e-mail notifications", () => {
  it("tell reviewers they are asked, and the drafter what was decided, with a link", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", name: "Dana Drafter" });
    const reviewer = await createTestUser({ role: "REVIEWER", name: "Rosa Reviewer" });
    const { id } = await createTestRecord(drafter);
    await submitForReview({ ...drafter, name: "Dana Drafter" }, id, { version: 1, reviewerIds: [reviewer.id] });
    const asked = inbox.find((m) => m.to.includes(reviewer.email));
    expect(asked?.data).toContain("Subject: Review requested:");
    expect(asked?.data).toContain("Dana Drafter asks you to review version 1");
    expect(asked?.data).toContain(`https://readout.example.gov/consultations/${id}`);

    await decideReview({ ...reviewer, name: "Rosa Reviewer" }, id, { decision: "REQUEST_CHANGES", comment: "Add the owners." });
    const told = inbox.find((m) => m.to.includes(drafter.email));
    expect(told?.data).toContain("Subject: Changes requested:");
    expect(told?.data).toContain("Rosa Reviewer requested changes to version 1");
  });

  it("never mention a classified title, and do nothing without SMTP", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const reviewer = await createTestUser({ role: "REVIEWER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter, "SECRET");
    const title = (await import("@/lib/db")).prisma.consultation.findUniqueOrThrow({ where: { id }, select: { title: true } });
    await submitForReview(drafter, id, { version: 1, reviewerIds: [reviewer.id] });
    const mail = inbox.find((m) => m.to.includes(reviewer.email));
    expect(mail?.data).toContain("a secret record");
    expect(mail?.data).not.toContain((await title).title);

    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    expect(await sendMail({ to: ["x@example.gov"], subject: "s", text: "t" })).toBe(false);
    process.env.SMTP_URL = saved;
  });
});
