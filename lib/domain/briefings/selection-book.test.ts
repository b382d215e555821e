import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import {
  MAX_BOOK_RECORDS,
  getSelectionBook,
  parseBookSelection,
} from "@/lib/domain/briefings/get-series-book";
import { getBriefingPdf, getBriefingPdfKey } from "@/lib/domain/briefings/get-briefing-pdf";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { createTestUser } from "@/lib/testing/factories";
import { pdfPageTexts } from "@/lib/testing/pdf-text";
import { newRoundInput, workedExample } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

const selection = (ids: string[]) => parseBookSelection(new URLSearchParams(ids.map((id) => ["id", id])));

async function round(actor: Parameters<typeof createConsultation>[0], title: string, startDate: string, classification = "RESTRICTED") {
  const { id } = await createConsultation(actor, { ...newRoundInput({ title, classification }), startDate });
  return id;
}

describe("a briefing book of chosen consultations", () => {
  it("puts them in date order with contents, whatever the series, and audits each record", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const later = await round(drafter, `Later round ${randomUUID().slice(0, 8)}`, "2024-05-02");
    const earlier = await round(drafter, `Earlier round ${randomUUID().slice(0, 8)}`, "2023-01-15");
    const [laterTitle, earlierTitle] = await Promise.all(
      [later, earlier].map(async (id) => (await prisma.consultation.findUniqueOrThrow({ where: { id } })).title),
    );
    const book = await getSelectionBook(drafter, selection([later, earlier, later]), "A4");
    expect(book.fileName).toBe("2023-01-15 to 2024-05-02 2 consultations — briefing book.pdf");
    expect(book.classification).toBe("RESTRICTED");
    const pages = await pdfPageTexts(book.bytes as Uint8Array);
    const contents = pages[1] ?? "";
    expect(contents).toContain("Contents");
    expect(contents.indexOf(earlierTitle as string)).toBeGreaterThan(-1);
    expect(contents.indexOf(earlierTitle as string)).toBeLessThan(contents.indexOf(laterTitle as string));
    expect(pages.every((p) => p.includes("RESTRICTED") && /Page \d+ of \d+/.test(p))).toBe(true);
    const audited = await prisma.auditLog.findMany({
      where: { actorId: drafter.id, action: "consultation.download" },
      select: { entityType: true, entityId: true, details: true },
    });
    // One row per record, its details stored as JSON (not as a string of it).
    const details = { template: "briefing-book", paper: "A4", records: 2 };
    expect(audited).toEqual(expect.arrayContaining([
      { entityType: "consultation", entityId: later, details },
      { entityType: "consultation", entityId: earlier, details },
    ]));
    expect(audited).toHaveLength(2);
  }, 60_000);

  it("refuses a record above clearance exactly as one that does not exist, and changes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const mine = await round(drafter, `Mine ${randomUUID()}`, "2024-01-01");
    const secret = await round(admin, `Secret ${randomUUID()}`, "2024-02-01", "SECRET");
    const above = getSelectionBook(drafter, selection([mine, secret]), "A4");
    const nowhere = getSelectionBook(drafter, selection([mine, randomUUID()]), "A4");
    const malformed = getSelectionBook(drafter, selection([mine, "1 OR 1=1"]), "A4");
    const [a, b, c] = await Promise.all([above, nowhere, malformed].map((p) => p.then(() => null, (e: unknown) => e)));
    expect(a).toMatchObject({ code: "NOT_FOUND", message: "One of the chosen consultations is not available to you. Reload the list and choose again." });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await prisma.auditLog.count({ where: { actorId: drafter.id, action: "consultation.download" } })).toBe(0);
  });

  it("gives viewers approved records only, and says so", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const approved = await round(drafter, `Approved ${randomUUID()}`, "2024-01-01");
    const draft = await round(drafter, `Draft ${randomUUID()}`, "2024-02-01");
    await prisma.consultation.update({ where: { id: approved }, data: { status: "APPROVED" } });
    await expect(getSelectionBook(viewer, selection([approved, draft]), "A4", true)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("viewers may include approved consultations only"),
    });
    expect((await getSelectionBook(viewer, selection([approved]), "A4", true)).key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is a new book when an earlier round of a chosen record's series changes, and differs for a viewer", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const earlier = await round(drafter, `Round four ${randomUUID().slice(0, 8)}`, "2023-01-10");
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: earlier }, select: { seriesId: true } });
    const { id: later } = await createConsultation(
      drafter,
      createConsultationSchema.parse({ seriesId, title: `Round five ${randomUUID().slice(0, 8)}`, roundNumber: "5", startDate: "2024-01-10", city: "Moscow", classification: "RESTRICTED" }),
    );
    await prisma.consultation.update({ where: { id: later }, data: { status: "APPROVED" } });
    const before = (await getSelectionBook(drafter, selection([later]), "A4", true)).key;
    // Round four (not in the book) closes a commitment: round five's briefing lists it no more.
    await prisma.consultation.update({ where: { id: earlier }, data: { summary: "Changed." } });
    const after = (await getSelectionBook(drafter, selection([later]), "A4", true)).key;
    expect(after).not.toBe(before);
    // A viewer's briefing draws on approved rounds only: never the drafter's cached PDF.
    expect((await getSelectionBook(viewer, selection([later]), "A4", true)).key).not.toBe(after);
    // …and the same for the record's own briefing note.
    const note = { template: "briefing-note", paper: "A4" } as const;
    expect((await getBriefingPdfKey(viewer, later, note)).key).not.toBe((await getBriefingPdfKey(drafter, later, note)).key);
  });

  it("an approved briefing draws on approved earlier rounds only, never on a draft's commitments", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const earlier = await round(drafter, `Round four ${randomUUID().slice(0, 8)}`, "2023-01-10");
    // Round four, still a draft, holds open commitments (the worked example's).
    expect((await saveRecord(drafter, earlier, 1, workedExample({ startDate: "2023-01-10", classification: "RESTRICTED" }))).status).toBe("saved");
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: earlier }, select: { seriesId: true } });
    const { id: later } = await createConsultation(
      drafter,
      createConsultationSchema.parse({ seriesId, title: `Round five ${randomUUID().slice(0, 8)}`, roundNumber: "5", startDate: "2024-01-10", city: "Moscow", classification: "RESTRICTED" }),
    );
    const draftText = (await pdfPageTexts((await getBriefingPdf(drafter, later, { template: "briefing-note", paper: "A4" })).bytes as Uint8Array)).join(" ");
    expect(draftText, "the drafter's working copy shows the draft round's commitments").toContain("Open commitments from earlier rounds");
    const { version } = await prisma.consultation.findUniqueOrThrow({ where: { id: later }, select: { version: true } });
    await prisma.consultation.update({ where: { id: later }, data: { status: "APPROVED", approvedVersion: version, approvedAt: new Date() } });
    const approved = (await pdfPageTexts((await getBriefingPdf(viewer, later, { template: "briefing-note", paper: "A4", version: "approved" })).bytes as Uint8Array)).join(" ");
    expect(approved).toContain("Round five");
    expect(approved).not.toContain("Open commitments from earlier rounds");
  }, 60_000);

  it("a note's key changes when another round of its series on the same date does", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const first = await round(drafter, `Morning ${randomUUID().slice(0, 8)}`, "2024-03-03");
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: first }, select: { seriesId: true } });
    const { id: second } = await createConsultation(
      drafter,
      createConsultationSchema.parse({ seriesId, title: `Afternoon ${randomUUID().slice(0, 8)}`, roundNumber: "6", startDate: "2024-03-03", city: "Moscow", classification: "RESTRICTED" }),
    );
    const note = { template: "briefing-note", paper: "A4" } as const;
    const before = (await getBriefingPdfKey(drafter, second, note)).key;
    await prisma.consultation.update({ where: { id: first }, data: { summary: "Changed." } });
    expect((await getBriefingPdfKey(drafter, second, note)).key).not.toBe(before);
  });

  it("needs one to sixty consultations, with a clear message", () => {
    expect(() => selection([])).toThrow("Choose at least one consultation for the briefing book.");
    expect(() => selection(Array.from({ length: MAX_BOOK_RECORDS + 1 }, () => randomUUID()))).toThrow(
      `A briefing book holds at most ${MAX_BOOK_RECORDS} consultations: choose fewer.`,
    );
    const id = randomUUID();
    expect(selection([id, id, id.toUpperCase()])).toEqual([id]);
    // Sixty-one spellings of one id are one consultation.
    expect(selection(Array.from({ length: MAX_BOOK_RECORDS + 1 }, () => id))).toEqual([id]);
  });
});
