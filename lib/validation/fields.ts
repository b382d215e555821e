import { z } from "zod";
import { isCountryCode } from "@/lib/countries";

// Building blocks shared by every form schema. Inputs are what an HTML form holds (strings,
// booleans); outputs are normalised (trimmed, "" → null for optional values).

/** NUL (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (not Unicode; jsonb refuses it). */
export function hasInvalidCharacter(v: string): boolean {
  return v.includes("\u0000") || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);
}

/** Required text with an explicit limit; characters PostgreSQL cannot store are refused. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters`)
    .refine((v) => !hasInvalidCharacter(v), `${label} contains an invalid character`);
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters`)
    .refine((v) => !hasInvalidCharacter(v), `${label} contains an invalid character`)
    .default("");
}

/** The one thing wrong with a date string, or null. One message per problem, never two. */
function dateProblem(v: string, label: string | null): string | null {
  if (v === "") return label ? `Enter the ${label.toLowerCase()}` : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return "Enter a date as YYYY-MM-DD";
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v)) return "This date does not exist";
  if (v < "1900-01-01" || v > "2200-12-31") return "Enter a date between 1900 and 2200";
  return null;
}

/**
 * A date in a URL parameter or a page cursor: YYYY-MM-DD, a real day, and one PostgreSQL can
 * store (zod's ISO date allows the year 0000, which PostgreSQL refuses: a 500, not a filter).
 */
export const urlDate = z.iso.date().refine((v) => v >= "0001-01-01", "Not a date");

// No `abort`: an explicitly aborted field would stop the form-level checks that report the
// other fields' problems in the same answer.
export function requiredDate(label: string) {
  return z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .trim()
    .superRefine((v, ctx) => {
      const problem = dateProblem(v, label);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

export function optionalDate() {
  return z
    .union([z.null(), z.string()], { error: "Enter a date as YYYY-MM-DD" })
    .transform((v) => (v ?? "").trim())
    .superRefine((v, ctx) => {
      const problem = dateProblem(v, null);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((v) => (v === "" ? null : v));
}

export function optionalCountry(label = "Country") {
  return z
    .union([z.null(), z.string()], { error: `Choose the ${label.toLowerCase()} from the list` })
    .transform((v) => (v ?? "").trim().toUpperCase())
    .refine((v) => v === "" || isCountryCode(v), `Choose the ${label.toLowerCase()} from the list`)
    .transform((v) => (v === "" ? null : v));
}

export function requiredCountry(label = "Country") {
  return z
    .string({ error: `Choose the ${label.toLowerCase()}` })
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isCountryCode(v), `Choose the ${label.toLowerCase()} from the list`)
    .refine((v) => v !== "", `Choose the ${label.toLowerCase()}`);
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `Choose a ${label.toLowerCase()}` });
}

export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z
    .union([z.null(), z.literal(""), z.enum(values)], { error: `Choose a ${label.toLowerCase()}` })
    .transform((v) => (v === "" || v === null ? null : v));
}

export const rowId = z.string({ error: "Row id is missing" }).uuid("Row id is not valid");

/** Turns zod issues into `{ "outcomes.3.text": ["…"] }`, the shape forms look errors up by. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
