import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecordData } from "@/lib/validation/record";

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const date = (s: string | null): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);
const byPosition = { orderBy: { position: "asc" as const } };

/** Reads a record into the normalised shape the editor, the versions and the PDF share. */
export async function readRecordData(tx: Tx, id: string): Promise<RecordData | null> {
  const c = await tx.consultation.findUnique({
    where: { id },
    select: {
      title: true,
      roundNumber: true,
      startDate: true,
      endDate: true,
      venueMode: true,
      venueCity: true,
      venueCountry: true,
      hostSide: true,
      atmosphere: true,
      atmosphereIsPublic: true,
      context: true,
      summary: true,
      classification: true,
      nextRoundPlan: true,
      nextRoundCity: true,
      nextRoundCountry: true,
      nextRoundDate: true,
      nextRoundNote: true,
      participants: { orderBy: [{ side: "asc" }, { position: "asc" }], select: { id: true, side: true, honorific: true, name: true, title: true, organisation: true, role: true } },
      topics: { ...byPosition, select: { id: true, category: true, subject: true, notes: true, isPublic: true } },
      outcomes: { ...byPosition, select: { id: true, type: true, text: true, owner: true, dueDate: true, status: true, originId: true, isPublic: true } },
      regionalIssues: { ...byPosition, select: { id: true, region: true, positions: true, isPublic: true } },
      sideMeetings: { ...byPosition, select: { id: true, kind: true, withWhom: true, date: true, notes: true } },
      references: { ...byPosition, select: { id: true, title: true, date: true, url: true } },
    },
  });
  if (!c) return null;
  return {
    facts: {
      title: c.title,
      roundNumber: c.roundNumber,
      startDate: day(c.startDate) ?? "",
      endDate: day(c.endDate),
      venueMode: c.venueMode,
      venueCity: c.venueCity,
      venueCountry: c.venueCountry,
      hostSide: c.hostSide,
      atmosphere: c.atmosphere,
      atmosphereIsPublic: c.atmosphereIsPublic,
      context: c.context,
      summary: c.summary,
      classification: c.classification,
    },
    participants: c.participants,
    topics: c.topics,
    outcomes: c.outcomes.map((o) => ({ ...o, dueDate: day(o.dueDate) })),
    regionalIssues: c.regionalIssues,
    sideMeetings: c.sideMeetings.map((m) => ({ ...m, date: day(m.date) })),
    references: c.references.map((r) => ({ ...r, date: day(r.date) })),
    nextRound: { plan: c.nextRoundPlan, city: c.nextRoundCity, country: c.nextRoundCountry, date: day(c.nextRoundDate), note: c.nextRoundNote },
  };
}

/** The consultation columns of a record (everything but its rows). */
export function recordColumns(data: RecordData) {
  const f = data.facts;
  return {
    title: f.title,
    roundNumber: f.roundNumber,
    startDate: date(f.startDate) as Date,
    endDate: date(f.endDate),
    venueMode: f.venueMode,
    venueCity: f.venueCity,
    venueCountry: f.venueCountry,
    hostSide: f.hostSide,
    atmosphere: f.atmosphere,
    atmosphereIsPublic: f.atmosphereIsPublic,
    context: f.context,
    summary: f.summary,
    classification: f.classification,
    nextRoundPlan: data.nextRound.plan,
    nextRoundCity: data.nextRound.city,
    nextRoundCountry: data.nextRound.country,
    nextRoundDate: date(data.nextRound.date),
    nextRoundNote: data.nextRound.note,
  };
}

/** Replaces every row of the record; row ids come from the editor, so they stay stable across saves. */
export async function writeRecordRows(tx: Tx, consultationId: string, data: RecordData): Promise<void> {
  // Sequential on purpose: one transaction is one connection, so parallel queries only queue.
  const where = { consultationId };
  await tx.participant.deleteMany({ where });
  await tx.topic.deleteMany({ where });
  await tx.outcome.deleteMany({ where });
  await tx.regionalIssue.deleteMany({ where });
  await tx.sideMeeting.deleteMany({ where });
  await tx.reference.deleteMany({ where });
  const sideCounter = { HOME: 0, COUNTERPART: 0 };
  if (data.participants.length)
    await tx.participant.createMany({ data: data.participants.map((p) => ({ ...p, consultationId, position: sideCounter[p.side]++ })) });
  if (data.topics.length) await tx.topic.createMany({ data: data.topics.map((t, position) => ({ ...t, consultationId, position })) });
  if (data.outcomes.length)
    await tx.outcome.createMany({ data: data.outcomes.map((o, position) => ({ ...o, dueDate: date(o.dueDate), consultationId, position })) });
  if (data.regionalIssues.length)
    await tx.regionalIssue.createMany({ data: data.regionalIssues.map((r, position) => ({ ...r, consultationId, position })) });
  if (data.sideMeetings.length)
    await tx.sideMeeting.createMany({ data: data.sideMeetings.map((m, position) => ({ ...m, date: date(m.date), consultationId, position })) });
  if (data.references.length)
    await tx.reference.createMany({ data: data.references.map((r, position) => ({ ...r, date: date(r.date), consultationId, position })) });
  // The search document, from the columns and rows just written (search migration).
  await tx.$executeRaw`SELECT readout_refresh_search(${consultationId}::uuid)`;
}

/** The record as a JSON value for its version row (RecordData is plain JSON by construction). */
export function snapshotOf(data: RecordData): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
}
