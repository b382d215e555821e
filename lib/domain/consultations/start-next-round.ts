import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { insertRecord } from "@/lib/domain/consultations/insert-record";
import type { RecordData } from "@/lib/validation/record";

const OPEN = new Set(["OPEN", "IN_PROGRESS"]);

/** The draft of the next round, prefilled from the previous one (pure, for tests and preview). */
export function nextRoundDraft(previous: RecordData, series: { name: string; homeCountry: string }, today: string): RecordData {
  const p = previous.facts;
  const round = p.roundNumber ? p.roundNumber + 1 : null;
  const venueCountry = previous.nextRound.country;
  return {
    facts: {
      title: round ? `${series.name}, round ${round}` : series.name,
      roundNumber: round,
      startDate: previous.nextRound.plan === "DATED" && previous.nextRound.date ? previous.nextRound.date : today,
      endDate: null,
      venueMode: "IN_PERSON",
      venueCity: previous.nextRound.city,
      venueCountry,
      hostSide: venueCountry ? (venueCountry === series.homeCountry ? "HOME" : "COUNTERPART") : null,
      atmosphere: "",
      atmosphereIsPublic: true,
      context: "",
      summary: "",
      classification: p.classification,
    },
    // Delegations are copied for the drafter to confirm: people change between rounds.
    participants: previous.participants.map((x) => ({ ...x, id: randomUUID() })),
    topics: [],
    outcomes: previous.outcomes
      .filter((o) => o.type === "COMMITMENT" && o.status && OPEN.has(o.status))
      .map((o) => ({ ...o, id: randomUUID(), originId: o.originId ?? o.id })),
    regionalIssues: [],
    sideMeetings: [],
    references: previous.references.map((r) => ({ ...r, id: randomUUID() })),
    nextRound: { plan: "NOT_DISCUSSED", city: "", country: null, date: null, note: "" },
  };
}

export async function startNextRound(actor: Actor, previousId: string): Promise<{ id: string }> {
  if (!hasPermission(actor, "consultation:create")) throw new AppError("FORBIDDEN", "You may not create consultations.");
  const previous = await getRecord(actor, previousId);
  const today = new Date().toISOString().slice(0, 10);
  const data = nextRoundDraft(previous.data, previous.series, today);
  return prisma.$transaction(async (tx) => {
    const created = await insertRecord(tx, { seriesId: previous.series.id, counterpartCountry: previous.counterpartCountry, data, actorId: actor.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "consultation.create",
      entityType: "consultation",
      entityId: created.id,
      details: { nextRoundOf: previousId },
    });
    return created;
  });
}
