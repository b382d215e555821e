import { describe, expect, it } from "vitest";
import { getCommitmentHistory } from "@/lib/domain/consultations/get-commitment-history";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { getSeries } from "@/lib/domain/series/get-series";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";

describe("startNextRound", () => {
  it("prefills the next round from the previous one and carries open commitments with their history", async () => {
    const drafter = await createTestUser();
    const { id: previousId } = await createTestRecord(drafter);
    const data = workedExample();
    expect((await saveRecord(drafter, previousId, 1, data)).status).toBe("saved");
    const previous = await getRecord(drafter, previousId);

    const { id } = await startNextRound(drafter, previousId);
    const next = await getRecord(drafter, id);
    expect(next.series.id).toBe(previous.series.id);
    expect(next.counterpartCountry).toBe(previous.counterpartCountry);
    expect(next.version).toBe(1);
    expect(next.status).toBe("DRAFT");
    expect(next.data.facts).toMatchObject({ roundNumber: 6, venueCity: "Moscow", venueCountry: "RU", hostSide: "COUNTERPART", summary: "" });
    expect(next.data.facts.title).toMatch(/round 6$/);
    // Delegations to confirm: the same people, new rows.
    expect(next.data.participants.map((p) => p.name)).toEqual(data.participants.map((p) => p.name));
    expect(next.data.participants.some((p) => data.participants.some((q) => q.id === p.id))).toBe(false);

    const open = data.outcomes.filter((o) => o.type === "COMMITMENT" && (o.status === "OPEN" || o.status === "IN_PROGRESS"));
    expect(next.data.outcomes.map((o) => o.text)).toEqual(open.map((o) => o.text));
    expect(next.data.outcomes.every((o) => o.originId !== null && o.type === "COMMITMENT")).toBe(true);

    const history = await getCommitmentHistory(drafter, next.data.outcomes.map((o) => o.originId as string));
    for (const o of next.data.outcomes) {
      const steps = history[o.originId as string];
      expect(steps?.map((s) => s.consultationId)).toEqual([previousId, id]);
    }
    const series = await getSeries(drafter, previous.series.id);
    expect(series.rounds.map((r) => r.id)).toEqual([previousId, id]);
  });

  it("does not carry a commitment that is done or dropped", async () => {
    const drafter = await createTestUser();
    const { id: previousId } = await createTestRecord(drafter);
    const data = workedExample();
    const closed = { ...data, outcomes: data.outcomes.map((o) => (o.type === "COMMITMENT" ? { ...o, status: "DONE" as const } : o)) };
    await saveRecord(drafter, previousId, 1, closed);
    const { id } = await startNextRound(drafter, previousId);
    expect((await getRecord(drafter, id)).data.outcomes).toEqual([]);
  });

  it("is refused to a viewer and invisible above clearance", async () => {
    const author = await createTestUser({ clearance: "SECRET" });
    const { id } = await createTestRecord(author, "SECRET");
    await expect(startNextRound(await createTestUser({ role: "VIEWER" }), id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startNextRound(await createTestUser({ clearance: "RESTRICTED" }), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
