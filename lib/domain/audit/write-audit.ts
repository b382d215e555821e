import { pool } from "@/lib/db";
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

/** What writing an audit row in a transaction needs: its client (rows of their own: writeAuditAlone). */
export interface AuditWriter {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

// One statement, its values bound as parameters (never spliced into the text). Not the ORM's
// create: that reads the new row back, ~1 ms more a write on this machine (decision 0009, item 15).
const INSERT = `INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", details) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)`;

function values(entry: AuditEntry): unknown[] {
  return [
    entry.actorId,
    entry.action,
    entry.entityType ?? null,
    entry.entityId ?? null,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  ];
}

/** Call inside the transaction of the action it records, so both land or neither does. */
export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.$executeRawUnsafe(INSERT, ...values(entry));
}

/**
 * Audit rows that are a transaction of their own (a download writes nothing else), in one
 * statement straight to the driver's pool: it is on the path of every audited download.
 */
export async function writeAuditAlone(entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(values);
  await pool.query(
    `INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", details)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[])`,
    [0, 1, 2, 3, 4].map((column) => rows.map((row) => row[column])),
  );
}
