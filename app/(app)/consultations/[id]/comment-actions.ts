"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { addComment, resolveComment } from "@/lib/domain/comments/comments";
import { isAppError } from "@/lib/errors";

export interface CommentFormState {
  /** The error's code (NOT_FOUND, FORBIDDEN, CONFLICT…) when the action was refused. */
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Bumped after a success, so the form clears itself. */
  sent?: number;
  body?: string;
}

export async function addCommentAction(prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  const id = String(formData.get("id") ?? "");
  const body = String(formData.get("body") ?? "");
  try {
    const r = await addComment(user, id, { section: formData.get("section"), rowId: formData.get("rowId") ?? "", parentId: formData.get("parentId") ?? "", body });
    if (r.status === "invalid") return { message: "The comment was not added.", fieldErrors: r.fieldErrors, body };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, code: error.code, body };
    throw error;
  }
  revalidatePath(`/consultations/${id}`);
  return { sent: (prev.sent ?? 0) + 1 };
}

export async function resolveCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  const id = String(formData.get("id") ?? "");
  try {
    await resolveComment(user, id, String(formData.get("commentId") ?? ""));
  } catch (error) {
    if (isAppError(error)) return { message: error.message, code: error.code };
    throw error;
  }
  revalidatePath(`/consultations/${id}`);
  return {};
}
