import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { DEMO_ROUND_5 } from "@/lib/demo/demo-records";
import type { Actor } from "@/lib/auth/permissions";
import { createConsultationSchema } from "@/lib/validation/consultation";
import { recordSchema, type RecordData } from "@/lib/validation/record";
import { uniqueTitle } from "@/lib/testing/factories";

/** The essentials of a round in a new series of its own, as the "New consultation" form sends them. */
export function newRoundInput(overrides: { title?: string; classification?: string } = {}) {
  return createConsultationSchema.parse({
    seriesId: "new",
    seriesName: uniqueTitle("Series"),
    format: "BILATERAL_POLITICAL_CONSULTATIONS",
    counterpartCountry: "RU",
    title: uniqueTitle(),
    roundNumber: "5",
    startDate: "2023-06-20",
    city: "Islamabad",
    classification: "UNCLASSIFIED",
    ...overrides,
  });
}

/** A new draft round in a series of its own. */
export async function createTestRecord(actor: Actor, classification = "UNCLASSIFIED") {
  return createConsultation(actor, newRoundInput({ classification }));
}

/** The worked example with fresh row ids (row ids are global) and hostile-but-valid Unicode. */
export function workedExample(overrides: Partial<RecordData["facts"]> = {}): RecordData {
  const fresh = <T extends { id: string }>(rows: T[]) => rows.map((r) => ({ ...r, id: randomUUID() }));
  // Parsed, so that it is in the canonical form the database gives back.
  return recordSchema.parse({
    ...DEMO_ROUND_5,
    facts: { ...DEMO_ROUND_5.facts, classification: "UNCLASSIFIED", ...overrides },
    participants: [
      ...fresh(DEMO_ROUND_5.participants),
      { id: randomUUID(), side: "COUNTERPART", honorific: "г-н", name: "Андрей Юрьевич Руденко", title: "Заместитель министра", organisation: "МИД России", role: "MEMBER" },
      { id: randomUUID(), side: "HOME", honorific: "", name: "آصف مجید خان", title: "سیکرٹری خارجہ", organisation: "وزارت خارجہ", role: "MEMBER" },
      { id: randomUUID(), side: "HOME", honorific: "Dato'", name: "Amran “Al” O'Neil <b>&amp;</b>", title: "Adviser; 'quoted' \"twice\"", organisation: "Robert'); DROP TABLE \"User\";--", role: "MEMBER" },
    ],
    topics: fresh(DEMO_ROUND_5.topics),
    outcomes: fresh(DEMO_ROUND_5.outcomes).map((o) => ({ ...o, originId: null })),
    regionalIssues: fresh(DEMO_ROUND_5.regionalIssues),
    sideMeetings: [{ id: randomUUID(), kind: "COURTESY_CALL", withWhom: "Prime Minister", date: "2023-06-20", notes: "" }],
    references: fresh(DEMO_ROUND_5.references),
  });
}

export async function rowCounts(consultationId: string) {
  const where = { consultationId };
  const [participants, topics, outcomes, versions] = await Promise.all([
    prisma.participant.count({ where }),
    prisma.topic.count({ where }),
    prisma.outcome.count({ where }),
    prisma.consultationVersion.count({ where }),
  ]);
  return { participants, topics, outcomes, versions };
}
