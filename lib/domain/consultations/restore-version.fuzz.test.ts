import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { parseRestoreForm, restoreVersion } from "@/lib/domain/consultations/restore-version";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, hostileId } from "@/lib/testing/hostile";
import { createTestRecord, rowCounts, workedExample } from "@/lib/testing/record-fixtures";

// Hostile input at the history page's "Restore this version" (restoreVersionAction): the form is
// read by parseRestoreForm, then restored; a refusal (bad numbers, NOT_FOUND, a conflict, a version
// that fails today's checks) leaves the record as it was.

describe("hostile input at the restore action", () => {
  it("parseRestoreForm accepts only versions in 1..2^31-1", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (id, version, baseVersion) => {
        const form = parseRestoreForm({ id, version, baseVersion });
        if (form) for (const n of [form.version, form.baseVersion]) expect(Number.isInteger(n) && n >= 1 && n <= 2_147_483_647).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("parseRestoreForm + restoreVersion: restored or refused with a 4xx, a refusal changes nothing", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const { id } = await createTestRecord(drafter);
    expect((await saveRecord(drafter, id, 1, workedExample())).status).toBe("saved");
    let latest = 2;
    const number = fc.oneof(fc.constantFrom("1", "2", "3", "latest", " 2 ", "2.0", "1e0"), hostile);
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileId, weight: 1 }), number, number, async (target, version, base) => {
        const form = parseRestoreForm({ id: target, version, baseVersion: base === "latest" ? String(latest) : base });
        if (!form) return;
        const before = await rowCounts(id);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await restoreVersion(drafter, form.id, form.version, form.baseVersion)).status));
        const now = (await getRecord(drafter, id)).version;
        if (status === "saved") latest = now;
        else {
          expect(now).toBe(latest);
          expect(await rowCounts(id)).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
