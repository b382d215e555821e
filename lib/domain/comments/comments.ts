import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { issuesByPath } from "@/lib/validation/fields";
import { addCommentSchema } from "@/lib/validation/comment";

export type CommentResult = { status: "ok" } | { status: "invalid"; fieldErrors: Record<string, string[]> };

/** Reviewers comment, drafters answer; both may resolve. Viewers read. */
function mayDiscuss(actor: Actor): boolean {
  return hasPermission(actor, "consultation:review") || hasPermission(actor, "consultation:edit");
}

async function visibleRecord(actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such consultation.");
  const record = await prisma.consultation.findFirst({ where: { id, classification: { in: visibleClassifications(actor.clearance) } }, select: { id: true, version: true } });
  if (!record) throw new AppError("NOT_FOUND", "No such consultation.");
  return record;
}

export async function addComment(actor: Actor, id: string, raw: unknown): Promise<CommentResult> {
  if (!mayDiscuss(actor)) throw new AppError("FORBIDDEN", "Your role may read comments but not write them.");
  const record = await visibleRecord(actor, id);
  const parsed = addCommentSchema.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: issuesByPath(parsed.error) };
  const input = parsed.data;
  await prisma.$transaction(async (tx) => {
    let section = input.section;
    let rowId = input.rowId;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: input.parentId, consultationId: id, parentId: null }, select: { section: true, rowId: true } });
      if (!parent) throw new AppError("INVALID_INPUT", "The comment you replied to no longer exists.");
      ({ section, rowId } = { section: parent.section as typeof section, rowId: parent.rowId });
    }
    const created = await tx.comment.create({
      data: { consultationId: id, section, rowId, parentId: input.parentId, version: record.version, authorId: actor.id, body: input.body },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "consultation.comment", entityType: "consultation", entityId: id, details: { comment: created.id, section, rowId } });
  });
  return { status: "ok" };
}

export async function resolveComment(actor: Actor, id: string, commentId: string): Promise<void> {
  if (!mayDiscuss(actor)) throw new AppError("FORBIDDEN", "Your role may not resolve comments.");
  await visibleRecord(actor, id);
  if (!z.uuid().safeParse(commentId).success) throw new AppError("NOT_FOUND", "No such comment.");
  await prisma.$transaction(async (tx) => {
    // Only this record's comments: another record's comment id is not found, like a random one.
    const comment = await tx.comment.findFirst({ where: { id: commentId, consultationId: id }, select: { id: true } });
    if (!comment) throw new AppError("NOT_FOUND", "No such comment.");
    const { count } = await tx.comment.updateMany({ where: { id: commentId, consultationId: id, parentId: null, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id } });
    if (count === 0) throw new AppError("CONFLICT", "This comment is already resolved, or is a reply.");
    await writeAudit(tx, { actorId: actor.id, action: "consultation.comment_resolve", entityType: "consultation", entityId: id, details: { comment: commentId } });
  });
}

/** Threads of a record, oldest first, with their replies. */
export async function listComments(actor: Actor, id: string) {
  await visibleRecord(actor, id);
  const threads = await prisma.comment.findMany({
    where: { consultationId: id, parentId: null },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      section: true,
      rowId: true,
      version: true,
      body: true,
      createdAt: true,
      resolvedAt: true,
      author: { select: { name: true } },
      resolvedBy: { select: { name: true } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  return threads.map((t) => ({
    id: t.id,
    section: t.section,
    rowId: t.rowId,
    version: t.version,
    body: t.body,
    author: t.author.name,
    createdAt: t.createdAt.toISOString(),
    resolved: t.resolvedAt ? { by: t.resolvedBy?.name ?? "", at: t.resolvedAt.toISOString() } : null,
    replies: t.replies.map((r) => ({ id: r.id, body: r.body, author: r.author.name, createdAt: r.createdAt.toISOString() })),
  }));
}

export type CommentThread = Awaited<ReturnType<typeof listComments>>[number];
