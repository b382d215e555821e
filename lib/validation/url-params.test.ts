import { describe, expect, it } from "vitest";
import { auditFilterSchema, listAudit } from "@/lib/domain/audit/list-audit";
import { listCommitments, parseCommitmentFilters } from "@/lib/domain/commitments/commitments";
import { parseSearchParams, searchConsultations } from "@/lib/domain/consultations/search-consultations";
import { createTestUser } from "@/lib/testing/factories";

// Found by the fuzz tests: zod's ISO date allows the year 0000 and PostgreSQL refuses it, and a
// NUL in a text parameter reached PostgreSQL: each was a 500. Now the parameter is dropped.
const cursor = (c: object) => Buffer.from(JSON.stringify(c)).toString("base64url");

describe("URL parameters PostgreSQL cannot take are dropped, not a 500", () => {
  it("consultations list: from/to in the year 0000, a NUL in q, a cursor dated 0000", async () => {
    const reader = await createTestUser({ role: "VIEWER" });
    const { params, ignored } = parseSearchParams({ from: "0000-01-01", to: "0000-02-29", q: "visa\u0000", sort: "newest", after: cursor({ s: "newest", k: "0000-01-01", id: "00000000-0000-0000-0000-000000000000" }) });
    expect(ignored.sort()).toEqual(["from", "q", "to"]);
    expect((await searchConsultations(reader, params)).sort).toBe("newest");
  });

  it("consultations list: a relevance cursor whose rank is no PostgreSQL real (5e-324, 1e300) means page 1", async () => {
    const reader = await createTestUser({ role: "VIEWER" });
    for (const k of ["5e-324", "1e300"]) {
      const { params } = parseSearchParams({ q: "visa", after: cursor({ s: "relevance", k, id: "00000000-0000-1000-8000-000000000000" }) });
      expect((await searchConsultations(reader, params)).sort).toBe("relevance");
    }
  });

  it("commitments tracker: dueFrom/dueTo in the year 0000, a NUL in owner, a cursor dated 0000", async () => {
    const reader = await createTestUser({ role: "VIEWER" });
    const { filters, ignored } = parseCommitmentFilters({ dueFrom: "0000-01-01", dueTo: "0000-12-31", owner: "a\u0000b", after: cursor({ d: "0000-01-01", id: "00000000-0000-0000-0000-000000000000" }) });
    expect(ignored.sort()).toEqual(["dueFrom", "dueTo", "owner"]);
    expect((await listCommitments(reader, filters)).rows).toBeInstanceOf(Array);
  });

  it("audit log: from/to in the year 0000", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const filter = auditFilterSchema.parse({ from: "0000-01-01", to: "0000-01-01" });
    expect(filter).toEqual({});
    expect((await listAudit(admin, filter)).rows).toBeInstanceOf(Array);
  });
});
