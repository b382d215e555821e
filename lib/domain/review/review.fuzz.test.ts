import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { decideReview } from "@/lib/domain/review/decide-review";
import { startRevision } from "@/lib/domain/review/start-revision";
import { submitForReview } from "@/lib/domain/review/submit-for-review";
import { createTestUser } from "@/lib/testing/factories";
import { expectRefusal, hostile, hostileId, hostileText } from "@/lib/testing/hostile";
import { createTestRecord } from "@/lib/testing/record-fixtures";

// Hostile input at the review actions (submit for review, approve / request changes, revise):
// ok, field errors or a 4xx, never a 500; a refused action changes neither the record nor its reviews.

const state = (id: string, actorIds: string[]) =>
  Promise.all([
    prisma.consultation.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, approvedVersion: true } }),
    prisma.review.findMany({ where: { consultationId: id }, orderBy: { reviewerId: "asc" }, select: { reviewerId: true, version: true, decision: true, comment: true } }),
    prisma.auditLog.count({ where: { actorId: { in: actorIds } } }),
  ]);

describe("hostile input at the review actions", () => {
  it("submitForReview: any id, version and reviewers; a refusal changes nothing", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const reviewers = await Promise.all([createTestUser({ role: "REVIEWER" }), createTestUser({ role: "REVIEWER", clearance: "UNCLASSIFIED" }), createTestUser({ role: "VIEWER" })]);
    const { id } = await createTestRecord(drafter, "RESTRICTED");
    const reviewerId = fc.oneof(fc.constantFrom(...reviewers.map((r) => r.id), drafter.id), hostileId);
    const body = fc.oneof(
      fc.record({ version: fc.oneof(hostile, fc.constantFrom("1", "2", 1)), reviewerIds: fc.oneof(fc.array(reviewerId, { maxLength: 12 }), hostile) }),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileId, weight: 1 }), body, async (target, raw) => {
        const before = await state(id, [drafter.id]);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await submitForReview(drafter, target, raw)).status));
        if (status !== "ok") expect(await state(id, [drafter.id])).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it("decideReview: any id, decision and comment; a refusal changes nothing", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const reviewer = await createTestUser({ role: "REVIEWER" });
    const second = await createTestUser({ role: "REVIEWER" });
    const { id } = await createTestRecord(drafter);
    expect((await submitForReview(drafter, id, { version: "1", reviewerIds: [reviewer.id, second.id] })).status).toBe("ok");
    const body = fc.oneof(fc.record({ decision: fc.oneof(hostile, fc.constantFrom("APPROVE", "REQUEST_CHANGES", "approve")), comment: fc.oneof(hostileText, fc.constant("Fix the dates.")) }), hostile);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(reviewer, second, drafter), fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileId, weight: 1 }), body, async (actor, target, raw) => {
        const before = await state(id, [actor.id]);
        let status: string | undefined;
        await expectRefusal(async () => (status = (await decideReview(actor, target, raw)).status));
        if (status !== "ok") expect(await state(id, [actor.id])).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it("startRevision: any id is a revision, NOT_FOUND or CONFLICT, never a 500", async () => {
    const drafter = await createTestUser({ role: "DRAFTER" });
    const { id } = await createTestRecord(drafter);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(id), hostileId), async (target) => {
        const before = await state(id, [drafter.id]);
        // The record is a draft: nothing to revise.
        expect(await expectRefusal(() => startRevision(drafter, target))).toBe("refused");
        expect(await state(id, [drafter.id])).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
