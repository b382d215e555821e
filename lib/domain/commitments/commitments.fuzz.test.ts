import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { updateCommitmentStatus } from "@/lib/domain/commitments/commitments";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, hostileId } from "@/lib/testing/hostile";
import { createTestRecord, rowCounts, workedExample } from "@/lib/testing/record-fixtures";
import { COMMITMENT_STATUSES } from "@/lib/validation/vocabulary";

// Hostile input at the tracker's status menu (updateCommitmentStatusAction): a new version, field
// errors or a 4xx, never a 500; a refused change leaves the record and its versions as they were.

describe("hostile input at the commitment status action", () => {
  it("updateCommitmentStatus: any record, commitment, status and version; a refusal changes nothing", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const { id } = await createTestRecord(drafter);
    expect((await saveRecord(drafter, id, 1, workedExample())).status).toBe("saved");
    const record = await getRecord(drafter, id);
    const outcomeIds = record.data.outcomes.map((o) => o.id);
    let version = record.version;
    const body = fc.oneof(
      fc.record({
        outcomeId: fc.oneof(fc.constantFrom(...outcomeIds), hostile),
        status: fc.oneof(fc.constantFrom(...COMMITMENT_STATUSES, "open"), hostile),
        version: fc.oneof(fc.constant("current"), hostile),
      }),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileId, weight: 1 }), body, async (target, raw) => {
        const input = raw && typeof raw === "object" && "version" in raw && raw.version === "current" ? { ...raw, version: String(version) } : raw;
        const before = await rowCounts(id);
        let result: Awaited<ReturnType<typeof updateCommitmentStatus>> | undefined;
        await expectRefusal(async () => (result = await updateCommitmentStatus(drafter, target, input)));
        const after = await getRecord(drafter, id);
        if (result?.status === "ok") {
          expect(after.version).toBe(result.version);
          version = result.version;
        } else {
          expect(await rowCounts(id)).toEqual(before);
          expect(after.version).toBe(version);
        }
      }),
      { numRuns: 60 },
    );
  });
});
