export interface FormState<F extends string = string> {
  /** The error's code (NOT_FOUND, FORBIDDEN, CONFLICT…) when the action was refused. */
  code?: string;
  status: "idle" | "error";
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  /** What the user typed, echoed back so nothing is lost when the server refuses it. */
  values?: Partial<Record<F, string>>;
}

/** Reads only the named fields from a submitted form, as strings; anything else is ignored. */
export function pickFields<F extends string>(formData: FormData, fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    const v = formData.get(f);
    out[f] = typeof v === "string" ? v : "";
  }
  return out;
}
