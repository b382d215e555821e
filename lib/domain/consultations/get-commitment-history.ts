import "server-only";
import { prisma } from "@/lib/db";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

import type { CommitmentStep } from "@/lib/domain/consultations/commitment-step";

/**
 * For each carried-over commitment (by the id of the commitment where it was first made), its
 * status round by round, oldest first, limited to the rounds the actor may see.
 */
export async function getCommitmentHistory(actor: Actor, originIds: string[], upTo?: Date, approvedOnly = false): Promise<Record<string, CommitmentStep[]>> {
  if (originIds.length === 0) return {};
  const rows = await prisma.outcome.findMany({
    where: {
      OR: [{ id: { in: originIds } }, { originId: { in: originIds } }],
      // A round's briefing tells the story up to that round only (later rounds are not in its cache key).
      consultation: {
        classification: { in: visibleClassifications(actor.clearance) },
        ...(upTo ? { startDate: { lte: upTo } } : {}),
        ...(approvedOnly ? { status: "APPROVED" as const } : {}),
      },
    },
    select: {
      id: true,
      originId: true,
      status: true,
      dueDate: true,
      consultation: { select: { id: true, roundNumber: true, startDate: true } },
    },
    orderBy: { consultation: { startDate: "asc" } },
  });
  const out: Record<string, CommitmentStep[]> = {};
  for (const r of rows) {
    (out[r.originId ?? r.id] ??= []).push({
      consultationId: r.consultation.id,
      roundNumber: r.consultation.roundNumber,
      startDate: r.consultation.startDate.toISOString().slice(0, 10),
      status: r.status,
      dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    });
  }
  return out;
}
