import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getSeriesBook } from "@/lib/domain/briefings/get-series-book";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { getSeries } from "@/lib/domain/series/get-series";
import { listSeries } from "@/lib/domain/series/list-series";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

const seriesOf = async (id: string) => (await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { seriesId: true } })).seriesId;

describe("series and clearance", () => {
  it("a series whose every round is above a reader's clearance is absent for them: list, page, book, new rounds", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const secret = await createTestRecord(admin, "SECRET");
    const seriesId = await seriesOf(secret.id);
    expect((await listSeries(admin)).map((s) => s.id)).toContain(seriesId);
    expect((await listSeries(drafter)).map((s) => s.id)).not.toContain(seriesId);
    await expect(getSeries(drafter, seriesId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSeriesBook(drafter, seriesId, "A4", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const input = createConsultationSchema.parse({ seriesId, title: "A round in a series I cannot see", roundNumber: "6", startDate: "2024-01-10", city: "Moscow", classification: "UNCLASSIFIED" });
    await expect(createConsultation(drafter, input)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("gives viewers a series book of approved rounds only", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const draft = await createTestRecord(admin, "UNCLASSIFIED");
    const seriesId = await seriesOf(draft.id);
    await expect(getSeriesBook(viewer, seriesId, "A4", true)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("approved") });
    expect((await getSeriesBook(admin, seriesId, "A4", true)).key).toMatch(/^[0-9a-f]{64}$/);
  });
});
