import { describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { asAppError, isDatabaseUnavailable } from "@/lib/errors";
import { databaseUnavailableSince, markDatabaseAvailable } from "@/lib/db-status";

// The errors a lost database really produces (through pg and through Prisma's adapter) are told
// apart from every other error: they become a 503 that says "try again", the rest a logged 500.

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("a lost database is recognised", () => {
  it("refused connections, through pg and through Prisma, are UNAVAILABLE (503)", async () => {
    // Port 1: nothing listens there.
    const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres", connectionTimeoutMillis: 2_000 });
    const viaPrisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const raw = await errorOf(() => pool.query("select 1"));
      const orm = await errorOf(() => viaPrisma.user.count());
      markDatabaseAvailable();
      for (const error of [raw, orm]) {
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        expect(asAppError(error)?.status).toBe(503);
      }
      expect(databaseUnavailableSince()).toBeTypeOf("number");
    } finally {
      markDatabaseAvailable();
      await viaPrisma.$disconnect();
      await pool.end().catch(() => {});
    }
  });

  it("a connection the server terminates (admin shutdown, 57P01) is UNAVAILABLE", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    client.on("error", () => {});
    const pid = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    const pending = errorOf(() => client.query("select pg_sleep(5)"));
    await new Promise((r) => setTimeout(r, 200));
    await killer.query("select pg_terminate_backend($1)", [pid]);
    await killer.end();
    const error = await pending;
    markDatabaseAvailable();
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    await client.end().catch(() => {});
  });

  it("a query Prisma sends on a connection the server has just closed is UNAVAILABLE", () => {
    // As logged by the outage drill (scripts/drill-db-restart.ts) for a save caught mid-shutdown.
    const error = new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Server has closed the connection.`");
    expect(isDatabaseUnavailable(error)).toBe(true);
    markDatabaseAvailable();
  });

  it("other database errors are not: a unique violation or a syntax error stays a 500", async () => {
    const syntax = await errorOf(() => prisma.$executeRawUnsafe("select from where"));
    const email = `dup-${Date.now()}@test.readout`;
    await prisma.user.create({ data: { email, name: "Dup", role: "VIEWER", clearance: "UNCLASSIFIED", passwordHash: "x" } });
    const unique = await errorOf(() => prisma.user.create({ data: { email, name: "Dup", role: "VIEWER", clearance: "UNCLASSIFIED", passwordHash: "x" } }));
    for (const error of [syntax, unique, new Error("boom")]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
      expect(asAppError(error)).toBeNull();
    }
  });
});
