import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.logout_everywhere"
  | "auth.totp_enabled"
  | "auth.totp_disabled"
  | "user.totp_reset"
  | "user.create"
  | "user.update"
  | "user.reset_password"
  | "user.invite"
  | "user.accept_invitation"
  | "consultation.create"
  | "consultation.update"
  | "consultation.submit"
  | "consultation.approve"
  | "consultation.request_changes"
  | "consultation.revise"
  | "consultation.restore"
  | "consultation.comment"
  | "consultation.comment_resolve"
  | "consultation.download"
  | "commitment.status";

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
}

/** What writing an audit row needs: a transaction client, or the client for a lone write. */
export interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> };
}

/** Call inside the transaction of the action it records, so both land or neither does. */
export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
    },
  });
}
