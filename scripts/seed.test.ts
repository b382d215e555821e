import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Briefing } from "@/lib/pdf/briefing";
import { renderPdf } from "@/lib/pdf/render";
import { pdfPageTexts } from "@/lib/testing/pdf-text";

// The demo a zero-config start creates (prisma/seed.ts) in a database of its own: its approved
// round is approved as an approval leaves a record, so that its approved version downloads.
const server = process.env.DATABASE_URL as string;
const db = `readout_seed_${Date.now().toString(36)}_${process.pid}`;
const url = Object.assign(new URL(server), { pathname: `/${db}` }).href;

async function sql<T extends pg.QueryResultRow>(target: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const run = (script: string, args: string[], target = url, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [script, ...args], {
    env: { ...process.env, DATABASE_URL: target, DEMO_ADMIN_PASSWORD: "seed-test-password", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });

const db2 = `${db}_b`;
const url2 = Object.assign(new URL(server), { pathname: `/${db2}` }).href;

afterAll(async () => {
  await sql(server, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await sql(server, `DROP DATABASE IF EXISTS "${db2}" WITH (FORCE)`);
});

describe("the demo seed", () => {
  it("leaves the approved round with its approved version and frozen briefing, and the draft without", async () => {
    await sql(server, `CREATE DATABASE "${db}"`);
    run("scripts/prisma.mjs", ["migrate", "deploy"]);
    run("node_modules/tsx/dist/cli.mjs", ["--conditions=react-server", "prisma/seed.ts"]);
    const rounds = await sql<{ status: string; approvedVersion: number | null; approvedAt: Date | null; frozen: Briefing | null }>(
      url,
      `SELECT status::text AS status, "approvedVersion", "approvedAt", "approvedBriefing" AS frozen FROM "Consultation" ORDER BY "startDate"`,
    );
    expect(rounds.map((r) => [r.status, r.approvedVersion, r.approvedAt !== null, r.frozen !== null])).toEqual([
      ["APPROVED", 1, true, true],
      ["DRAFT", null, false, false],
    ]);
    // What its approved PDF prints: approved, and when.
    const frozen = rounds[0]?.frozen as Briefing;
    expect(frozen).toMatchObject({ status: "APPROVED", approved: true, version: 1 });
    const pages = await pdfPageTexts(await renderPdf({ template: "briefing-note", paper: "A4", briefings: [frozen] }));
    expect(pages.some((page) => page.includes("DRAFT"))).toBe(false);
    expect(pages.join("\n")).toMatch(/Approved by Demo Reviewer on \d{1,2} \w+ \d{4} \(version 1\)\./);
    // Approved as a review leaves it: by the demo reviewer, asked by the administrator who wrote it.
    const reviews = await sql<{ reviewer: string; requester: string; decision: string; version: number }>(
      url,
      `SELECT r.email AS reviewer, q.email AS requester, v.decision::text AS decision, v.version FROM "Review" v JOIN "User" r ON r.id = v."reviewerId" JOIN "User" q ON q.id = v."requestedById"`,
    );
    expect(reviews).toEqual([{ reviewer: "reviewer@readout.local", requester: "admin@readout.local", decision: "APPROVED", version: 1 }]);
    // The audit log tells it as it would have happened: submitted by its author, approved by the reviewer.
    const audit = await sql<{ action: string; actor: string }>(
      url,
      `SELECT a.action, u.email AS actor FROM "AuditLog" a JOIN "User" u ON u.id = a."actorId" WHERE a.action IN ('consultation.submit', 'consultation.approve') ORDER BY a.id`,
    );
    expect(audit).toEqual([
      { action: "consultation.submit", actor: "admin@readout.local" },
      { action: "consultation.approve", actor: "reviewer@readout.local" },
    ]);
    // Both accounts sign in with the password given (DEMO_ADMIN_PASSWORD here; printed otherwise).
    const users = await sql<{ email: string; role: string; active: boolean }>(url, `SELECT email, role::text AS role, active FROM "User" ORDER BY email`);
    expect(users).toEqual([
      { email: "admin@readout.local", role: "ADMIN", active: true },
      { email: "reviewer@readout.local", role: "REVIEWER", active: true },
    ]);
  }, 120_000);

  it("keeps the administrator, shown, and the demo records when the reviewer cannot be created", async () => {
    await sql(server, `CREATE DATABASE "${db2}"`);
    run("scripts/prisma.mjs", ["migrate", "deploy"], url2);
    // The administrator given the reviewer's address: the reviewer's account collides.
    const out = run("node_modules/tsx/dist/cli.mjs", ["--conditions=react-server", "prisma/seed.ts"], url2, { DEMO_ADMIN_EMAIL: "reviewer@readout.local" });
    expect(out).toContain("Demo accounts created");
    const users = await sql<{ email: string; role: string }>(url2, `SELECT email, role::text AS role FROM "User"`);
    expect(users).toEqual([{ email: "reviewer@readout.local", role: "ADMIN" }]);
    const rounds = await sql<{ status: string; approvedVersion: number | null }>(url2, `SELECT status::text AS status, "approvedVersion" FROM "Consultation" ORDER BY "startDate"`);
    expect(rounds).toEqual([
      { status: "APPROVED", approvedVersion: 1 },
      { status: "DRAFT", approvedVersion: null },
    ]);
    expect(await sql(url2, `SELECT 1 FROM "Review"`)).toEqual([]);
  }, 120_000);
});
