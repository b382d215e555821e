import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { auditFilterSchema, listAudit } from "@/lib/domain/audit/list-audit";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostileQuery } from "@/lib/testing/hostile";

// Hostile URLs at the audit log (/admin/audit?action=&actor=&from=&to=&before=): a page, never a 500.

const good = fc.constantFrom("consultation.approve", "auth.login", "test.readout", "2023-06-20", "0000-01-01", "9999-12-31", "1", "9223372036854775807", "9223372036854775808", "-5");

describe("hostile URL parameters at the audit log", () => {
  it("auditFilterSchema + listAudit: a page, never a 500", async () => {
    const admin = await createTestUser({ role: "ADMIN", clearance: "SECRET" });
    await fc.assert(
      fc.asyncProperty(hostileQuery(Object.keys(auditFilterSchema.shape), good), async (raw) => {
        const filter = auditFilterSchema.parse(raw);
        await expectRefusal(async () => {
          expect((await listAudit(admin, filter)).rows.length).toBeLessThanOrEqual(100);
        });
      }),
      { numRuns: 80 },
    );
  });
});
