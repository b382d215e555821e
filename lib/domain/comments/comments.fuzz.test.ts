import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { addComment, resolveComment } from "@/lib/domain/comments/comments";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, hostileId, hostileText } from "@/lib/testing/hostile";
import { createTestRecord } from "@/lib/testing/record-fixtures";
import { COMMENT_SECTIONS } from "@/lib/validation/comment";

// Hostile input at the comment actions (add a comment or reply, resolve a thread): ok, field
// errors or a 4xx, never a 500; a refused comment writes nothing.

describe("hostile input at the comment actions", () => {
  it("addComment: any id, section, row, parent and body; a refusal writes nothing", async () => {
    const reviewer = await createTestUser({ role: "REVIEWER" });
    const drafter = await createTestUser({ role: "DRAFTER" });
    const { id } = await createTestRecord(drafter);
    const other = await createTestRecord(drafter);
    expect((await addComment(reviewer, id, { section: "general", rowId: "", parentId: "", body: "First thread" })).status).toBe("ok");
    expect((await addComment(reviewer, other.id, { section: "general", rowId: "", parentId: "", body: "Elsewhere" })).status).toBe("ok");
    const [thread] = await prisma.comment.findMany({ where: { consultationId: id }, select: { id: true } });
    const [foreign] = await prisma.comment.findMany({ where: { consultationId: other.id }, select: { id: true } });
    const rowIds = (await getRecord(drafter, id)).data.participants.map((p) => p.id);
    const ids = (extra: string[]) => fc.oneof(fc.constantFrom("", ...extra), hostileId, fc.constant(null));
    const body = fc.oneof(
      fc.record({ section: fc.oneof(hostile, fc.constantFrom(...COMMENT_SECTIONS)), rowId: ids(rowIds), parentId: ids([thread?.id ?? "", foreign?.id ?? ""]), body: fc.oneof(hostileText, fc.constant("A fair point.")) }),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(reviewer, drafter), fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileId, weight: 1 }), body, async (actor, target, raw) => {
        const counts = () => Promise.all([prisma.comment.count({ where: { consultationId: { in: [id, other.id] } } }), prisma.auditLog.count({ where: { actorId: actor.id } })]);
        const before = await counts();
        let status: string | undefined;
        await expectRefusal(async () => (status = (await addComment(actor, target, raw)).status));
        if (status !== "ok") expect(await counts()).toEqual(before);
        else expect((await counts())[0]).toBe(before[0] + 1);
      }),
      { numRuns: 80 },
    );
  });

  it("resolveComment: any record and comment id; a refusal changes nothing", async () => {
    const reviewer = await createTestUser({ role: "REVIEWER" });
    const { id } = await createTestRecord(await createTestUser({ role: "DRAFTER" }));
    await addComment(reviewer, id, { section: "facts", rowId: "", parentId: "", body: "Check the title" });
    const [thread] = await prisma.comment.findMany({ where: { consultationId: id }, select: { id: true } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(id), hostileId), fc.oneof(fc.constant(thread?.id ?? ""), hostileId), async (target, commentId) => {
        const snapshot = () => Promise.all([prisma.comment.findMany({ where: { consultationId: id }, select: { resolvedAt: true } }), prisma.auditLog.count({ where: { actorId: reviewer.id } })]);
        const before = await snapshot();
        const outcome = await expectRefusal(() => resolveComment(reviewer, target, commentId));
        if (outcome === "refused") expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
