import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, nasty } from "@/lib/testing/hostile";
import { createTestRecord, rowCounts, workedExample } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

// Hostile input thrown at what each server action runs (parse + domain + database): the answer
// must be a field error or a 4xx AppError, never anything else, and a refusal writes nothing.

type Json = Record<string, unknown>;
const SECTIONS = ["participants", "topics", "outcomes", "regionalIssues", "sideMeetings", "references"] as const;

/** A valid record with one hostile change somewhere. */
const mutatedRecord = fc.oneof(
  fc.record({ field: fc.constantFrom("title", "roundNumber", "startDate", "endDate", "venueMode", "venueCity", "venueCountry", "hostSide", "summary", "classification"), value: hostile }).map(
    ({ field, value }) => (r: Json) => ({ ...r, facts: { ...(r.facts as Json), [field]: value } }),
  ),
  fc.record({ section: fc.constantFrom(...SECTIONS), field: fc.string({ maxLength: 12 }), value: hostile }).map(
    ({ section, field, value }) => (r: Json) => {
      const rows = [...(r[section] as Json[])];
      rows[0] = { ...(rows[0] ?? {}), [field]: value };
      return { ...r, [section]: rows };
    },
  ),
  fc.constantFrom(...SECTIONS).map((section) => (r: Json) => ({ ...r, [section]: Array.from({ length: 10_000 }, () => (r[section] as Json[])[0] ?? {}) })),
  fc.record({ key: fc.string(), value: hostile }).map(({ key, value }) => (r: Json) => ({ ...r, [key]: value })),
  fc.record({ section: fc.constantFrom(...SECTIONS, "facts", "nextRound"), value: hostile }).map(({ section, value }) => (r: Json) => ({ ...r, [section]: value })),
  fc.anything().map((value) => () => value),
);

describe("hostile input at the server actions", () => {
  it("saveRecord: only saves or field errors, and a refused save changes nothing", async () => {
    const drafter = await createTestUser({ clearance: "SECRET" });
    const { id } = await createTestRecord(drafter);
    let version = 1;
    await fc.assert(
      fc.asyncProperty(mutatedRecord, async (mutate) => {
        const payload = mutate(workedExample() as unknown as Json);
        const before = await rowCounts(id);
        const result = await saveRecord(drafter, id, version, payload);
        expect(["saved", "invalid"]).toContain(result.status);
        if (result.status === "saved") {
          version = result.version;
          expect((await getRecord(drafter, id)).data).toEqual(result.data);
        } else {
          expect(await rowCounts(id)).toEqual(before);
          expect((await getRecord(drafter, id)).version).toBe(version);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("saveRecord: hostile ids and versions are refused as not found or as field errors", async () => {
    const drafter = await createTestUser();
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (id, version) => {
        await expectRefusal(async () => {
          const r = await saveRecord(drafter, typeof id === "string" ? id : "", version, workedExample());
          expect(r.status).not.toBe("saved");
        });
      }),
      { numRuns: 40 },
    );
  });

  it("createConsultation (the New consultation form): no 5xx, no partial write", async () => {
    const drafter = await createTestUser({ clearance: "RESTRICTED" });
    const fields = ["seriesId", "seriesName", "format", "counterpartCountry", "title", "roundNumber", "startDate", "city", "classification"];
    const form = fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.constantFrom("new", "RU", "RESTRICTED", "SECRET", "2023-06-20", "BILATERAL_POLITICAL_CONSULTATIONS"))])));
    await fc.assert(
      fc.asyncProperty(form, async (values) => {
        // Counted by author and series name: other test files write to the same database meanwhile.
        const counts = () =>
          Promise.all([prisma.consultation.count({ where: { createdById: drafter.id } }), prisma.series.count({ where: { name: String(values.seriesName).trim().replaceAll("\u0000", "") } })]);
        const before = await counts();
        const parsed = createConsultationSchema.safeParse(values);
        const outcome = parsed.success ? await expectRefusal(() => createConsultation(drafter, parsed.data)) : "refused";
        if (outcome === "refused") expect(await counts()).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it("startNextRound: any id is a new round or not found", async () => {
    const drafter = await createTestUser();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string(), nasty), async (id) => {
        expect(await expectRefusal(() => startNextRound(drafter, id))).toBe("refused");
      }),
      { numRuns: 40 },
    );
  });
});
