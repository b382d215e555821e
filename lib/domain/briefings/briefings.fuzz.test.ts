import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { getBriefingPdfKey, parseBriefingQuery } from "@/lib/domain/briefings/get-briefing-pdf";
import { getSeriesBook, parseBookPaper } from "@/lib/domain/briefings/get-series-book";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostileId, hostileQuery } from "@/lib/testing/hostile";
import { createTestRecord } from "@/lib/testing/record-fixtures";

// Hostile path ids and query strings at the PDF routes (/api/consultations/[id]/pdf and
// /api/series/[id]/book): parsed as the routes parse them, then identified as a conditional request
// does (no render: the renders themselves are tested in lib/pdf). A 4xx or a key, never a 500.

const good = fc.constantFrom("briefing-note", "one-page", "public-readout", "briefing-book", "A4", "LETTER", "a4", "current", "approved", "1");
const toSearch = (raw: Record<string, string | string[] | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) search.append(k, one);
  return search;
};

describe("hostile input at the PDF routes", () => {
  it("consultation PDF: ?template=&paper=&version= and the id give INVALID_INPUT, NOT_FOUND or a key", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter);
    const audit = () => prisma.auditLog.count({ where: { actorId: drafter.id } });
    const before = await audit();
    await fc.assert(
      fc.asyncProperty(hostileQuery(["template", "paper", "version", "download"], good), fc.oneof(fc.constant(id), hostileId), async (raw, target) => {
        await expectRefusal(async () => {
          const options = parseBriefingQuery(toSearch(raw));
          expect((await getBriefingPdfKey(drafter, target, options)).key).toMatch(/^[0-9a-f]{64}$/);
        });
      }),
      { numRuns: 100 },
    );
    expect(await audit()).toBe(before);
  });

  it("series book: ?paper= and the id give INVALID_INPUT, NOT_FOUND or a key", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter);
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { seriesId: true } });
    await fc.assert(
      fc.asyncProperty(hostileQuery(["paper", "download"], good), fc.oneof(fc.constant(seriesId), hostileId), async (raw, target) => {
        await expectRefusal(async () => {
          const paper = parseBookPaper(toSearch(raw));
          expect((await getSeriesBook(drafter, target, paper, true)).key).toMatch(/^[0-9a-f]{64}$/);
        });
      }),
      { numRuns: 100 },
    );
  });
});
