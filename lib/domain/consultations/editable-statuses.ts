import type { RecordStatus } from "@/lib/generated/prisma/enums";

/** A record can be edited while it is a draft or sent back for changes; otherwise it is locked. */
export const EDITABLE_STATUSES = ["DRAFT", "CHANGES_REQUESTED"] as const satisfies readonly RecordStatus[];

export function isEditable(status: RecordStatus): boolean {
  return (EDITABLE_STATUSES as readonly RecordStatus[]).includes(status);
}
