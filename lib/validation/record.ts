import { z } from "zod";
import { CLASSIFICATIONS } from "@/lib/auth/permissions";
import {
  choice,
  optionalChoice,
  optionalCountry,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
  rowId,
} from "@/lib/validation/fields";
import {
  COMMITMENT_STATUSES,
  DELEGATION_SIDES,
  HOST_SIDES,
  NEXT_ROUND_PLANS,
  OUTCOME_TYPES,
  PARTICIPANT_ROLES,
  SIDE_MEETING_KINDS,
  TOPIC_CATEGORIES,
  VENUE_MODES,
} from "@/lib/validation/vocabulary";

// One schema per section of the record, used by the editor for hints and by the server to
// decide. Limits are explicit and refused with a message, never truncated.
export const LIMITS = {
  summary: 10_000,
  context: 2_000,
  participants: 200,
  topics: 100,
  outcomes: 200,
  regionalIssues: 50,
  sideMeetings: 50,
  references: 50,
} as const;

const flag = z.boolean({ error: "Choose yes or no" }).default(true);

export const factsSchema = z
  .object({
    title: requiredText("Title", 300),
    roundNumber: z
      .union([z.null(), z.number(), z.string()], { error: "Enter a whole number" })
      .transform((v) => (v === null ? "" : String(v).trim()))
      .refine(
        (v) => v === "" || /^\d{1,3}$/.test(v),
        "Enter a whole number between 1 and 999, or leave it empty if unknown",
      )
      .transform((v) => (v === "" ? null : Number(v)))
      .refine(
        (v) => v === null || (v >= 1 && v <= 999),
        "Enter a whole number between 1 and 999, or leave it empty if unknown",
      ),
    startDate: requiredDate("Start date"),
    endDate: optionalDate(),
    venueMode: choice(VENUE_MODES, "Venue type"),
    venueCity: optionalText("City", 120),
    venueCountry: optionalCountry("Venue country"),
    hostSide: optionalChoice(HOST_SIDES, "Host"),
    atmosphere: optionalText("Atmosphere", 300),
    atmosphereIsPublic: flag,
    context: optionalText("Context", LIMITS.context),
    summary: optionalText("Summary", LIMITS.summary),
    classification: choice(CLASSIFICATIONS, "Classification"),
  })
  .strict()
  .superRefine(
    (f, ctx) => {
      if (
        typeof f.endDate === "string" &&
        typeof f.startDate === "string" &&
        f.endDate < f.startDate
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: "The end date is before the start date",
        });
      }
      if (f.venueMode !== "VIRTUAL" && f.venueCity === "") {
        ctx.addIssue({
          code: "custom",
          path: ["venueCity"],
          message: "City is required for a meeting held in person",
        });
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

export const participantSchema = z
  .object({
    id: rowId,
    side: choice(DELEGATION_SIDES, "Side"),
    honorific: optionalText("Honorific", 60),
    name: requiredText("Name", 200),
    title: optionalText("Title", 200),
    organisation: optionalText("Organisation", 200),
    role: choice(PARTICIPANT_ROLES, "Role"),
  })
  .strict();

export const topicSchema = z
  .object({
    id: rowId,
    category: choice(TOPIC_CATEGORIES, "Category"),
    subject: requiredText("Subject", 200),
    notes: optionalText("Notes", 5_000),
    isPublic: flag,
  })
  .strict();

export const outcomeSchema = z
  .object({
    id: rowId,
    type: choice(OUTCOME_TYPES, "Type"),
    text: requiredText("Text", 2_000),
    owner: optionalText("Owner", 200),
    dueDate: optionalDate(),
    status: optionalChoice(COMMITMENT_STATUSES, "Status"),
    originId: z.union([z.null(), rowId]).default(null),
    isPublic: flag,
  })
  .strict()
  // Owner, due date and status belong to commitments only; a commitment is open until told otherwise.
  .transform((o): OutcomeData =>
    o.type === "COMMITMENT"
      ? { ...o, status: o.status ?? "OPEN" }
      : { ...o, owner: "", dueDate: null, status: null, originId: null },
  );

export interface OutcomeData {
  id: string;
  type: (typeof OUTCOME_TYPES)[number];
  text: string;
  owner: string;
  dueDate: string | null;
  status: (typeof COMMITMENT_STATUSES)[number] | null;
  originId: string | null;
  isPublic: boolean;
}

export const regionalIssueSchema = z
  .object({
    id: rowId,
    region: requiredText("Region or country", 120),
    positions: optionalText("Positions exchanged", 5_000),
    isPublic: flag,
  })
  .strict();

export const sideMeetingSchema = z
  .object({
    id: rowId,
    kind: choice(SIDE_MEETING_KINDS, "Kind"),
    withWhom: requiredText("With whom", 300),
    date: optionalDate(),
    notes: optionalText("Notes", 2_000),
  })
  .strict();

export const referenceSchema = z
  .object({
    id: rowId,
    title: requiredText("Title", 300),
    date: optionalDate(),
    url: optionalText("Link", 2_000).refine(
      (v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v),
      "Enter a link starting with http:// or https://",
    ),
  })
  .strict();

export const nextRoundSchema = z
  .object({
    plan: choice(NEXT_ROUND_PLANS, "Plan"),
    city: optionalText("City", 120),
    country: optionalCountry("Country"),
    date: optionalDate(),
    note: optionalText("Note", 500),
  })
  .strict()
  .superRefine(
    (n, ctx) => {
      if (n.plan === "DATED" && !n.date)
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "Enter the date, or choose “dates to be fixed”",
        });
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

function rows<T extends z.ZodType>(schema: T, max: number, noun: string) {
  return z
    .array(schema, { error: `The list of ${noun} is not valid` })
    .max(max, `At most ${max} ${noun}`);
}

export const recordSchema = z
  .object({
    facts: factsSchema,
    // Stored by side, then precedence: our delegation first, order within a side kept.
    participants: rows(participantSchema, LIMITS.participants, "participants").transform((list) => [
      ...list.filter((p) => p.side === "HOME"),
      ...list.filter((p) => p.side === "COUNTERPART"),
    ]),
    topics: rows(topicSchema, LIMITS.topics, "topics"),
    outcomes: rows(outcomeSchema, LIMITS.outcomes, "outcomes"),
    regionalIssues: rows(regionalIssueSchema, LIMITS.regionalIssues, "regional issues"),
    sideMeetings: rows(sideMeetingSchema, LIMITS.sideMeetings, "side meetings"),
    references: rows(referenceSchema, LIMITS.references, "references"),
    nextRound: nextRoundSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    for (const key of [
      "participants",
      "topics",
      "outcomes",
      "regionalIssues",
      "sideMeetings",
      "references",
    ] as const) {
      r[key].forEach((row, i) => {
        if (seen.has(row.id))
          ctx.addIssue({ code: "custom", path: [key, i, "id"], message: "This row appears twice" });
        seen.add(row.id);
      });
    }
  });

/** What the editor holds: form-shaped values. */
export type RecordInput = z.input<typeof recordSchema>;
/** What is stored and compared: normalised values. */
export type RecordData = z.output<typeof recordSchema>;
export type RecordSection = keyof RecordData;
