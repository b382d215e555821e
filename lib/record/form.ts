import type { RecordData } from "@/lib/validation/record";

// What the editor holds: every value as a form control holds it (strings and booleans).
// recordSchema accepts this shape and turns it back into RecordData.
export interface FactsForm {
  title: string;
  roundNumber: string;
  startDate: string;
  endDate: string;
  venueMode: string;
  venueCity: string;
  venueCountry: string;
  hostSide: string;
  atmosphere: string;
  atmosphereIsPublic: boolean;
  context: string;
  summary: string;
  classification: string;
}
export interface ParticipantForm {
  id: string;
  side: string;
  honorific: string;
  name: string;
  title: string;
  organisation: string;
  role: string;
}
export interface TopicForm {
  id: string;
  category: string;
  subject: string;
  notes: string;
  isPublic: boolean;
}
export interface OutcomeForm {
  id: string;
  type: string;
  text: string;
  owner: string;
  dueDate: string;
  status: string;
  originId: string | null;
  isPublic: boolean;
}
export interface RegionalIssueForm {
  id: string;
  region: string;
  positions: string;
  isPublic: boolean;
}
export interface SideMeetingForm {
  id: string;
  kind: string;
  withWhom: string;
  date: string;
  notes: string;
}
export interface ReferenceForm {
  id: string;
  title: string;
  date: string;
  url: string;
}
export interface NextRoundForm {
  plan: string;
  city: string;
  country: string;
  date: string;
  note: string;
}
export interface RecordForm {
  facts: FactsForm;
  participants: ParticipantForm[];
  topics: TopicForm[];
  outcomes: OutcomeForm[];
  regionalIssues: RegionalIssueForm[];
  sideMeetings: SideMeetingForm[];
  references: ReferenceForm[];
  nextRound: NextRoundForm;
}

export type RowSection = "participants" | "topics" | "outcomes" | "regionalIssues" | "sideMeetings" | "references";
export const ROW_SECTIONS: readonly RowSection[] = ["participants", "topics", "outcomes", "regionalIssues", "sideMeetings", "references"];

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export function toForm(d: RecordData): RecordForm {
  return {
    facts: {
      ...d.facts,
      roundNumber: s(d.facts.roundNumber),
      endDate: s(d.facts.endDate),
      venueCountry: s(d.facts.venueCountry),
      hostSide: s(d.facts.hostSide),
    },
    participants: d.participants.map((p) => ({ ...p })),
    topics: d.topics.map((t) => ({ ...t })),
    outcomes: d.outcomes.map((o) => ({ ...o, dueDate: s(o.dueDate), status: s(o.status) })),
    regionalIssues: d.regionalIssues.map((r) => ({ ...r })),
    sideMeetings: d.sideMeetings.map((m) => ({ ...m, date: s(m.date) })),
    references: d.references.map((r) => ({ ...r, date: s(r.date) })),
    nextRound: { ...d.nextRound, country: s(d.nextRound.country), date: s(d.nextRound.date) },
  };
}

export type AnyRow = { id: string } & Record<string, unknown>;

/** The rows of a section, untyped, for code that treats every section alike (diff, merge). */
export function rowsOf(form: RecordForm, section: RowSection): AnyRow[] {
  return form[section] as unknown as AnyRow[];
}
