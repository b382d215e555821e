import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { commitmentSql } from "@/lib/domain/commitments/commitments";
import { searchSql } from "@/lib/domain/consultations/search-consultations";
import { upcomingSql } from "@/lib/domain/dashboard/get-dashboard";
import { createTestUser } from "@/lib/testing/factories";

// Every query behind the list, the search, the tracker and the dashboard has an index to use:
// with sequential scans priced out (enable_seqscan = off), no plan may still need one. (On the
// small test database the planner would happily scan; this asks whether it ever has to.)
async function seqScans(sql: Prisma.Sql): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const [row] = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
    const found: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (node["Node Type"] === "Seq Scan") found.push(String(node["Relation Name"]));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(((row?.["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0] as { Plan: Record<string, unknown> }).Plan);
    return found;
  });
}

const deepCursor = Buffer.from(JSON.stringify({ k: "2015-01-01", id: "00000000-0000-4000-8000-000000000001" })).toString("base64url");

describe("query plans", () => {
  it("uses an index for every query of the list, search, tracker and dashboard", async () => {
    const actor: Actor = await createTestUser({ role: "DRAFTER", clearance: "RESTRICTED" });
    const queries: Record<string, Prisma.Sql> = {
      "list, newest": searchSql(actor, {}).rows,
      "list, deep page": searchSql(actor, { after: deepCursor }).rows,
      "list, count": searchSql(actor, {}).count,
      "list, oldest, filtered": searchSql(actor, { sort: "oldest", country: "RU", status: "APPROVED", from: "2020-01-01" }).rows,
      "list, by topic": searchSql(actor, { category: "ENERGY" }).rows,
      "list, by series": searchSql(actor, { series: "00000000-0000-4000-8000-000000000001" }).rows,
      "search, ranked": searchSql(actor, { q: "energy cooperation" }).rows,
      "search, count": searchSql(actor, { q: "energy" }).count,
      "search, by date": searchSql(actor, { q: "Руденко", sort: "newest" }).rows,
      "tracker, dated": commitmentSql(actor, {}).dated as Prisma.Sql,
      "tracker, undated": commitmentSql(actor, {}).undated,
      "tracker, overdue": commitmentSql(actor, { due: "overdue" }).dated as Prisma.Sql,
      "tracker, by status": commitmentSql(actor, { status: "OPEN", country: "RU" }).dated as Prisma.Sql,
      "dashboard, dated rounds": upcomingSql(actor, "DATED"),
      "dashboard, rounds to be fixed": upcomingSql(actor, "TO_BE_FIXED"),
    };
    const scans: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(queries)) scans[name] = await seqScans(sql);
    expect(scans).toEqual(Object.fromEntries(Object.keys(queries).map((k) => [k, []])));
    // The check itself can fail: a filter on an unindexed column still needs a sequential scan.
    expect(await seqScans(Prisma.sql`SELECT id FROM "Consultation" WHERE atmosphere = 'Cordial'`)).toEqual(["Consultation"]);
  });
});
