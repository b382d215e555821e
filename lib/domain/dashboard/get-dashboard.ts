import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";
import { listCommitments } from "@/lib/domain/commitments/commitments";

const row = { id: true, title: true, startDate: true, venueCity: true, counterpartCountry: true, classification: true, status: true } as const;

/** What waits for this user, and what they are working on, within their clearance. */
export async function getDashboard(actor: Actor) {
  const visible = { classification: { in: visibleClassifications(actor.clearance) } };
  const mineWhere = { OR: [{ createdById: actor.id }, { updatedById: actor.id }] };
  const [waiting, drafts, changesRequested, approved, upcoming, overdue, dueSoon] = await Promise.all([
    prisma.consultation.findMany({
      where: { ...visible, status: "IN_REVIEW", reviews: { some: { reviewerId: actor.id, decision: "PENDING" } } },
      orderBy: { updatedAt: "asc" },
      take: 20,
      select: { ...row, version: true, reviews: { where: { reviewerId: actor.id, decision: "PENDING" }, select: { version: true } } },
    }),
    prisma.consultation.findMany({ where: { ...visible, ...mineWhere, status: { in: ["DRAFT", "IN_REVIEW"] } }, orderBy: { updatedAt: "desc" }, take: 20, select: row }),
    prisma.consultation.findMany({ where: { ...visible, ...mineWhere, status: "CHANGES_REQUESTED" }, orderBy: { updatedAt: "desc" }, take: 20, select: row }),
    prisma.consultation.findMany({
      where: { ...visible, status: "APPROVED", approvedAt: { gte: new Date(Date.now() - 30 * 86_400_000) } },
      orderBy: { approvedAt: "desc" },
      take: 10,
      select: row,
    }),
    upcomingRounds(actor),
    listCommitments(actor, { due: "overdue" }, 10),
    listCommitments(actor, { due: "30days" }, 10),
  ]);
  // A pending review of an older version is moot: the drafter has moved on.
  const waitingForMe = waiting.filter((c) => c.reviews.some((r) => r.version === c.version));
  return { waitingForMe, myDrafts: drafts, changesRequested, recentlyApproved: approved, upcoming, overdue: overdue.rows, dueSoon: dueSoon.rows };
}

/**
 * The next round of each series, as its latest round (within clearance) planned it: dated ones
 * from today on, soonest first, then those "to be fixed".
 */
export function upcomingSql(actor: Actor, plan: "DATED" | "TO_BE_FIXED"): Prisma.Sql {
  const visible = visibleClassifications(actor.clearance);
  return Prisma.sql`
    SELECT c.id, c.title, c."startDate", c."nextRoundDate", c."nextRoundCity", c."nextRoundCountry", s.name AS "seriesName"
    FROM "Consultation" c JOIN "Series" s ON s.id = c."seriesId"
    WHERE c.classification = ANY(${visible}::"Classification"[]) AND c."nextRoundPlan" = ${plan}::"NextRoundPlan"
      ${plan === "DATED" ? Prisma.sql`AND c."nextRoundDate" >= current_date` : Prisma.empty}
      AND NOT EXISTS (
        SELECT 1 FROM "Consultation" l
        WHERE l."seriesId" = c."seriesId" AND l.classification = ANY(${visible}::"Classification"[]) AND (l."startDate", l.id) > (c."startDate", c.id))
    ORDER BY ${plan === "DATED" ? Prisma.sql`c."nextRoundDate", c.id` : Prisma.sql`c."startDate" DESC, c.id DESC`}
    LIMIT 10`;
}

async function upcomingRounds(actor: Actor) {
  const [dated, toBeFixed] = await Promise.all([prisma.$queryRaw<UpcomingRound[]>(upcomingSql(actor, "DATED")), prisma.$queryRaw<UpcomingRound[]>(upcomingSql(actor, "TO_BE_FIXED"))]);
  return { dated, toBeFixed };
}

export interface UpcomingRound {
  id: string;
  title: string;
  startDate: Date;
  nextRoundDate: Date | null;
  nextRoundCity: string;
  nextRoundCountry: string | null;
  seriesName: string;
}
