import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { markDatabaseAvailable, markDatabaseUnavailable } from "@/lib/db-status";
import { readThrough } from "@/lib/read-cache";

// What getCurrentUser reads with the user: the snapshot of that statement.
const snapshot = async () => (await prisma.$queryRaw<{ s: string }[]>`SELECT pg_current_snapshot()::text AS s`)[0]!.s;
const title = async (id: string) => (await prisma.series.findUnique({ where: { id }, select: { name: true } }))?.name;

const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
afterAll(() => other.end());

describe("the read cache (keyed by the database snapshot)", () => {
  it("reads once per key and snapshot, even for requests that arrive together", async () => {
    const s = await snapshot();
    const key = ["test", randomUUID()];
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return { n: loads };
    };
    const values = await Promise.all(Array.from({ length: 5 }, () => readThrough(s, key, load)));
    expect(loads).toBe(1);
    expect(values.every((v) => v.n === 1)).toBe(true);
    expect((await readThrough(s, key, load)).n).toBe(1);
    // Another key, or no snapshot at all, reads again.
    expect((await readThrough(s, [...key, "other"], load)).n).toBe(2);
    expect((await readThrough(null, key, load)).n).toBe(3);
  });

  it("never serves what was read before a write once the write has committed, wherever it was made", async () => {
    const series = await prisma.series.create({ data: { name: `Read cache test — before ${randomUUID()}`, format: "STRATEGIC_DIALOGUE", homeCountry: "NO", counterpartCountries: ["IS"] } });
    const key = ["series-name", series.id];
    const read = async () => readThrough(await snapshot(), key, () => title(series.id));
    expect(await read()).toBe(series.name);

    // Another connection (another process, say) writes in a transaction; while it is open the
    // write is not visible and whatever is cached meanwhile says "before".
    await other.connect();
    await other.query("BEGIN");
    await other.query(`UPDATE "Series" SET name = $2 WHERE id = $1`, [series.id, `${series.name} — after`]);
    expect(await read()).toBe(series.name);
    await other.query("COMMIT");
    // Committed: every later request sees it (its snapshot is not one anything was cached under).
    expect(await read()).toBe(`${series.name} — after`);
    await prisma.series.delete({ where: { id: series.id } });
  });

  it("drops everything it kept when the database is seen unreachable (a restored server may repeat snapshots)", async () => {
    const s = await snapshot();
    const key = ["outage", randomUUID()];
    let loads = 0;
    const load = async () => ++loads;
    await readThrough(s, key, load);
    await readThrough(s, key, load);
    markDatabaseUnavailable();
    markDatabaseAvailable();
    await readThrough(s, key, load);
    expect(loads).toBe(2);
  });

  it("is unchanged by reads: with no write in between, the snapshot is the same", async () => {
    // Any write on the server moves the snapshot (another test file, autovacuum's ANALYZE, another
    // database): for up to 5 s, a read between two snapshots until no write came between them.
    // A read that moved the snapshot itself would move it every time.
    let same = false;
    for (const until = Date.now() + 5_000; !same && Date.now() < until; ) {
      const a = await snapshot();
      await prisma.consultation.count();
      same = a === (await snapshot());
      if (!same) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(same).toBe(true);
  });
});
