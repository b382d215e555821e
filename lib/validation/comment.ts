import { z } from "zod";
import { requiredText } from "@/lib/validation/fields";

export const COMMENT_SECTIONS = ["general", "facts", "participants", "topics", "outcomes", "regionalIssues", "sideMeetings", "nextRound", "references"] as const;
export type CommentSection = (typeof COMMENT_SECTIONS)[number];

export const addCommentSchema = z
  .object({
    section: z.enum(COMMENT_SECTIONS, { error: "Choose what the comment is about" }),
    rowId: z.union([z.literal(""), z.null(), z.uuid("Choose a row from the list")]).transform((v) => v || null),
    parentId: z.union([z.literal(""), z.null(), z.uuid()]).transform((v) => v || null),
    body: requiredText("Comment", 5_000),
  })
  .strict();
export type AddCommentInput = z.infer<typeof addCommentSchema>;
