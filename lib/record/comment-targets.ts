import { SECTION_NAMES, rowName } from "@/lib/record/diff";
import type { AnyRow } from "@/lib/record/form";
import type { RecordData } from "@/lib/validation/record";
import { COMMENT_SECTIONS } from "@/lib/validation/comment";

type RowSectionKey = "participants" | "topics" | "outcomes" | "regionalIssues" | "sideMeetings" | "references";
const ROWS: RowSectionKey[] = ["participants", "topics", "outcomes", "regionalIssues", "sideMeetings", "references"];

/** What a comment can be about: each section, and each row by a readable name. */
export function commentTargets(data: RecordData) {
  const sections = COMMENT_SECTIONS.map((value) => ({ value, label: value === "general" ? "The record as a whole" : SECTION_NAMES[value] }));
  const rows: Record<string, { value: string; label: string }[]> = {};
  for (const section of ROWS) rows[section] = (data[section] as unknown as AnyRow[]).map((r) => ({ value: r.id, label: rowName(section, r) }));
  return { sections, rows };
}

export type OpenCommentMap = Record<string, { id: string; body: string; author: string }[]>;

export const commentKey = (section: string, rowId: string | null) => `${section}:${rowId ?? ""}`;
