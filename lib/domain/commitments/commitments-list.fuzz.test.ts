import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { commitmentFiltersSchema, exportCommitments, listCommitments, parseCommitmentFilters } from "@/lib/domain/commitments/commitments";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostileId, hostileQuery, nasty } from "@/lib/testing/hostile";

// Hostile URLs at the commitments tracker (/commitments?…) and its CSV export
// (/api/commitments/export?…): the tracker lists, the export streams, never a 500.

const KEYS = Object.keys(commitmentFiltersSchema.shape);
const cursor = fc
  .record({ d: fc.oneof(fc.constant(null), nasty, fc.constantFrom("2023-06-20", "0000-01-01", "9999-12-31")), id: hostileId })
  .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url"));
const good = fc.oneof(fc.constantFrom("RU", "OPEN", "DONE", "overdue", "30days", "2023-06-20", "0000-01-01", "9999-12-31", "Division", "%", "_"), cursor);

describe("hostile URL parameters at the commitments tracker", () => {
  it("parseCommitmentFilters + listCommitments: a page or a 4xx, never a 500", async () => {
    const reader = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    await fc.assert(
      fc.asyncProperty(hostileQuery(KEYS, good), async (raw) => {
        const { filters, ignored } = parseCommitmentFilters(raw);
        for (const key of ignored) expect(KEYS).toContain(key);
        await expectRefusal(async () => {
          expect((await listCommitments(reader, filters)).rows.length).toBeLessThanOrEqual(50);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("the CSV export's rows (what the route streams) never fail on the filters", async () => {
    const reader = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    await fc.assert(
      fc.asyncProperty(hostileQuery(KEYS, good), async (raw) => {
        const { filters } = parseCommitmentFilters(raw);
        await expectRefusal(async () => {
          let n = 0;
          for await (const row of exportCommitments(reader, filters)) if (row === "capped" || ++n >= 5) break;
        });
      }),
      { numRuns: 40 },
    );
  });
});
