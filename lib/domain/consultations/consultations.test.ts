import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { searchConsultations } from "@/lib/domain/consultations/search-consultations";
import { getBriefingPdf } from "@/lib/domain/briefings/get-briefing-pdf";
import { createTestUser, uniqueTitle } from "@/lib/testing/factories";
import { pdfPageTexts } from "@/lib/testing/pdf-text";
import { newRoundInput } from "@/lib/testing/record-fixtures";

const input = newRoundInput;

async function auditCount(entityId: string, action: string) {
  return prisma.auditLog.count({ where: { entityId, action } });
}

describe("createConsultation", () => {
  it("stores the record with its audit row and Unicode intact", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const title = `${uniqueTitle()} — Пакистан–Россия «консультации», Dato' Amran, اسلام آباد`;
    const { id } = await createConsultation(drafter, input({ title, classification: "RESTRICTED" }));
    const stored = await prisma.consultation.findUniqueOrThrow({ where: { id } });
    expect(stored.title).toBe(title);
    expect(stored.startDate.toISOString()).toBe("2023-06-20T00:00:00.000Z");
    expect(stored.createdById).toBe(drafter.id);
    expect(stored.version).toBe(1);
    expect(await auditCount(id, "consultation.create")).toBe(1);
    // No details: SQL NULL, as before (not JSON null, which the client would also read as null).
    const [row] = await prisma.$queryRaw<{ actorId: string; entityType: string; noDetails: boolean }[]>`
      SELECT "actorId"::text AS "actorId", "entityType", details IS NULL AS "noDetails" FROM "AuditLog" WHERE "entityId" = ${id} AND action = 'consultation.create'`;
    expect(row).toEqual({ actorId: drafter.id, entityType: "consultation", noDetails: true });
  });

  it("refuses a viewer and writes nothing", async () => {
    const viewer = await createTestUser({ role: "VIEWER" });
    const title = uniqueTitle();
    await expect(createConsultation(viewer, input({ title }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.consultation.count({ where: { title } })).toBe(0);
  });

  it("refuses a classification above the author's clearance", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const title = uniqueTitle();
    await expect(createConsultation(drafter, input({ title, classification: "SECRET" }))).rejects.toBeInstanceOf(AppError);
    expect(await prisma.consultation.count({ where: { title } })).toBe(0);
  });
});

describe("reading records respects clearance", () => {
  it("hides a record above the reader's clearance from the list and from a direct read", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const reader = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const word = `hide${Date.now()}`;
    const secret = await createConsultation(author, input({ title: `${word} secret`, classification: "SECRET" }));
    const restricted = await createConsultation(author, input({ title: `${word} restricted`, classification: "RESTRICTED" }));

    const ids = (await searchConsultations(reader, { q: word })).rows.map((r) => r.id);
    expect(ids).toContain(restricted.id);
    expect(ids).not.toContain(secret.id);
    await expect(getRecord(reader, secret.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRecord(reader, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getRecord(author, secret.id)).id).toBe(secret.id);
  });
});

describe("getBriefingPdf", () => {
  it("renders the stored fields, the markings and the draft watermark into real PDF text", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "CONFIDENTIAL", name: "Ayesha Khan" });
    const title = `${uniqueTitle("Pakistan–Russia BPC")} round 5`;
    const { id } = await createConsultation(drafter, input({ title, classification: "CONFIDENTIAL" }));
    const pdf = await getBriefingPdf(drafter, id, { template: "briefing-note", paper: "A4" });
    const bytes = pdf.bytes as Uint8Array;
    await writeFile("test-results/briefing-note-sample.pdf", bytes); // for a human look

    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdf.fileName).toBe(`2023-06-20 ${title} — briefing note v1.pdf`);
    expect(pdf.cached).toBe(false);
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page).toContain(title);
    expect(page).toContain("20 June 2023");
    expect(page).toContain("Islamabad");
    expect(page).toContain("Briefing note");
    expect(page).toContain("Page 1 of 1");
    expect(page).toContain("DRAFT");
    expect(page?.match(/CONFIDENTIAL/g)?.length).toBeGreaterThanOrEqual(2);
    // A classified download is audited; a repeat comes from the cache, byte for byte.
    expect(await auditCount(id, "consultation.download")).toBe(1);
    const row = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "consultation.download" } });
    expect(row).toMatchObject({ actorId: drafter.id, entityType: "consultation" });
    expect(row.details).toEqual({ template: "briefing-note", paper: "A4" });
    const again = await getBriefingPdf(drafter, id, { template: "briefing-note", paper: "A4" });
    expect(again.cached).toBe(true);
    expect(Buffer.from(again.bytes as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it("does not exist for a reader below the record's classification", async () => {
    const author = await createTestUser({ clearance: "SECRET" });
    const reader = await createTestUser({ role: "VIEWER", clearance: "UNCLASSIFIED" });
    const { id } = await createConsultation(author, input({ classification: "SECRET" }));
    await expect(getBriefingPdf(reader, id, { template: "public-readout", paper: "A4" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditCount(id, "consultation.download")).toBe(0);
  });
});
