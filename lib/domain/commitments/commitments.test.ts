import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listCommitments, updateCommitmentStatus } from "@/lib/domain/commitments/commitments";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";

/** A round whose commitments all have a fresh owner (so each test sees only its own). */
async function roundWithCommitments(classification = "UNCLASSIFIED") {
  const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
  const owner = `Division ${randomUUID().slice(0, 8)}`;
  const { id } = await createTestRecord(author, classification);
  const data = workedExample({ classification: classification as never });
  data.outcomes = data.outcomes.map((o) => (o.type === "COMMITMENT" ? { ...o, owner } : o));
  data.outcomes.push({ id: randomUUID(), type: "COMMITMENT", text: "Report back on the visa agreement.", owner, dueDate: "2020-01-31", status: "DONE", originId: null, isPublic: false });
  expect((await saveRecord(author, id, 1, data)).status).toBe("saved");
  return { author, owner, id };
}

describe("commitments tracker", () => {
  it("lists each commitment once, in the latest round that carries it, soonest due first", async () => {
    const { author, owner, id } = await roundWithCommitments();
    const made = (await listCommitments(author, { owner })).rows;
    expect(made.length).toBe(4); // the worked example's three, and one done
    expect(made.every((r) => r.consultationId === id && r.rounds === 1)).toBe(true);

    const next = await startNextRound(author, id);
    const rows = (await listCommitments(author, { owner })).rows;
    expect(rows).toHaveLength(4);
    const carried = rows.filter((r) => r.consultationId === next.id);
    const done = rows.filter((r) => r.consultationId === id);
    expect(carried.map((r) => r.rounds)).toEqual([2, 2, 2]);
    expect(done.map((r) => r.status)).toEqual(["DONE"]);
    const dues = rows.map((r) => r.dueDate?.toISOString() ?? "~");
    expect(dues).toEqual([...dues].sort());
  });

  it("does not count rounds above the reader's clearance in how far a commitment was carried", async () => {
    const { author, owner, id } = await roundWithCommitments("RESTRICTED");
    const next = await startNextRound(author, id);
    const data = (await getRecord(author, next.id)).data;
    expect((await saveRecord(author, next.id, 1, { ...data, facts: { ...data.facts, classification: "SECRET" } })).status).toBe("saved");
    const reader = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const rows = (await listCommitments(reader, { owner })).rows;
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.consultationId === id && r.rounds === 1)).toBe(true);
    expect((await listCommitments(author, { owner })).rows.filter((r) => r.consultationId === next.id).map((r) => r.rounds)).toEqual([2, 2, 2]);
  });

  it("filters by status, country and due date, and hides what is above the reader's clearance", async () => {
    const { author, owner } = await roundWithCommitments("SECRET");
    const reader = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    expect((await listCommitments(reader, { owner })).rows).toEqual([]);
    expect((await listCommitments(author, { owner, status: "DONE" })).rows).toHaveLength(1);
    expect((await listCommitments(author, { owner, country: "FR" })).rows).toHaveLength(0);
    expect((await listCommitments(author, { owner, due: "overdue" })).rows.map((r) => r.status)).toEqual(["OPEN", "IN_PROGRESS", "OPEN"]);
    expect((await listCommitments(author, { owner, dueTo: "2021-01-01" })).rows.map((r) => r.status)).toEqual(["DONE"]);
  });

  it("updates a status as a save of its record: a new version, audited; stale or unauthorised attempts change nothing", async () => {
    const { author, owner, id } = await roundWithCommitments();
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const row = (await listCommitments(author, { owner, status: "IN_PROGRESS" })).rows[0]!;
    await expect(updateCommitmentStatus(viewer, id, { outcomeId: row.outcomeId, status: "DONE", version: row.consultationVersion })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateCommitmentStatus(author, id, { outcomeId: row.outcomeId, status: "DONE", version: row.consultationVersion })).toEqual({ status: "ok", version: row.consultationVersion + 1 });
    await expect(updateCommitmentStatus(author, id, { outcomeId: row.outcomeId, status: "OPEN", version: row.consultationVersion })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await updateCommitmentStatus(author, id, { outcomeId: row.outcomeId, status: "BOGUS", version: 3 })).toMatchObject({ status: "invalid" });
    const record = await getRecord(author, id);
    expect(record.version).toBe(3);
    expect(record.data.outcomes.find((o) => o.id === row.outcomeId)?.status).toBe("DONE");
    const audit = await prisma.auditLog.findMany({ where: { entityId: id, action: "commitment.status" }, select: { details: true } });
    expect(audit).toEqual([{ details: { outcome: row.outcomeId, from: "IN_PROGRESS", to: "DONE", version: 3 } }]);
  });
});
