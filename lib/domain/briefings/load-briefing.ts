import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  CLASSIFICATIONS,
  classificationRank,
  hasPermission,
  visibleClassifications,
  type Actor,
} from "@/lib/auth/permissions";
import { countryPrintName } from "@/lib/countries";
import { getCommitmentHistory } from "@/lib/domain/consultations/get-commitment-history";
import { getRecord, type RecordView } from "@/lib/domain/consultations/get-record";
import { documentReference } from "@/lib/pdf/document-meta";
import type { Briefing } from "@/lib/pdf/briefing";

const OPEN = ["OPEN", "IN_PROGRESS"] as const;

/** Commitments of earlier rounds whose latest state is still open and that this record does not carry. */
async function earlierOpenCommitments(
  reader: Actor,
  seriesId: string,
  before: Date,
  carried: Set<string>,
  approvedOnly: boolean,
) {
  const rows = await prisma.outcome.findMany({
    where: {
      type: "COMMITMENT",
      consultation: {
        seriesId,
        startDate: { lt: before },
        classification: { in: visibleClassifications(reader.clearance) },
        ...(approvedOnly ? { status: "APPROVED" as const } : {}),
      },
    },
    select: {
      id: true,
      originId: true,
      text: true,
      owner: true,
      dueDate: true,
      status: true,
      consultation: { select: { roundNumber: true, startDate: true } },
    },
    orderBy: { consultation: { startDate: "asc" } },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.originId ?? r.id, r);
  return [...latest.entries()]
    .filter(
      ([chain, r]) =>
        !carried.has(chain) && r.status !== null && (OPEN as readonly string[]).includes(r.status),
    )
    .map(([, r]) => ({
      text: r.text,
      owner: r.owner,
      dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
      status: r.status as string,
      round: r.consultation.roundNumber,
      date: r.consultation.startDate.toISOString().slice(0, 10),
    }));
}

/**
 * Who approved a version, and when it was approved (when it is the approved version): the
 * approval block of its briefing. Names in the order they approved.
 */
export async function approvalOf(
  id: string,
  version: number,
): Promise<{ approvedBy: string | null; approvedAt: string | null }> {
  const [head, approvers] = await Promise.all([
    prisma.consultation.findUnique({ where: { id }, select: { approvedVersion: true, approvedAt: true } }),
    prisma.review.findMany({
      where: { consultationId: id, version, decision: "APPROVED" },
      orderBy: { decidedAt: "asc" },
      select: { reviewer: { select: { name: true } } },
    }),
  ]);
  return {
    approvedBy: approvers.map((a) => a.reviewer.name).join(", ") || null,
    approvedAt: head?.approvedVersion === version ? (head.approvedAt?.toISOString() ?? null) : null,
  };
}

/**
 * Everything the templates print about a record. What comes from other records is limited to
 * the lower of the reader's clearance and the record's own classification: a briefing marked
 * RESTRICTED never carries a line from a SECRET round.
 */
export async function assembleBriefing(reader: Actor, record: RecordView): Promise<Briefing> {
  const data = record.data;
  const ceiling =
    CLASSIFICATIONS[
      Math.min(classificationRank(reader.clearance), classificationRank(data.facts.classification))
    ] ?? "UNCLASSIFIED";
  const limited: Actor = { ...reader, clearance: ceiling };
  // A reader who may download approved briefings only (a viewer) gets nothing from other rounds'
  // drafts either: only approved rounds feed the history and the earlier open commitments.
  const approvedOnly = !hasPermission(reader, "consultation:download-draft");
  const chains = new Set(data.outcomes.flatMap((o) => (o.originId ? [o.originId] : [])));
  const startDate = new Date(`${data.facts.startDate}T00:00:00Z`);
  const [history, earlierOpen, approval] = await Promise.all([
    getCommitmentHistory(limited, [...chains], startDate, approvedOnly),
    earlierOpenCommitments(
      limited,
      record.series.id,
      startDate,
      new Set([...chains, ...data.outcomes.map((o) => o.id)]),
      approvedOnly,
    ),
    record.status === "APPROVED" ? approvalOf(record.id, record.version) : { approvedBy: null, approvedAt: null },
  ]);
  return {
    id: record.id,
    reference: documentReference(record.id, startDate),
    version: record.version,
    status: record.status,
    approved: record.status === "APPROVED",
    ...approval,
    seriesName: record.series.name,
    homeCountryName: countryPrintName(record.series.homeCountry),
    counterpartNames: record.series.counterpartCountries.map(countryPrintName).join(", "),
    venueCountryName: data.facts.venueCountry ? countryPrintName(data.facts.venueCountry) : null,
    nextRoundCountryName: data.nextRound.country ? countryPrintName(data.nextRound.country) : null,
    data,
    earlierOpen,
    history,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The current version of a record as the templates need it; NOT_FOUND above the actor's clearance. */
export async function loadBriefing(actor: Actor, id: string): Promise<Briefing> {
  if (!hasPermission(actor, "consultation:download"))
    throw new AppError("FORBIDDEN", "You may not download briefings.");
  return assembleBriefing(actor, await getRecord(actor, id));
}
