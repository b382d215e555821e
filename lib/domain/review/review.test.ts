import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBriefingPdf } from "@/lib/domain/briefings/get-briefing-pdf";
import { getSelectionBook } from "@/lib/domain/briefings/get-series-book";
import { day } from "@/lib/pdf/briefing";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { decideReview } from "@/lib/domain/review/decide-review";
import { startRevision } from "@/lib/domain/review/start-revision";
import { submitForReview } from "@/lib/domain/review/submit-for-review";
import { createTestUser } from "@/lib/testing/factories";
import { pdfPageTexts } from "@/lib/testing/pdf-text";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";

const status = async (id: string) => (await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const audits = async (id: string) => (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);

describe("review workflow", () => {
  it("draft → review → changes requested → resubmitted → approved → revision, with the approved PDF unchanged", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", name: "Dana Drafter" });
    const reviewer = await createTestUser({ role: "REVIEWER", name: "Rosa Reviewer" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter);
    expect((await saveRecord(drafter, id, 1, workedExample({ summary: "First draft." }))).status).toBe("saved");

    expect(await submitForReview(drafter, id, { version: 2, reviewerIds: [reviewer.id] })).toEqual({ status: "ok" });
    expect(await status(id)).toBe("IN_REVIEW");
    await expect(saveRecord(drafter, id, 2, workedExample())).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await decideReview(reviewer, id, { decision: "REQUEST_CHANGES", comment: "" })).toEqual({ status: "invalid", fieldErrors: { comment: ["Say what needs to change"] } });
    expect(await decideReview(reviewer, id, { decision: "REQUEST_CHANGES", comment: "Name the owner of the energy talks." })).toEqual({ status: "ok" });
    expect(await status(id)).toBe("CHANGES_REQUESTED");

    expect((await saveRecord(drafter, id, 2, workedExample({ summary: "Second draft." }))).status).toBe("saved");
    expect(await submitForReview(drafter, id, { version: 3, reviewerIds: [reviewer.id] })).toEqual({ status: "ok" });
    expect(await decideReview(reviewer, id, { decision: "APPROVE", comment: "" })).toEqual({ status: "ok" });
    const approved = await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { status: true, approvedVersion: true } });
    expect(approved).toEqual({ status: "APPROVED", approvedVersion: 3 });

    const pdf = await getBriefingPdf(viewer, id, { template: "briefing-note", paper: "A4", version: "approved" });
    const text = (await pdfPageTexts(pdf.bytes as Uint8Array)).join(" ");
    expect(text).not.toContain("DRAFT");
    expect(text).toContain("Approved by Rosa Reviewer");
    expect(text).toContain("Second draft.");

    // The current version's download, and a book holding it, name the approver too.
    const approvedOn = day((await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { approvedAt: true } })).approvedAt?.toISOString().slice(0, 10) ?? null);
    for (const bytes of [
      (await getBriefingPdf(viewer, id, { template: "briefing-note", paper: "A4" })).bytes,
      (await getSelectionBook(viewer, [id], "A4")).bytes,
    ])
      expect((await pdfPageTexts(bytes as Uint8Array)).join(" ")).toContain(`Approved by Rosa Reviewer on ${approvedOn} (version 3).`);

    const readout = (await pdfPageTexts((await getBriefingPdf(viewer, id, { template: "public-readout", paper: "A4", version: "approved" })).bytes as Uint8Array)).join(" ");
    expect(readout).toContain("UNCLASSIFIED");

    await startRevision(drafter, id);
    expect(await status(id)).toBe("DRAFT");
    await expect(getBriefingPdf(drafter, id, { template: "public-readout", paper: "A4" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await saveRecord(drafter, id, 3, workedExample({ summary: "Revision two." }))).status).toBe("saved");
    const again = await getBriefingPdf(viewer, id, { template: "briefing-note", paper: "A4", version: "approved" });
    expect(Buffer.from(again.bytes as Uint8Array).equals(Buffer.from(pdf.bytes as Uint8Array))).toBe(true);
    // Viewers get approved briefings only (SPEC); the drafter downloads the revision in progress.
    await expect(getBriefingPdf(viewer, id, { template: "briefing-note", paper: "A4" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const current = (await pdfPageTexts((await getBriefingPdf(drafter, id, { template: "briefing-note", paper: "A4" })).bytes as Uint8Array)).join(" ");
    expect(current).toContain("Revision two.");
    expect(current).toContain("DRAFT");

    // Every step is in the audit log (an unclassified record's downloads are not).
    expect(await audits(id)).toEqual([
      "consultation.create",
      "consultation.update",
      "consultation.submit",
      "consultation.request_changes",
      "consultation.update",
      "consultation.submit",
      "consultation.approve",
      "consultation.revise",
      "consultation.update",
    ]);
  });

  it("with several reviewers, approves only when all have approved", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const [a, b] = [await createTestUser({ role: "REVIEWER" }), await createTestUser({ role: "ADMIN" })];
    const { id } = await createTestRecord(drafter);
    await submitForReview(drafter, id, { version: 1, reviewerIds: [a.id, b.id] });
    await decideReview(a, id, { decision: "APPROVE" });
    expect(await status(id)).toBe("IN_REVIEW");
    await decideReview(b, id, { decision: "APPROVE" });
    expect(await status(id)).toBe("APPROVED");
  });

  it("an edit after one reviewer approved resets that approval: the new version needs every reviewer again", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const [a, b] = [await createTestUser({ role: "REVIEWER" }), await createTestUser({ role: "REVIEWER" })];
    const { id } = await createTestRecord(drafter);
    await submitForReview(drafter, id, { version: 1, reviewerIds: [a.id, b.id] });
    await decideReview(a, id, { decision: "APPROVE" });
    await decideReview(b, id, { decision: "REQUEST_CHANGES", comment: "One more paragraph, please." });
    expect((await saveRecord(drafter, id, 1, workedExample({ summary: "With the paragraph." }))).status).toBe("saved");
    await submitForReview(drafter, id, { version: 2, reviewerIds: [a.id, b.id] });
    await decideReview(b, id, { decision: "APPROVE" });
    // a approved version 1, not version 2: the record waits for a.
    expect(await status(id)).toBe("IN_REVIEW");
    const pending = await prisma.review.findMany({ where: { consultationId: id, version: 2 }, select: { reviewerId: true, decision: true } });
    expect(pending.find((r) => r.reviewerId === a.id)?.decision).toBe("PENDING");
    await decideReview(a, id, { decision: "APPROVE" });
    expect(await status(id)).toBe("APPROVED");
  });

  it("approves when the last two approvals arrive at the same moment", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const reviewers = await Promise.all([1, 2, 3].map(() => createTestUser({ role: "REVIEWER" })));
    const { id } = await createTestRecord(drafter);
    await submitForReview(drafter, id, { version: 1, reviewerIds: reviewers.map((r) => r.id) });
    await Promise.all(reviewers.map((r) => decideReview(r, id, { decision: "APPROVE" })));
    expect(await status(id)).toBe("APPROVED");
  });

  it("refuses illegal transitions and self-review, whatever is sent", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const reviewer = await createTestUser({ role: "REVIEWER", clearance: "SECRET" });
    const lowReviewer = await createTestUser({ role: "REVIEWER", clearance: "UNCLASSIFIED", name: "Low Clearance" });
    const otherReviewer = await createTestUser({ role: "REVIEWER", clearance: "SECRET" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter, "RESTRICTED");

    await expect(decideReview(reviewer, id, { decision: "APPROVE" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(startRevision(drafter, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(submitForReview(viewer, id, { version: 1, reviewerIds: [reviewer.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await submitForReview(drafter, id, { version: 1, reviewerIds: [lowReviewer.id] })).toEqual({ status: "invalid", fieldErrors: { reviewerIds: ["Low Clearance is not cleared for this record."] } });
    expect((await submitForReview(drafter, id, { version: 1, reviewerIds: [] })).status).toBe("invalid");
    await expect(submitForReview(drafter, id, { version: 7, reviewerIds: [reviewer.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await status(id)).toBe("DRAFT");

    expect(await submitForReview(drafter, id, { version: 1, reviewerIds: [reviewer.id] })).toEqual({ status: "ok" });
    await expect(submitForReview(drafter, id, { version: 1, reviewerIds: [reviewer.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    // Changes requested: the same version cannot go back to review; a new save can.
    await decideReview(reviewer, id, { decision: "REQUEST_CHANGES", comment: "Fix it" });
    await expect(submitForReview(drafter, id, { version: 1, reviewerIds: [otherReviewer.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await status(id)).toBe("CHANGES_REQUESTED");
    await expect(decideReview(viewer, id, { decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideReview(otherReviewer, id, { decision: "APPROVE" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never lets the drafter approve their own record, even as an admin", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reviewer = await createTestUser({ role: "REVIEWER" });
    const { id } = await createTestRecord(admin);
    const named = await submitForReview(admin, id, { version: 1, reviewerIds: [admin.id] });
    expect(named.status).toBe("invalid");
    await submitForReview(admin, id, { version: 1, reviewerIds: [reviewer.id] });
    await expect(decideReview(admin, id, { decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("versions", () => {
  it("lists every save, compares two field by field, and restores an older one as a new version", async () => {
    const { listVersions, getVersion } = await import("@/lib/domain/consultations/version-history");
    const { restoreVersion } = await import("@/lib/domain/consultations/restore-version");
    const { diffForms } = await import("@/lib/record/diff");
    const { toForm } = await import("@/lib/record/form");
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    const v2 = workedExample({ summary: "Version two." });
    await saveRecord(drafter, id, 1, v2);
    await saveRecord(drafter, id, 2, { ...v2, facts: { ...v2.facts, summary: "Version three." }, outcomes: v2.outcomes.slice(1) });
    expect((await listVersions(drafter, id)).versions.map((v) => v.version)).toEqual([3, 2, 1]);

    const changes = diffForms(toForm(await getVersion(drafter, id, 2)), toForm(await getVersion(drafter, id, 3)));
    expect(changes).toContainEqual({ kind: "changed", label: "Meeting facts — Summary", before: "Version two.", after: "Version three." });
    expect(changes.filter((c) => c.kind === "removed")).toHaveLength(1);

    expect(await restoreVersion(drafter, id, 2, 3)).toMatchObject({ status: "saved", version: 4 });
    expect((await getRecord(drafter, id)).data).toEqual(v2);
    expect(await audits(id)).toContain("consultation.restore");
    expect(await restoreVersion(drafter, id, 1, 3)).toMatchObject({ status: "conflict" });
    await expect(getVersion(await createTestUser({ clearance: "UNCLASSIFIED", role: "VIEWER" }), id, 99)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A version saved at a higher classification stays hidden after a downgrade.
    const secretDrafter = await createTestUser({ clearance: "SECRET" });
    const reader = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const { id: other } = await createTestRecord(secretDrafter, "RESTRICTED");
    await saveRecord(secretDrafter, other, 1, workedExample({ classification: "SECRET", summary: "Secret words" }));
    await saveRecord(secretDrafter, other, 2, workedExample({ classification: "RESTRICTED" }));
    expect((await listVersions(reader, other)).versions.map((v) => v.version)).toEqual([3, 1]);
    await expect(getVersion(reader, other, 2)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
