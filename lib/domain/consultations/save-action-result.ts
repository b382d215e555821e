import type { SaveResult } from "@/lib/domain/consultations/save-record";

/** What the editor's save action answers: the domain result, or an error it can show. */
export type SaveActionResult = SaveResult | { status: "error"; code: string; message: string };
