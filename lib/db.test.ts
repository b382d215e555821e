import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { createTestUser } from "@/lib/testing/factories";
import { newRoundInput, workedExample } from "@/lib/testing/record-fixtures";
import { saveRecord } from "@/lib/domain/consultations/save-record";

// Prisma reads a record's relations side by side, and inside a transaction (one connection) pg
// queued them itself: deprecated since pg 8.19 (a warning, printed by the first `npm start`), an
// error in pg 9. patches/@prisma+adapter-pg+7.10.0.patch queues them in the adapter. pg warns
// once per process, so this runs in a process of its own.
describe("queries inside a transaction", () => {
  it("run one after another on its connection, all of them, without pg's deprecation warning", async () => {
    // A record with rows in several relations, which Prisma reads side by side: that read is what
    // sent queries at once on the transaction's connection (the raw queries it sends in turn).
    const drafter = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const { id } = await createConsultation(drafter, newRoundInput());
    expect(await saveRecord(drafter, id, 1, workedExample())).toMatchObject({ status: "saved" });
    const dir = mkdtempSync(path.join(tmpdir(), "readout-db-"));
    const script = path.join(dir, "tx.mts");
    writeFileSync(
      script,
      `import { prisma, pool } from ${JSON.stringify(path.resolve("lib/db.ts"))};
const warnings: string[] = [];
process.on("warning", (w) => warnings.push(w.message));
const out = await prisma.$transaction(async (tx) =>
  Promise.all([
    tx.$queryRaw\`SELECT 1 AS n\`,
    tx.$queryRaw\`SELECT pg_sleep(0.05)::text AS slept, 2 AS n\`,
    tx.$queryRaw\`SELECT 3 AS n\`,
    tx.consultation.findUnique({ where: { id: process.env.RECORD_ID }, select: { id: true, participants: { select: { id: true } }, topics: { select: { id: true } }, outcomes: { select: { id: true } } } }),
  ]),
);
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ ns: out.slice(0, 3).map((rows) => (rows as { n: number }[])[0]?.n), record: out[3], warnings }));
await prisma.$disconnect();
await pool.end();
`,
    );
    try {
      const stdout = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script], {
        // Not --no-deprecation (or anything else) from the caller: the warning is what is looked for.
        env: { ...process.env, NODE_OPTIONS: "", RECORD_ID: id },
        encoding: "utf8",
      });
      const result = JSON.parse(stdout.trim().split("\n").at(-1) as string) as { ns: number[]; record: { participants: unknown[]; topics: unknown[] } | null; warnings: string[] };
      expect(result.ns).toEqual([1, 2, 3]);
      expect(result.record?.participants.length).toBeGreaterThan(0);
      expect(result.record?.topics.length).toBeGreaterThan(0);
      expect(result.warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
