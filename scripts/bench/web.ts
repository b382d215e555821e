// npm run bench:web — the pages staff use to find and follow up, on a database of generated
// records (BENCH_RECORDS, default 100,000; or BENCH_DATABASE_URL, already seeded), served by
// the production server (scripts/serve.mjs; run `npm run build` first). p50/p95 and requests/s at 1 and 20 concurrent users
// (autocannon), for a user cleared SECRET and one cleared RESTRICTED; at 20 users also against a
// second server with the read cache off (READ_CACHE=off), for comparison in the same run.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { percentile, signIn } from "../load/app-client";
import pg from "pg";

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3398);
const base = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-password-long-enough";

const db = new pg.Client({ connectionString: url });
await db.connect();
const existing = Number((await db.query(`SELECT count(*)::int AS n FROM "Consultation"`)).rows[0].n);
if (!process.env.BENCH_DATABASE_URL || existing < RECORDS) {
  const t = performance.now();
  execFileSync(process.execPath, ["scripts/seed-scale.mjs", "--records", String(RECORDS - existing)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  console.log(`seeded ${RECORDS - existing} records in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
for (const [email, role, clearance] of [
  ["bench-secret@readout.invalid", "admin", "secret"],
  ["bench-restricted@readout.invalid", "drafter", "restricted"],
] as const) {
  try {
    execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.ts", "--email", email, "--name", `Bench ${clearance}`, "--role", role, "--clearance", clearance], {
      input: `${PASSWORD}\n`,
      stdio: ["pipe", "ignore", "pipe"],
      env: { ...process.env, DATABASE_URL: url },
    });
  } catch (error) {
    // A kept database has them from an earlier run (same password).
    if (!String((error as { stderr?: Buffer }).stderr).includes("already exists")) throw error;
  }
}

// What the scenarios ask for, taken from the data: a page 200 deep, a code only one record has.
const deep = (await db.query(`SELECT to_char("startDate", 'YYYY-MM-DD') AS k, id FROM "Consultation" ORDER BY "startDate" DESC, id DESC OFFSET 5000 LIMIT 1`)).rows[0] as { k: string; id: string };
const deepCursor = Buffer.from(JSON.stringify({ k: deep.k, id: deep.id })).toString("base64url");
const rare = (await db.query(`SELECT substring(title from '· ([0-9A-F]{6})$') AS code FROM "Consultation" WHERE classification = 'UNCLASSIFIED' AND title ~ '· [0-9A-F]{6}$' LIMIT 1`)).rows[0]?.code as string;
const broadCount = Number((await db.query(`SELECT count(*)::int AS n FROM "Consultation" WHERE "searchVector" @@ websearch_to_tsquery('readout', 'cooperation')`)).rows[0].n);
await db.end();

// The same build twice, side by side: as configured, and with the read cache off (decision 0012).
const servers = [
  { port: PORT, env: {} },
  { port: PORT + 1, env: { READ_CACHE: "off" } },
].map(({ port, env }) =>
  spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    stdio: "ignore",
    // Pages only: the PDF renderers' start-up warm-up (~2 s of CPU each) would overlap the first
    // timed pages.
    env: { ...process.env, PDF_WARM_UP_RENDERS: "1", ...env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
  }),
);
const uncached = `http://127.0.0.1:${PORT + 1}`;
const stop = () => servers.forEach((s) => s.kill("SIGTERM"));
process.on("exit", stop);

async function load(path: string, cookie: string, connections: number, server = base, seconds = SECONDS) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${server}${path}`, connections, duration: seconds, headers: { cookie } }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      times.push(responseTime);
    });
  });
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: result.requests.average, errors: errors + result.errors + result.timeouts, n: times.length };
}

try {
  for (const server of [base, uncached]) for (let i = 0; i < 120 && !(await fetch(`${server}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
  const scenarios = [
    { name: "dashboard", path: "/" },
    { name: "list, 200 pages deep (keyset)", path: `/consultations?after=${deepCursor}` },
    { name: `selective search (“${rare}”, 1 record)`, path: `/consultations?q=${encodeURIComponent(rare)}` },
    { name: `broad search (“cooperation”, ${broadCount.toLocaleString("en-GB")} records)`, path: "/consultations?q=cooperation" },
    { name: "commitments tracker", path: "/commitments" },
  ];
  const rows: string[] = [];
  const readers = [
    ["SECRET", "bench-secret@readout.invalid"],
    ["RESTRICTED", "bench-restricted@readout.invalid"],
  ] as const;
  const cookies = new Map<string, string>();
  for (const [who, email] of readers) cookies.set(who, await signIn(base, email, PASSWORD));
  // Every page once under load on both servers before anything is measured: the first page of a
  // fresh server otherwise pays for its code being loaded and compiled (steady state is measured
  // here; a first render's cost is bench:pdf's "first render in a fresh process").
  for (const [who] of readers) for (const s of scenarios) for (const server of [base, uncached]) await load(s.path, cookies.get(who)!, 4, server, 2);
  for (const [who] of readers) {
    const cookie = cookies.get(who)!;
    for (const s of scenarios) {
      const check = await fetch(`${base}${s.path}`, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`${s.path} answered ${check.status}`);
      for (const server of [base, uncached]) await load(s.path, cookie, 2, server, 3); // warm
      const one = await load(s.path, cookie, 1);
      const twenty = await load(s.path, cookie, 20);
      const off = await load(s.path, cookie, 20, uncached);
      rows.push(
        `| ${s.name} | ${who} | ${one.p50.toFixed(0)} | ${one.p95.toFixed(0)} | ${one.rps.toFixed(1)} | ${twenty.p50.toFixed(0)} | ${twenty.p95.toFixed(0)} | ${twenty.rps.toFixed(1)} | ${off.p50.toFixed(0)} | ${off.p95.toFixed(0)} | ${off.rps.toFixed(1)} | ${one.errors + twenty.errors + off.errors} |`,
      );
      console.error(rows.at(-1));
    }
  }
  console.log(`\n${RECORDS.toLocaleString("en-GB")} records; scripts/serve.mjs with ${process.env.WEB_CONCURRENCY ?? os.availableParallelism()} server processes; ${SECONDS} s per run (ms, requests/s)`);
  console.log("| page | reader | 1 user p50 | p95 | req/s | 20 users p50 | p95 | req/s | 20 users, READ_CACHE=off p50 | p95 | req/s | errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(rows.join("\n"));
} finally {
  stop();
}
