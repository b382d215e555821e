import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { CLASSIFICATIONS } from "@/lib/auth/permissions";

const isoDate = z
  .string()
  .trim()
  .min(1, { message: "Enter the start date", abort: true })
  // One message per problem: a malformed date is not also reported as out of range.
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { message: "Enter a date as YYYY-MM-DD", abort: true })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    },
    { message: "This date does not exist", abort: true },
  )
  .refine((v) => v >= "1900-01-01" && v <= "2200-12-31", "Enter a date between 1900 and 2200");

// NUL bytes cannot be stored in PostgreSQL text; refuse them with a message rather than a 500.
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !v.includes("\u0000"), `${label} contains an invalid character`);

export const createConsultationSchema = z
  .object({
    title: text("Title", 300),
    startDate: isoDate,
    city: text("City", 120),
    counterpartCountry: z
      .string({ error: "Choose the counterpart country" })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, "Choose the counterpart country from the list"),
    classification: z.enum(CLASSIFICATIONS, { error: "Choose a classification" }),
  })
  .strict();

export type CreateConsultationInput = z.infer<typeof createConsultationSchema>;
export type ConsultationField = keyof CreateConsultationInput;
