import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseSearchParams, searchConsultations, searchParamsSchema } from "@/lib/domain/consultations/search-consultations";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostileId, hostileQuery, nasty } from "@/lib/testing/hostile";
import { parseUrlParams } from "@/lib/validation/url-params";

// Hostile URLs at the consultations list (/consultations?q=…&from=…&after=…): whatever the query,
// the page lists (dropping and naming the bad parameters), never a 500.

const KEYS = Object.keys(searchParamsSchema.shape);
const cursor = fc
  .record({ s: fc.oneof(fc.constantFrom("relevance", "newest", "oldest"), nasty), k: fc.oneof(nasty, fc.constantFrom("0.1", "1e-5", "5e-324", "1e300", "2023-06-20", "0000-01-01", "1e400"), fc.double().map(String)), id: hostileId })
  .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url"));
const good = fc.oneof(
  fc.constantFrom("RU", "FR", "DRAFT", "APPROVED", "SECRET", "UNCLASSIFIED", "relevance", "newest", "oldest", "2023-06-20", "0000-01-01", "9999-12-31", "visa & trade", "\"quoted phrase\" -not OR"),
  fc.uuid(),
  cursor,
);

describe("hostile URL parameters at the consultations list", () => {
  it("parseUrlParams keeps only the schema's keys, each valid, and names each one it drops", () => {
    fc.assert(
      fc.property(hostileQuery(KEYS, good), (raw) => {
        const { params, ignored } = parseUrlParams(searchParamsSchema, raw);
        for (const key of Object.keys(params)) expect(KEYS).toContain(key);
        for (const key of ignored) expect(KEYS).toContain(key);
        expect(searchParamsSchema.safeParse(params).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("parseSearchParams + searchConsultations: a page of results or a 4xx, never a 500", async () => {
    const reader = await createTestUser({ role: "VIEWER", clearance: "CONFIDENTIAL" });
    await fc.assert(
      fc.asyncProperty(hostileQuery(KEYS, good), async (raw) => {
        const { params } = parseSearchParams(raw);
        await expectRefusal(async () => {
          const result = await searchConsultations(reader, params);
          expect(result.rows.length).toBeLessThanOrEqual(25);
        });
      }),
      { numRuns: 120 },
    );
  });
});
