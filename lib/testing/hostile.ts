import { expect } from "vitest";
import fc from "fast-check";
import { isAppError } from "@/lib/errors";

// Hostile input for the fuzz tests (*.fuzz.test.ts): what an attacker, a broken client or a
// hand-edited URL may send to a server action or a route handler.

/** Strings that have broken (or could break) parsers, SQL, PostgreSQL text, dates and numbers. */
export const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "'; DROP TABLE \"Consultation\"; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "Robert'); DELETE FROM \"User\";--",
  "${process.env}",
  "%_\\",
  "\uD800",
  "\uDC00x",
  "‮reversed‬",
  "x".repeat(100_000),
  "𝕏".repeat(3_000),
  "2023-02-30",
  "9999-99-99",
  "0000-01-01",
  "0000-02-29",
  "9999-12-31",
  "-1",
  "0",
  "2147483648",
  "99999999999999999999999",
  "1e309",
  "NaN",
  "Infinity",
  "0x1F",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "[]",
  "{}",
);

/** Any value a JSON body or a hand-made call could carry. */
export const hostile = fc.oneof(
  nasty,
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string()),
);

/** What a text field of an HTML form can carry: a string (FormData.get gives strings or null). */
export const hostileText = fc.oneof(nasty, fc.string(), fc.string({ unit: "grapheme", maxLength: 30 }), fc.constant(null));

/** A hostile string that still looks like an id (uuid-shaped or not). */
export const hostileId = fc.oneof(fc.uuid(), nasty, fc.string());

/** URL query parameters as Next.js hands them to a page: a string, repeated (an array), or absent. */
export function hostileQuery(keys: readonly string[], good: fc.Arbitrary<string> = fc.constant("")): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  const value = fc.oneof(nasty, fc.string({ maxLength: 40 }), good, fc.array(fc.oneof(nasty, good), { minLength: 1, maxLength: 3 }), fc.constant(undefined));
  return fc.record(Object.fromEntries([...keys, "unknown"].map((k) => [k, value])), { requiredKeys: [] });
}

/**
 * Runs what an action runs: it may succeed, or be refused with an AppError whose status is below
 * 500. Any other exception (a driver error, a TypeError) fails the test.
 */
export async function expectRefusal(run: () => Promise<unknown>): Promise<"ok" | "refused"> {
  try {
    await run();
    return "ok";
  } catch (error) {
    expect(isAppError(error), String(error instanceof Error ? error.stack : error)).toBe(true);
    if (isAppError(error)) expect(error.status).toBeLessThan(500);
    return "refused";
  }
}
