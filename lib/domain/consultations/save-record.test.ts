import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { getVersion } from "@/lib/domain/consultations/version-history";
import { diffForms } from "@/lib/record/diff";
import { toForm } from "@/lib/record/form";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, rowCounts, workedExample } from "@/lib/testing/record-fixtures";

describe("saveRecord", () => {
  it("stores the whole worked example and reads it back exactly, Unicode included", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const { id } = await createTestRecord(drafter);
    const data = workedExample();
    const result = await saveRecord(drafter, id, 1, data);
    expect(result).toMatchObject({ status: "saved", version: 2 });

    const stored = await getRecord(drafter, id);
    expect(stored.version).toBe(2);
    expect(stored.data).toEqual(data);
    const snapshot = await prisma.consultationVersion.findUniqueOrThrow({ where: { consultationId_version: { consultationId: id, version: 2 } } });
    expect(snapshot.snapshot).toEqual(data);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "consultation.update" } })).toBe(1);
  });

  it("refuses an over-long summary with a field message and writes nothing", async () => {
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    const before = await rowCounts(id);
    const valid = workedExample();
    const result = await saveRecord(drafter, id, 1, { ...valid, facts: { ...valid.facts, summary: "x".repeat(20_000) } });
    expect(result).toEqual({ status: "invalid", fieldErrors: { "facts.summary": ["Summary must be at most 10,000 characters"] } });
    expect(await rowCounts(id)).toEqual(before);
    expect((await getRecord(drafter, id)).version).toBe(1);
  });

  it("reports errors by the path of the row and field", async () => {
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    const data = workedExample();
    const broken = { ...data, outcomes: data.outcomes.map((o, i) => (i === 2 ? { ...o, text: " " } : o)), nextRound: { ...data.nextRound, plan: "DATED" } };
    const result = await saveRecord(drafter, id, 1, broken);
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { "outcomes.2.text": ["Text is required"], "nextRound.date": ["Enter the date, or choose “dates to be fixed”"] },
    });
  });

  it("gives the later of two saves from the same version a conflict with the other person's record", async () => {
    const alice = await createTestUser({ name: "Alice" });
    const bob = await createTestUser({ name: "Bob" });
    const { id } = await createTestRecord(alice);
    const first = workedExample({ summary: "Alice's summary" });
    const second = workedExample({ summary: "Bob's summary" });
    expect(await saveRecord(alice, id, 1, first)).toMatchObject({ status: "saved", version: 2 });
    const late = await saveRecord(bob, id, 1, second);
    expect(late.status).toBe("conflict");
    if (late.status !== "conflict") return;
    expect(late.conflict).toMatchObject({ version: 2, savedBy: "Alice" });
    expect(late.conflict.data).toEqual(first);
    expect((await getRecord(alice, id)).data).toEqual(first);
  });

  it("never shows a conflict's content to someone the other save classified it away from", async () => {
    const high = await createTestUser({ clearance: "SECRET" });
    const low = await createTestUser({ clearance: "RESTRICTED" });
    const { id } = await createTestRecord(high, "RESTRICTED");
    expect((await saveRecord(high, id, 1, workedExample({ classification: "SECRET", summary: "Secret content" }))).status).toBe("saved");
    await expect(saveRecord(low, id, 1, workedExample({ classification: "RESTRICTED" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("50 concurrent saves of the same version: one lands, 49 conflict, and the record is exactly the winner's", async () => {
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    const versions = Array.from({ length: 50 }, (_, i) => workedExample({ summary: `writer ${i}`, atmosphere: `mood ${i}` }));
    const results = await Promise.all(versions.map((data) => saveRecord(drafter, id, 1, data)));
    const saved = results.flatMap((r, i) => (r.status === "saved" ? [i] : []));
    expect(saved).toHaveLength(1);
    expect(results.filter((r) => r.status === "conflict")).toHaveLength(49);
    const winner = versions[saved[0] as number];
    expect((await getRecord(drafter, id)).data).toEqual(winner);
    expect(await rowCounts(id)).toMatchObject({ participants: winner?.participants.length, outcomes: winner?.outcomes.length, versions: 2 });
  });

  it("writers that retry on conflict all land, one after another, and no update is lost or mixed", async () => {
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    const writers = Array.from({ length: 10 }, (_, i) => workedExample({ summary: `retrying writer ${i}` }));
    const landed = await Promise.all(
      writers.map(async (data) => {
        let version = 1;
        for (;;) {
          const r = await saveRecord(drafter, id, version, data);
          if (r.status === "saved") return r.version;
          if (r.status !== "conflict") throw new Error(`unexpected ${r.status}`);
          version = r.conflict.version;
        }
      }),
    );
    expect([...landed].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
    const snapshots = await prisma.consultationVersion.findMany({ where: { consultationId: id, version: { gt: 1 } }, orderBy: { version: "asc" } });
    // Every version is exactly one writer's record, each writer exactly once.
    const owners = snapshots.map((s) => writers.findIndex((w) => isDeepStrictEqual(w, s.snapshot)));
    expect([...owners].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    const final = await getRecord(drafter, id);
    expect(final.version).toBe(11);
    expect(final.data).toEqual(snapshots.at(-1)?.snapshot);
  });

  it("keeps the atmosphere out of the public readout once unticked, and the version compare says so", async () => {
    const drafter = await createTestUser();
    const { id } = await createTestRecord(drafter);
    expect(await saveRecord(drafter, id, 1, workedExample())).toMatchObject({ status: "saved", version: 2 });
    expect(await saveRecord(drafter, id, 2, workedExample({ atmosphereIsPublic: false }))).toMatchObject({ status: "saved", version: 3 });
    expect((await getRecord(drafter, id)).data.facts.atmosphereIsPublic).toBe(false);
    const changes = diffForms(toForm(await getVersion(drafter, id, 2)), toForm(await getVersion(drafter, id, 3)));
    expect(changes).toContainEqual(expect.objectContaining({ label: "Meeting facts — Atmosphere in the public readout", before: "yes", after: "no" }));
    // A save without the flag (an editor opened before it existed, a script) keeps the stored
    // choice: the atmosphere stays internal.
    const older: Record<string, unknown> = { ...workedExample({ summary: "Edited in an old tab." }).facts };
    delete older.atmosphereIsPublic;
    expect(await saveRecord(drafter, id, 3, { ...workedExample(), facts: older })).toMatchObject({ status: "saved", version: 4 });
    const kept = await getRecord(drafter, id);
    expect([kept.data.facts.summary, kept.data.facts.atmosphereIsPublic]).toEqual(["Edited in an old tab.", false]);
    expect((await getVersion(drafter, id, 4)).facts.atmosphereIsPublic).toBe(false);
    // So does one that sends it as undefined (a server action may pass a property so).
    expect(await saveRecord(drafter, id, 4, { ...workedExample(), facts: { ...older, atmosphereIsPublic: undefined } })).toMatchObject({ status: "saved", version: 5 });
    expect((await getRecord(drafter, id)).data.facts.atmosphereIsPublic).toBe(false);
    // Not a boolean: a field message, nothing written.
    const result = await saveRecord(drafter, id, 5, { ...workedExample(), facts: { ...workedExample().facts, atmosphereIsPublic: "maybe" } });
    expect(result).toEqual({ status: "invalid", fieldErrors: { "facts.atmosphereIsPublic": ["Choose yes or no"] } });
    expect((await getRecord(drafter, id)).version).toBe(5);
  });

  it("enforces roles, clearance and the lock", async () => {
    const author = await createTestUser({ clearance: "SECRET" });
    const { id } = await createTestRecord(author, "SECRET");
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const lowDrafter = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    await expect(saveRecord(viewer, id, 1, workedExample())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveRecord(lowDrafter, id, 1, workedExample())).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { id: open } = await createTestRecord(lowDrafter);
    expect(await saveRecord(lowDrafter, open, 1, workedExample({ classification: "SECRET" as const }))).toEqual({
      status: "invalid",
      fieldErrors: { "facts.classification": ["You cannot classify a record above your own clearance."] },
    });
    await prisma.consultation.update({ where: { id: open }, data: { status: "APPROVED" } });
    await expect(saveRecord(lowDrafter, open, 1, workedExample())).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getRecord(lowDrafter, open)).version).toBe(1);
  });
});
