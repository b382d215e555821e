import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadBriefing } from "@/lib/domain/briefings/load-briefing";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { createTestUser } from "@/lib/testing/factories";
import { newRoundInput } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

describe("what a briefing prints from other rounds", () => {
  it("for a viewer (approved briefings only), comes from approved rounds only; drafters see drafts too", async () => {
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const viewer = await createTestUser({ role: "VIEWER", clearance: "SECRET" });
    const first = await createConsultation(drafter, newRoundInput({ classification: "UNCLASSIFIED" }));
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: first.id }, select: { seriesId: true } });
    const second = await createConsultation(
      drafter,
      createConsultationSchema.parse({ seriesId, title: "Round 2", roundNumber: "2", startDate: "2030-03-01", city: "Oslo", classification: "UNCLASSIFIED" }),
    );
    const promise = `Draft promise ${randomUUID()}`;
    await prisma.outcome.create({ data: { id: randomUUID(), consultationId: first.id, position: 900, type: "COMMITMENT", text: promise, status: "OPEN" } });
    await prisma.consultation.update({ where: { id: second.id }, data: { status: "APPROVED" } });

    const printed = async (who: typeof viewer) => (await loadBriefing(who, second.id)).earlierOpen.map((c) => c.text);
    expect(await printed(drafter)).toContain(promise);
    expect(await printed(viewer)).not.toContain(promise);

    // Once the earlier round is approved, the viewer's briefing carries it too.
    await prisma.consultation.update({ where: { id: first.id }, data: { status: "APPROVED" } });
    expect(await printed(viewer)).toContain(promise);
  });
});
