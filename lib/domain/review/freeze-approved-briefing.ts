import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { approvalOf, assembleBriefing } from "@/lib/domain/briefings/load-briefing";
import { getRecord } from "@/lib/domain/consultations/get-record";
import type { Briefing } from "@/lib/pdf/briefing";

const SYSTEM_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Stores what the approved version's briefing prints (its approvers included), so that the
 * approved PDF renders to the same bytes however the record and its series change afterwards.
 */
export async function freezeApprovedBriefing(id: string): Promise<Briefing | null> {
  const head = await prisma.consultation.findUnique({ where: { id }, select: { classification: true, status: true, approvedVersion: true, approvedAt: true } });
  if (!head || head.status !== "APPROVED" || head.approvedVersion === null) return null;
  // Read as the record's own classification allows, not as whoever happened to approve last, and
  // as a reader of approved briefings: an approved PDF, which viewers download, draws on approved
  // earlier rounds only, never on their drafts (load-briefing.ts).
  const system: Actor = { id: SYSTEM_ID, role: "VIEWER", clearance: head.classification };
  const record = await getRecord(system, id);
  const briefing: Briefing = {
    ...(await assembleBriefing(system, record)),
    approved: true,
    status: "APPROVED",
    ...(await approvalOf(id, head.approvedVersion)),
  };
  await prisma.consultation.updateMany({
    where: { id, approvedVersion: head.approvedVersion, status: "APPROVED" },
    data: { approvedBriefing: JSON.parse(JSON.stringify(briefing)) as object },
  });
  return briefing;
}
