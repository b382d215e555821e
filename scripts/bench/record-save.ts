// Time of a record save (the editor's Save): p50/p95 over 100 saves of the worked example, and
// of a large record (40 rows in each list) measured in the same run, interleaved.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { prisma, pool } from "@/lib/db";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, workedExample } from "@/lib/testing/record-fixtures";
import type { RecordData } from "@/lib/validation/record";

const RUNS = Number(process.argv[2] ?? 100);
const WARMUP = 5;

function large(): RecordData {
  const base = workedExample();
  const times = <T extends { id: string }>(rows: T[], n: number) => Array.from({ length: n }, (_, i) => ({ ...(rows[i % rows.length] as T), id: randomUUID() }));
  return { ...base, participants: times(base.participants, 40), topics: times(base.topics, 40), outcomes: times(base.outcomes, 40), regionalIssues: times(base.regionalIssues, 40), sideMeetings: times(base.sideMeetings, 40), references: times(base.references, 40) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const user = await createTestUser();
  const cases = [
    { name: "worked example (3 people, 8 outcomes)", variants: [workedExample({ summary: "a" }), workedExample({ summary: "b" })], times: [] as number[] },
    { name: "large record (40 rows in each of 6 lists)", variants: [large(), large()], times: [] as number[] },
  ];
  const records = await Promise.all(cases.map(() => createTestRecord(user)));
  const versions = records.map(() => 1);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [c, kase] of cases.entries()) {
      const data = kase.variants[i % 2] as RecordData;
      const t0 = performance.now();
      const r = await saveRecord(user, records[c]!.id, versions[c], data);
      const ms = performance.now() - t0;
      if (r.status !== "saved") throw new Error(`save ${i} of ${kase.name}: ${r.status}`);
      versions[c] = r.version;
      if (i >= WARMUP) kase.times.push(ms);
    }
  }
  console.log(`\nrecord save, ${RUNS} saves each after ${WARMUP} warm-up, interleaved (ms)`);
  console.log("| case | p50 | p95 | mean | min | max |");
  console.log("|---|---|---|---|---|---|");
  const p50s: number[] = [];
  for (const c of cases) {
    const s = [...c.times].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    p50s.push(pct(s, 50));
    console.log(`| ${c.name} | ${pct(s, 50).toFixed(1)} | ${pct(s, 95).toFixed(1)} | ${mean.toFixed(1)} | ${(s[0] ?? NaN).toFixed(1)} | ${(s.at(-1) ?? NaN).toFixed(1)} |`);
  }
  console.log(`\nratio of p50s, large / worked example: ${((p50s[1] ?? NaN) / (p50s[0] ?? NaN)).toFixed(2)}`);
}

try {
  await main();
} finally {
  await prisma.$disconnect();
  await pool.end();
}
