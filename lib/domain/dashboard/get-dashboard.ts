import "server-only";
import { prisma } from "@/lib/db";
import { visibleClassifications, type Actor } from "@/lib/auth/permissions";

const row = { id: true, title: true, startDate: true, venueCity: true, counterpartCountry: true, classification: true, status: true } as const;

/** What waits for this user, and what they are working on, within their clearance. */
export async function getDashboard(actor: Actor) {
  const visible = { classification: { in: visibleClassifications(actor.clearance) } };
  const [waiting, mine, approved, recent] = await Promise.all([
    prisma.consultation.findMany({
      where: { ...visible, status: "IN_REVIEW", reviews: { some: { reviewerId: actor.id, decision: "PENDING" } } },
      orderBy: { updatedAt: "asc" },
      take: 20,
      select: { ...row, version: true, reviews: { where: { reviewerId: actor.id, decision: "PENDING" }, select: { version: true } } },
    }),
    prisma.consultation.findMany({
      where: { ...visible, createdById: actor.id, status: { in: ["DRAFT", "CHANGES_REQUESTED", "IN_REVIEW"] } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: row,
    }),
    prisma.consultation.findMany({
      where: { ...visible, status: "APPROVED", approvedAt: { gte: new Date(Date.now() - 30 * 86_400_000) } },
      orderBy: { approvedAt: "desc" },
      take: 10,
      select: row,
    }),
    prisma.consultation.findMany({ where: visible, orderBy: [{ startDate: "desc" }, { id: "desc" }], take: 5, select: row }),
  ]);
  // A pending review of an older version is moot: the drafter has moved on.
  const waitingForMe = waiting.filter((c) => c.reviews.some((r) => r.version === c.version));
  return { waitingForMe, myWork: mine, recentlyApproved: approved, recent };
}
