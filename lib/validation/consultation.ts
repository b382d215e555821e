import { z } from "zod";
import { CLASSIFICATIONS } from "@/lib/auth/permissions";
import { choice, requiredCountry, requiredDate, requiredText } from "@/lib/validation/fields";
import { MECHANISM_FORMATS } from "@/lib/validation/vocabulary";

export const NEW_SERIES = "new";

/** "New consultation": the essentials of a round, in an existing series or a new one. */
export const createConsultationSchema = z
  .object({
    seriesId: z.union([z.literal(NEW_SERIES), z.uuid("Choose a series from the list")], { error: "Choose a series" }),
    seriesName: z.string().trim().default(""),
    format: z.string().trim().default(""),
    counterpartCountry: z.string().trim().default(""),
    title: requiredText("Title", 300),
    roundNumber: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 1), "Enter a whole number between 1 and 999, or leave it empty")
      .transform((v) => (v === "" ? null : Number(v))),
    startDate: requiredDate("Start date"),
    city: requiredText("City", 120),
    classification: choice(CLASSIFICATIONS, "Classification"),
  })
  .strict()
  .transform((v, ctx) => {
    if (v.seriesId !== NEW_SERIES) return { ...v, newSeries: null };
    // A new series needs its own name, format and counterpart.
    const name = requiredText("Series name", 300).safeParse(v.seriesName);
    const format = choice(MECHANISM_FORMATS, "Format").safeParse(v.format);
    const country = requiredCountry("Counterpart country").safeParse(v.counterpartCountry);
    if (!name.success) ctx.addIssue({ code: "custom", path: ["seriesName"], message: name.error.issues[0]?.message ?? "Series name is required" });
    if (!format.success) ctx.addIssue({ code: "custom", path: ["format"], message: "Choose a format" });
    if (!country.success) ctx.addIssue({ code: "custom", path: ["counterpartCountry"], message: country.error.issues[0]?.message ?? "Choose the counterpart country" });
    if (!name.success || !format.success || !country.success) return z.NEVER;
    return { ...v, newSeries: { name: name.data, format: format.data, counterpartCountry: country.data } };
  });

export type CreateConsultationInput = z.output<typeof createConsultationSchema>;
export type ConsultationField = keyof z.input<typeof createConsultationSchema>;
