import { z } from "zod";
import { optionalText } from "@/lib/validation/fields";

export const submitForReviewSchema = z
  .object({
    version: z.coerce.number({ error: "Reload the page: the version is missing" }).int().min(1),
    reviewerIds: z
      .array(z.uuid("Choose reviewers from the list"), { error: "Choose at least one reviewer" })
      .min(1, "Choose at least one reviewer")
      .max(10, "At most 10 reviewers")
      .refine((ids) => new Set(ids).size === ids.length, "A reviewer is named twice"),
  })
  .strict();

export const decideReviewSchema = z
  .object({
    decision: z.enum(["APPROVE", "REQUEST_CHANGES"], { error: "Choose approve or request changes" }),
    comment: optionalText("Comment", 5_000),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision === "REQUEST_CHANGES" && d.comment === "") {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Say what needs to change" });
    }
  });

export type SubmitForReviewInput = z.infer<typeof submitForReviewSchema>;
export type DecideReviewInput = z.infer<typeof decideReviewSchema>;
