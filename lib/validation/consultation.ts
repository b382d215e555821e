import { z } from "zod";
import { CLASSIFICATIONS } from "@/lib/auth/permissions";
import { choice, requiredCountry, requiredDate, requiredText } from "@/lib/validation/fields";
import { MECHANISM_FORMATS } from "@/lib/validation/vocabulary";

export const NEW_SERIES = "new";

/** "New consultation": the essentials of a round, in an existing series or a new one. */
export const createConsultationSchema = z
  .object({
    seriesId: z.union([z.literal(NEW_SERIES), z.uuid("Choose a series from the list")], {
      error: "Choose a series",
    }),
    seriesName: z.string().trim().default(""),
    format: z.string().trim().default(""),
    counterpartCountry: z.string().trim().default(""),
    title: requiredText("Title", 300),
    roundNumber: z
      .string()
      .trim()
      .default("")
      .refine(
        (v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 1),
        "Enter a whole number between 1 and 999, or leave it empty",
      )
      .transform((v) => (v === "" ? null : Number(v))),
    startDate: requiredDate("Start date"),
    city: requiredText("City", 120),
    classification: choice(CLASSIFICATIONS, "Classification"),
  })
  .strict()
  // A new series needs its own name, format and counterpart. Checked even when other fields
  // failed, so the form shows every problem at once.
  .superRefine(
    (v, ctx) => {
      if (v.seriesId !== NEW_SERIES) return;
      const checks = [
        ["seriesName", requiredText("Series name", 300)],
        ["format", choice(MECHANISM_FORMATS, "Format")],
        ["counterpartCountry", requiredCountry("Counterpart country")],
      ] as const;
      for (const [field, schema] of checks) {
        const r = schema.safeParse(v[field]);
        if (!r.success)
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: r.error.issues[0]?.message ?? "Required",
          });
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  )
  .transform((v) => ({
    ...v,
    newSeries:
      v.seriesId === NEW_SERIES
        ? {
            name: v.seriesName,
            format: choice(MECHANISM_FORMATS, "Format").parse(v.format),
            counterpartCountry: v.counterpartCountry.toUpperCase(),
          }
        : null,
  }));

export type CreateConsultationInput = z.output<typeof createConsultationSchema>;
export type ConsultationField = keyof z.input<typeof createConsultationSchema>;
