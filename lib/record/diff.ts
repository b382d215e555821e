import { label } from "@/lib/validation/vocabulary";
import { ROW_SECTIONS, rowsOf, type AnyRow, type RecordForm, type RowSection } from "@/lib/record/form";

export interface Change {
  kind: "changed" | "added" | "removed";
  /** Where, in words: "Facts — Summary", "Outcome “Expand cooperation…” — Status". */
  label: string;
  before: string;
  after: string;
}

export const SECTION_NAMES: Record<RowSection | "facts" | "nextRound", string> = {
  facts: "Meeting facts",
  participants: "Delegations",
  topics: "Topics",
  outcomes: "Outcomes",
  regionalIssues: "Regional issues",
  sideMeetings: "Side meetings",
  references: "References",
  nextRound: "Next round",
};

const FIELD_NAMES: Record<string, string> = {
  roundNumber: "Round number",
  startDate: "Start date",
  endDate: "End date",
  venueMode: "Venue type",
  venueCity: "City",
  venueCountry: "Country",
  hostSide: "Host",
  withWhom: "With whom",
  isPublic: "Public",
  atmosphereIsPublic: "Atmosphere in the public readout",
  dueDate: "Due date",
  url: "Link",
  plan: "Plan",
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

type Row = AnyRow;

export function rowName(section: RowSection, row: Row): string {
  const main = String(row.name ?? row.subject ?? row.text ?? row.region ?? row.withWhom ?? row.title ?? "");
  const short = main.length > 48 ? `${main.slice(0, 47)}…` : main;
  const noun = { participants: "Participant", topics: "Topic", outcomes: "Outcome", regionalIssues: "Regional issue", sideMeetings: "Side meeting", references: "Reference" }[section];
  return short ? `${noun} “${short}”` : noun;
}

export function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (v === null || v === undefined || v === "") return "—";
  const s = String(v);
  return /^[A-Z][A-Z_]+$/.test(s) ? label(s) : s;
}

function diffObject(prefix: string, a: Record<string, unknown>, b: Record<string, unknown>, out: Change[]) {
  for (const key of Object.keys(b)) {
    if (key === "id" || key === "originId") continue;
    if (a[key] !== b[key]) out.push({ kind: "changed", label: `${prefix} — ${fieldName(key)}`, before: show(a[key]), after: show(b[key]) });
  }
}

/** Field-by-field differences from `a` to `b`; rows are matched by id, so a moved row is not a change. */
export function diffForms(a: RecordForm, b: RecordForm): Change[] {
  const out: Change[] = [];
  diffObject(SECTION_NAMES.facts, { ...a.facts }, { ...b.facts }, out);
  for (const section of ROW_SECTIONS) {
    const before = new Map(rowsOf(a, section).map((r) => [r.id, r]));
    const after = new Map(rowsOf(b, section).map((r) => [r.id, r]));
    for (const [id, row] of after) {
      const old = before.get(id);
      if (!old) out.push({ kind: "added", label: `${SECTION_NAMES[section]} — ${rowName(section, row)}`, before: "—", after: "added" });
      else diffObject(`${SECTION_NAMES[section]} — ${rowName(section, row)}`, old, row, out);
    }
    for (const [id, row] of before) {
      if (!after.has(id)) out.push({ kind: "removed", label: `${SECTION_NAMES[section]} — ${rowName(section, row)}`, before: "present", after: "removed" });
    }
  }
  diffObject(SECTION_NAMES.nextRound, { ...a.nextRound }, { ...b.nextRound }, out);
  return out;
}
