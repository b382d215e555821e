import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addComment, listComments, resolveComment } from "@/lib/domain/comments/comments";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";

describe("comments", () => {
  it("threads on a row survive saves, take replies, resolve once, and are audited", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const reviewer = await createTestUser({ role: "REVIEWER" });
    const { id } = await createTestRecord(drafter);
    const data = workedExample();
    await saveRecord(drafter, id, 1, data);
    const outcome = data.outcomes[5]!;

    expect(await addComment(reviewer, id, { section: "outcomes", rowId: outcome.id, parentId: "", body: "Who owns this?" })).toEqual({ status: "ok" });
    const [thread] = await listComments(drafter, id);
    expect(thread).toMatchObject({ section: "outcomes", rowId: outcome.id, version: 2, body: "Who owns this?", resolved: null });
    // A reply joins the thread whatever section it claims.
    await addComment(drafter, id, { section: "facts", rowId: "", parentId: thread!.id, body: "Europe Division." });
    await saveRecord(drafter, id, 2, workedExample({ summary: "Saved again" }));
    const [again] = await listComments(reviewer, id);
    expect(again?.replies.map((r) => r.body)).toEqual(["Europe Division."]);

    await resolveComment(reviewer, id, thread!.id);
    await expect(resolveComment(drafter, id, thread!.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listComments(drafter, id))[0]?.resolved?.by).toBe(reviewer.name);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: { in: ["consultation.comment", "consultation.comment_resolve"] } } })).toBe(3);
  });

  it("refuses viewers, bad input and records above clearance", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const low = await createTestUser({ role: "REVIEWER", clearance: "RESTRICTED" });
    const { id } = await createTestRecord(drafter, "SECRET");
    await expect(addComment(viewer, id, { section: "general", rowId: "", parentId: "", body: "Hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addComment(low, id, { section: "general", rowId: "", parentId: "", body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await addComment(drafter, id, { section: "nowhere", rowId: "x", parentId: "", body: " " })).toMatchObject({ status: "invalid" });
    expect(await listComments(drafter, id)).toEqual([]);
  });
});
