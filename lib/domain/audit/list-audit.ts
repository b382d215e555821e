import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { urlDate } from "@/lib/validation/fields";

export const auditFilterSchema = z.object({
  action: z.string().trim().max(64).refine((v) => !v.includes("\u0000")).optional().catch(undefined),
  actor: z.string().trim().toLowerCase().max(254).refine((v) => !v.includes("\u0000")).optional().catch(undefined),
  from: urlDate.optional().catch(undefined),
  to: urlDate.optional().catch(undefined),
  /** Keyset pagination: rows older than this id. */
  before: z.coerce.bigint().positive().max(9_223_372_036_854_775_807n).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const PAGE = 100;

/** The audit log for administrators, newest first, filtered, one page at a time. */
export async function listAudit(actor: Actor, filter: AuditFilter) {
  if (!hasPermission(actor, "user:manage")) throw new AppError("FORBIDDEN", "Only administrators read the audit log.");
  const rows = await prisma.auditLog.findMany({
    where: {
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actor: { email: { contains: filter.actor } } } : {}),
      ...(filter.from || filter.to
        ? { at: { ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}), ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
        : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, details: true, actor: { select: { name: true, email: true } } },
  });
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]?.id : undefined };
}
