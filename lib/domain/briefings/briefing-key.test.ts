import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBriefingPdf, getBriefingPdfKey } from "@/lib/domain/briefings/get-briefing-pdf";
import { freezeApprovedBriefing } from "@/lib/domain/review/freeze-approved-briefing";
import { pdfPageTexts } from "@/lib/testing/pdf-text";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { createTestUser } from "@/lib/testing/factories";
import { newRoundInput } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

// A briefing prints the open commitments of earlier rounds: its cache key (and ETag) must change
// when an earlier round within the reader's clearance changes — and only then.

const note = { template: "briefing-note" as const, paper: "A4" as const };

describe("the briefing's cache key", () => {
  it("moves with the record and its earlier rounds within the reader's clearance, and with nothing else", async () => {
    const secret = await createTestUser({ clearance: "SECRET" });
    const restricted = await createTestUser({ clearance: "RESTRICTED" });
    const first = await createConsultation(secret, newRoundInput({ classification: "UNCLASSIFIED" }));
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: first.id }, select: { seriesId: true } });
    const round = (n: string, startDate: string, classification: string) =>
      createConsultation(secret, createConsultationSchema.parse({ seriesId, title: `Round ${n}`, roundNumber: n, startDate, city: "Moscow", classification }));
    const hidden = await round("6", "2023-09-01", "SECRET");
    const latest = await round("7", "2024-01-15", "UNCLASSIFIED");
    // A later round does not count (it prints nothing of it).
    const later = await round("8", "2024-06-01", "UNCLASSIFIED");

    const keys = async () => Promise.all([secret, restricted].map(async (u) => (await getBriefingPdfKey(u, latest.id, note)).key));
    const [s0, r0] = await keys();
    expect(await keys()).toEqual([s0, r0]);
    expect(s0).not.toBe(r0); // readers with different clearances see different briefings

    const touch = (id: string) => prisma.consultation.update({ where: { id }, data: { updatedAt: new Date(Date.now() + 60_000) } });
    await touch(later.id);
    expect(await keys()).toEqual([s0, r0]);

    await touch(hidden.id); // above RESTRICTED: only the SECRET reader's briefing can change
    const [s1, r1] = await keys();
    expect(s1).not.toBe(s0);
    expect(r1).toBe(r0);

    await touch(first.id); // within both clearances
    const [s2, r2] = await keys();
    expect(s2).not.toBe(s1);
    expect(r2).not.toBe(r1);
  });

  it("names the file by the record's date wherever the server's clock is set", async () => {
    const drafter = await createTestUser({ clearance: "SECRET" });
    const record = await createConsultation(drafter, newRoundInput({ classification: "UNCLASSIFIED" }));
    await prisma.consultation.update({ where: { id: record.id }, data: { status: "APPROVED", approvedVersion: 1, approvedAt: new Date() } });
    const tz = process.env.TZ;
    try {
      // East of Greenwich a date column read by the driver is the previous day in UTC; west of it, the same day.
      for (const zone of ["Asia/Karachi", "Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = zone;
        for (const version of ["current", "approved"] as const) {
          const { fileName } = await getBriefingPdfKey(drafter, record.id, { ...note, version });
          expect(fileName, `${zone}, ${version}`).toMatch(/^2023-06-20 /);
        }
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  // An approval whose freeze failed leaves the previous approval's briefing stored: the approved
  // PDF is of the version approved now, frozen again, and neither the old one nor a refusal.
  it("freezes again an approved briefing stored for an earlier approval", async () => {
    const drafter = await createTestUser({ clearance: "SECRET" });
    const record = await createConsultation(drafter, newRoundInput({ classification: "RESTRICTED" }));
    await prisma.consultation.update({ where: { id: record.id }, data: { status: "APPROVED", approvedVersion: 1, approvedAt: new Date() } });
    const current = await freezeApprovedBriefing(record.id);
    const stale = { ...current, version: 0, data: { ...current?.data, facts: { ...current?.data.facts, title: "Stale title", classification: "SECRET" } } };
    await prisma.consultation.update({ where: { id: record.id }, data: { approvedBriefing: JSON.parse(JSON.stringify(stale)) as object } });
    const approved = { ...note, version: "approved" as const };
    // The stale briefing's marking does not count either.
    expect((await getBriefingPdfKey(drafter, record.id, approved)).classification).toBe("RESTRICTED");
    const pdf = await getBriefingPdf(drafter, record.id, approved);
    const text = (await pdfPageTexts(pdf.bytes as Uint8Array)).join("\n");
    expect(text).toContain(current?.data.facts.title);
    expect(text).not.toContain("Stale title");
    const frozen = await prisma.consultation.findUniqueOrThrow({ where: { id: record.id }, select: { approvedBriefing: true } });
    expect(frozen.approvedBriefing).toMatchObject({ version: 1 });
  });
});
